import { startProjectionsWorker } from '../../apps/worker/src/projections/projections.processor';
import { createDeadlinePolicy } from '@tdnv/calendar';
import { Actor } from '@tdnv/domain';
import { redisConnection } from '@tdnv/queues';
import { openReadModelDatabase, readCheckpoints, SqlDatabase } from '@tdnv/read-models';
import { DEFAULT_REMINDER_POLICY } from '@tdnv/reminders';
import { eventually } from '@tdnv/testing';
import { ApiHarness } from '../support/api-harness';
import { REDIS_URL, ReminderWorld, TZ } from '../reminders/reminder-test-kit';

/**
 * Issue 11 end to end: three monthly duties "hằng tháng, trước ngày 05" run through three periods
 * (10/2026, 11/2026, 12/2026) with the real reminder worker, Redis and SMTP sink and a clock the
 * test moves: one reported on time, one late, one missed, each missed period recorded by the worker.
 * Then the API, started at that moment (CLOCK_START) over the same log, with the projections
 * worker, answers /stats and the appendix.
 */
const NOTICE = '2026-45-tb-vpcp';
const ON_TIME = `${NOTICE}.1.btc`;
const LATE = `${NOTICE}.2.bca`;
const MISSED = `${NOTICE}.3.byt`;
const TASKS = [ON_TIME, LATE, MISSED];
const code = (taskId: string) => taskId.slice(-3).toUpperCase();
const lead = (taskId: string): Actor => ({ id: `u-${taskId.slice(-3)}`, role: 'agency', agency: code(taskId) });
const MONTHLY = {
  due: '2026-10-05',
  kind: 'recurring' as const,
  phrase: 'Hằng tháng, trước ngày 05',
  rule: 'monthly, day 5',
  recurrence: { freq: 'monthly' as const, day: 5 },
};
/** Per period: the on-time report, an instant after the missed transition, the late report. */
const PERIODS = [
  { period: '2026-10', onTime: '2026-10-02T03:00:00Z', afterMissed: '2026-10-06T05:00:00Z', late: '2026-10-07T03:00:00Z' },
  { period: '2026-11', onTime: '2026-11-03T03:00:00Z', afterMissed: '2026-11-06T05:00:00Z', late: '2026-11-09T03:00:00Z' },
  // Due Saturday 05/12: on time through Monday 07/12 (Điều 148).
  { period: '2026-12', onTime: '2026-12-07T03:00:00Z', afterMissed: '2026-12-08T05:00:00Z', late: '2026-12-10T03:00:00Z' },
];

/** RFC 4180 rows of the appendix CSV (every cell quoted, a BOM first). */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') cell += text[i++];
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',' || c === '\n') {
      row.push(cell);
      cell = '';
      if (c === '\n') {
        rows.push(row);
        row = [];
      }
    } else if (c !== '\r') cell += c;
  }
  return rows;
}

