import { endOfDayInstant } from '@tdnv/calendar';
import { Actor } from '@tdnv/domain';
import { NewEvent, SqliteEventStore } from '@tdnv/event-store';
import {
  buildAppendix,
  periodicReportCounts,
  PROJECTIONS,
  readCheckpoint,
  recountTally,
  runProjection,
  statsAnswer,
  StatsRequest,
} from '@tdnv/read-models';
import { CONTEXT, openTestStore, tempDir, TestStore } from './read-model.fixtures';

/**
 * Issue 11, statistics and appendix of periodic duties, over a real read-model store (SQLite and
 * PostgreSQL): three monthly duties "hằng tháng, trước ngày 05" over two periods, one reported on
 * time, one late, one missed; a fourth cancelled with its first period open; a dated task beside them.
 */
const NOTICE = '2026-45-tb-vpcp';
const ON_TIME = `${NOTICE}.1.btc`;
const LATE = `${NOTICE}.2.bca`;
const MISSED = `${NOTICE}.3.byt`;
const CANCELLED = `${NOTICE}.4.bxd`;
const DATED = `${NOTICE}.5.btc`;
const vpcp: Actor = { id: 'v', role: 'vpcp' };
const btc: Actor = { id: 'b', role: 'agency', agency: 'BTC' };
const names = { agency: (code: string) => ({ BTC: 'Bộ Tài chính', BCA: 'Bộ Công an', BYT: 'Bộ Y tế', BXD: 'Bộ Xây dựng' })[code] };
const endOf = (day: string) => new Date(endOfDayInstant(day, CONTEXT.timeZone).getTime() - 1).toISOString();
const MONTHLY = {
  due: '2026-11-05',
  kind: 'recurring' as const,
  phrase: 'Hằng tháng, trước ngày 05',
  recurrence: { freq: 'monthly' as const, day: 5 },
};

type Step = [taskId: string, type: string, data: Record<string, unknown>, at: string];
const assigned = (taskId: string, index: number, lead: string, deadline: object): Step => [
  taskId,
  'TaskAssigned',
  {
    noticeId: NOTICE,
    noticeNumber: '45/TB-VPCP',
    directiveIndex: index,
    text: `Nhiệm vụ ${index + 1}`,
    lead,
    coordinators: [],
    deadline,
    key: false,
    confidential: false,
    assignedAt: '2026-10-20T03:00:00.000Z',
  },
  '2026-10-20T03:00:00.000Z',
];
const next = (period: string, due: string) => ({ period, due });
const submitted = (taskId: string, period: string, due: string, at: string, onTime: boolean, after?: object): Step => [
  taskId,
  'PeriodicReportSubmitted',
  {
    by: taskId.slice(-3).toUpperCase(),
    period,
    due,
    note: `Báo cáo kỳ ${period}`,
    reportedAt: at,
    reportedOn: at.slice(0, 10),
    onTime,
    ...(after ? { next: after } : {}),
  },
  at,
];
const missed = (taskId: string, period: string, due: string, at: string, after: object): Step => [
  taskId,
  'PeriodicReportMissed',
  { period, due, next: after },
  at,
];

/** Period 11/2026 due Thursday 05/11; period 12/2026 due Saturday 05/12, on time through Monday 07/12 (Điều 148). */
const STORY: Step[] = [
  assigned(ON_TIME, 0, 'BTC', MONTHLY),
  assigned(LATE, 1, 'BCA', MONTHLY),
  assigned(MISSED, 2, 'BYT', MONTHLY),
  assigned(CANCELLED, 3, 'BXD', MONTHLY),
  assigned(DATED, 4, 'BTC', { due: '2026-11-30', kind: 'date', phrase: 'trước ngày 30/11/2026' }),
  [CANCELLED, 'TaskCancelled', { reason: 'Không còn phù hợp' }, '2026-11-02T03:00:00.000Z'],
  submitted(ON_TIME, '2026-11', '2026-11-05', '2026-11-03T03:00:00.000Z', true, next('2026-12', '2026-12-05')),
  missed(LATE, '2026-11', '2026-11-05', '2026-11-05T17:00:00.000Z', next('2026-12', '2026-12-05')),
  missed(MISSED, '2026-11', '2026-11-05', '2026-11-05T17:00:00.000Z', next('2026-12', '2026-12-05')),
  submitted(LATE, '2026-11', '2026-11-05', '2026-11-10T03:00:00.000Z', false),
  submitted(ON_TIME, '2026-12', '2026-12-05', '2026-12-07T03:00:00.000Z', true, next('2027-01', '2027-01-05')),
  missed(LATE, '2026-12', '2026-12-05', '2026-12-07T17:00:00.000Z', next('2027-01', '2027-01-05')),
  missed(MISSED, '2026-12', '2026-12-05', '2026-12-07T17:00:00.000Z', next('2027-01', '2027-01-05')),
  submitted(LATE, '2026-12', '2026-12-05', '2026-12-10T03:00:00.000Z', false),
];

async function appendStory(store: SqliteEventStore): Promise<void> {
  for (const [taskId, type, data, at] of STORY) {
    const event: NewEvent = { type, data: { taskId, ...data }, metadata: { occurredAt: at, actor: { id: 'test', role: 'vpcp' } } };
    await store.appendToStream({ stream: `task-${taskId}`, expected: 'any', events: [event] });
  }
}

const figures = (due: number, onTime: number, late: number, missing: number) => ({ due, onTime, late, missing });

describe.each(['sqlite', 'postgres'] as const)('periodic reports in /stats and the appendix on %s', (dialect) => {
  const dir = tempDir();
  let store: SqliteEventStore;
  let rm: TestStore;

  beforeAll(async () => {
    store = new SqliteEventStore(`${dir.path}/events.sqlite`);
    rm = await openTestStore(dialect, dir.path);
    await appendStory(store);
    for (const projection of PROJECTIONS) await runProjection(rm.db, store, projection, CONTEXT, { batchSize: 3 });
  });
  afterAll(async () => {
    await rm.dispose();
    await store.close();
    dir.remove();
  });

  const request = (over: Partial<StatsRequest> = {}): StatsRequest => ({
    groupBy: 'agency',
    deadline: 'current',
    today: '2026-12-20',
    ...over,
  });
  const byAgency = async (actor: Actor, over: Partial<StatsRequest> = {}) =>
    Object.fromEntries((await periodicReportCounts(rm.db, actor, request(over))).map((g) => [g.key, g.counts]));

  it('given two periods: on time, late and missing per agency; the cancelled series owes nothing', async () => {
    expect(await byAgency(vpcp)).toEqual({ BTC: figures(2, 2, 0, 0), BCA: figures(2, 0, 2, 0), BYT: figures(2, 0, 0, 2) });
  });

  it('as of a past day: only the reports recorded by then, and the periods due by then', async () => {
    expect(await byAgency(vpcp, { today: '2026-11-30', asOf: endOf('2026-11-30') })).toEqual({
      BTC: figures(1, 1, 0, 0),
      BCA: figures(1, 0, 1, 0),
      BYT: figures(1, 0, 0, 1),
    });
    // 08/11: the late report had not come yet.
    expect(await byAgency(vpcp, { today: '2026-11-08', asOf: endOf('2026-11-08') })).toMatchObject({ BCA: figures(1, 0, 0, 1) });
    // Monday 07/12 is still within period 12/2026 (05/12 is a Saturday): it is not yet counted, except the report made that day.
    expect(await byAgency(vpcp, { today: '2026-12-07', asOf: '2026-12-07T04:00:00.000Z' })).toMatchObject({
      BTC: figures(2, 2, 0, 0),
      BYT: figures(1, 0, 0, 1),
    });
  });

  it('in the period asked: from/to bound the periods’ due dates', async () => {
    expect(await byAgency(vpcp, { from: '2026-12-01', to: '2026-12-31' })).toEqual({
      BTC: figures(1, 1, 0, 0),
      BCA: figures(1, 0, 1, 0),
      BYT: figures(1, 0, 0, 1),
    });
  });

  it('an agency sees its own figures only', async () => {
    expect(await byAgency(btc)).toEqual({ BTC: figures(2, 2, 0, 0) });
  });

  it('/stats keeps the official categories: the open periodic duties are standing duties, and each group carries its periodic reports', async () => {
    for (const over of [{}, { asOf: endOf('2026-12-20') }, { asOf: endOf('2026-12-20'), asOfEndOfDay: true }]) {
      const answer = await statsAnswer(rm.db, vpcp, request(over), names);
      const btcGroup = answer.groups.find((g) => g.key === 'BTC')!;
      expect(btcGroup).toMatchObject({
        name: 'Bộ Tài chính',
        no_deadline: 1,
        open_overdue: 1,
        total: 2,
        periodicReports: figures(2, 2, 0, 0),
      });
      expect(answer.groups.find((g) => g.key === 'BXD')).toMatchObject({ cancelled: 1, periodicReports: figures(0, 0, 0, 0) });
      expect(answer.total).toMatchObject({ no_deadline: 3, open_overdue: 1, cancelled: 1, total: 5, periodicReports: figures(6, 2, 2, 2) });
    }
    const byNotice = await statsAnswer(rm.db, vpcp, request({ groupBy: 'notice' }), names);
    expect(byNotice.groups).toMatchObject([{ key: NOTICE, name: '45/TB-VPCP', periodicReports: figures(6, 2, 2, 2) }]);
  });

  it('the counters the projection kept equal the database’s own count (standingSql counts an open periodic duty as standing too)', async () => {
    const now = () =>
      rm.db.all("SELECT dim, part, grp, conf, cur, orig, n FROM rm_task_tally WHERE period = '*' ORDER BY dim, part, grp, conf, cur, orig");
    const kept = (await now()).map((r) => ({ ...r, n: Number(r.n) }));
    expect(kept).toContainEqual(expect.objectContaining({ dim: 'agency', grp: 'BYT', cur: 'N', n: 1 }));
    const generation = (await readCheckpoint(rm.db, 'tasks'))!.generation;
    await rm.db.transaction((tx) => recountTally(tx, generation));
    expect((await now()).map((r) => ({ ...r, n: Number(r.n) }))).toEqual(kept);
  });

  it('the appendix says each duty’s rhythm and its last period', async () => {
    const appendix = await buildAppendix(rm.db, vpcp, { today: '2026-12-20', deadline: 'current' }, names);
    const cells = appendix.lines.filter((l) => l.kind === 'directive').map((l) => l.deadline);
    expect(cells).toEqual([
      'Hằng tháng, trước ngày 05\nKỳ 12/2026: đã báo cáo đúng hạn',
      'Hằng tháng, trước ngày 05\nKỳ 12/2026: báo cáo muộn (ngày 10/12/2026)',
      'Hằng tháng, trước ngày 05\nKỳ 12/2026: chưa báo cáo',
      '30/11/2026',
    ]);
    const before = await buildAppendix(rm.db, vpcp, { today: '2026-11-08', asOf: endOf('2026-11-08'), deadline: 'current' }, names);
    expect(before.lines.filter((l) => l.kind === 'directive').map((l) => l.deadline)[1]).toBe(
      'Hằng tháng, trước ngày 05\nKỳ 11/2026: chưa báo cáo',
    );
  });

  it('rebuilt event by event, the periods are the same rows', async () => {
    const other = tempDir();
    const again = await openTestStore(dialect, other.path);
    try {
      for (const projection of PROJECTIONS) await runProjection(again.db, store, projection, CONTEXT, { batchSize: 1 });
      const rows = (db: TestStore['db']) =>
        db.all(
          'SELECT task_id, period, due, effective_due, reported_at, reported_on, on_time, missed, closed_at FROM rm_task_occurrences ORDER BY task_id, period',
        );
      const live = await rows(rm.db);
      expect(live).toHaveLength(10);
      expect(await rows(again.db)).toEqual(live);
      expect(live.find((r) => r.task_id === CANCELLED)).toMatchObject({ period: '2026-11', closed_at: '2026-11-02T03:00:00.000Z' });
    } finally {
      await again.dispose();
      other.remove();
    }
  });
});