describe('periodic duties end to end: statistics and appendix', () => {
  let world: ReminderWorld;
  let api: ApiHarness | undefined;
  let projections: { close(): Promise<void> } | undefined;
  let db: SqlDatabase | undefined;
  afterEach(async () => {
    await projections?.close();
    await db?.close();
    await api?.dispose();
    await world.dispose();
  });

  /** The instant a task's pending reminder job fires, from its ladder. */
  const pending = async (taskId: string) => {
    const id = await world.pendingJob(taskId);
    const [, , rung, due] = id?.split('__') ?? [];
    const at = id ? (await world.ladder(taskId)).find((r) => r.rung === rung && r.due === due)?.fireAt.getTime() : undefined;
    return { taskId, id, at };
  };
  /** Moves the clock to `iso`, letting every job due before it fire in order (a second before each, then it fires). */
  const runUntil = async (iso: string) => {
    const until = Date.parse(iso);
    for (;;) {
      const jobs = (await Promise.all(TASKS.map(pending))).filter((j) => j.at !== undefined && j.at < until);
      const next = jobs.sort((a, b) => a.at! - b.at!)[0];
      if (!next) break;
      world.setNow(next.at! - 1_000);
      await world.workers[0].scheduler.replan(TASKS);
      await eventually(async () => (await world.pendingJob(next.taskId)) !== next.id, `${next.id} to fire`, { timeoutMs: 20_000 });
    }
    world.setNow(until);
    await world.workers[0].scheduler.replan(TASKS);
  };
  const report = (taskId: string, period: string) =>
    world.command(taskId, 'SubmitPeriodicReport', { period, note: `Báo cáo kỳ ${period}` }, lead(taskId));

  it('stats and appendix after three periods', async () => {
    world = new ReminderWorld({ ...DEFAULT_REMINDER_POLICY, digest: false, beforeDue: [3, 0], escalateAfterRemindersWithoutUpdate: 0 });
    for (const t of TASKS)
      await world.setContacts(code(t), { focal: [`dau-moi@${t.slice(-3)}.gov.vn`], leader: [`lanh-dao@${t.slice(-3)}.gov.vn`] });
    world.setNow('2026-09-24T03:00:00Z');
    await world.start();
    for (const [index, t] of TASKS.entries()) {
      const data = {
        noticeId: NOTICE,
        noticeNumber: '45/TB-VPCP',
        directiveIndex: index,
        text: `Hằng tháng, trước ngày 05, báo cáo tình hình thực hiện (${code(t)})`,
        lead: code(t),
        coordinators: [],
        deadline: MONTHLY,
        key: false,
        confidential: false,
        assignedAt: world.clock.now().toISOString(),
      };
      await world.append(t, [{ type: 'TaskAssigned', data }]);
    }
    for (const t of TASKS) await eventually(async () => (await world.pendingJob(t)) !== null, `${t}: its first reminder`);

    for (const [n, p] of PERIODS.entries()) {
      await runUntil(p.onTime);
      expect(await report(ON_TIME, p.period)).toMatchObject([{ data: { period: p.period, onTime: true } }]);
      await runUntil(p.afterMissed);
      for (const t of [LATE, MISSED]) await world.eventsAppear(t, n + 1, 'PeriodicReportMissed');
      await runUntil(p.late);
      expect(await report(LATE, p.period)).toMatchObject([{ data: { period: p.period, onTime: false } }]);
    }
    // The worker recorded each missed period once, and sent mail for them.
    for (const t of [LATE, MISSED]) expect(await world.events(t, 'PeriodicReportMissed')).toHaveLength(3);
    expect(world.sink.mails.some((m) => m.subject.startsWith('[Cảnh báo chưa báo cáo định kỳ]'))).toBe(true);

    // The API as of that moment (Thursday 10/12/2026, 10:00), over the same log, with its read models.
    api = new ApiHarness({ DATA_DIR: world.dir, CLOCK_START: world.clock.now().toISOString(), TZ_DEADLINES: TZ });
    await api.start();
    db = await openReadModelDatabase({ dataDir: world.dir });
    const store = world.store;
    projections = await startProjectionsWorker({
      connection: redisConnection(REDIS_URL),
      prefix: api.config.queuePrefix,
      db,
      store,
      policy: createDeadlinePolicy(true),
      timeZone: TZ,
      catchUpEveryMs: 200,
    });
    const head = (await store.readAll(0n, 100_000)).at(-1)!.position;
    await eventually(async () => (await readCheckpoints(db!)).every((c) => c.position >= head), 'the projections to reach the log’s end');

    const vpcp = api.token('vpcp');
    const stats = (query = '') => api!.request('GET', `/api/v1/stats?groupBy=agency${query}`, { token: vpcp });
    const now = await stats();
    expect(now.status).toBe(200);
    const periodic = (body: { groups: { key: string; periodicReports: unknown }[] }) =>
      Object.fromEntries(body.groups.map((g) => [g.key, g.periodicReports]));
    expect(periodic(now.body)).toEqual({
      BTC: { due: 3, onTime: 3, late: 0, missing: 0 },
      BCA: { due: 3, onTime: 0, late: 3, missing: 0 },
      BYT: { due: 3, onTime: 0, late: 0, missing: 3 },
    });
    // The official categories: each open periodic duty is a standing duty (thường xuyên), never overdue.
    expect(now.body.total).toMatchObject({
      total: 3,
      no_deadline: 3,
      open_overdue: 0,
      periodicReports: { due: 9, onTime: 3, late: 3, missing: 3 },
    });
    // The period asked: November's reports only; and as of the end of 30/11 (two periods due then).
    expect(periodic((await stats('&from=2026-11-01&to=2026-11-30')).body)).toEqual({
      BTC: { due: 1, onTime: 1, late: 0, missing: 0 },
      BCA: { due: 1, onTime: 0, late: 1, missing: 0 },
      BYT: { due: 1, onTime: 0, late: 0, missing: 1 },
    });
    expect((await stats('&asOf=2026-11-30')).body.total.periodicReports).toEqual({ due: 6, onTime: 2, late: 2, missing: 2 });
    // An agency sees its own figures.
    const own = await api.request('GET', '/api/v1/stats?groupBy=agency', { token: api.token('agency', 'BCA') });
    expect(periodic(own.body)).toEqual({ BCA: { due: 3, onTime: 0, late: 3, missing: 0 } });

    const csv = await api.request('GET', '/api/v1/reports/appendix?format=csv', { token: vpcp });
    expect(csv.status).toBe(200);
    const cells = csvRows(csv.body as string)
      .filter((r) => r[2] !== '' && r[0] !== 'TT')
      .map((r) => [r[2], r[3]]);
    expect(cells).toEqual([
      ['Bộ Tài chính', 'Hằng tháng, trước ngày 05\nKỳ 12/2026: đã báo cáo đúng hạn'],
      ['Bộ Công an', 'Hằng tháng, trước ngày 05\nKỳ 12/2026: báo cáo muộn (ngày 10/12/2026)'],
      ['Bộ Y tế', 'Hằng tháng, trước ngày 05\nKỳ 12/2026: chưa báo cáo'],
    ]);
  }, 180_000);
});
