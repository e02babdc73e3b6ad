import { endOfDayInstant } from '@tdnv/calendar';
import { Actor } from '@tdnv/domain';
import { SqliteEventStore } from '@tdnv/event-store';
import {
  runProjection,
  PROJECTIONS,
  reportRows,
  countInMemory,
  recountTally,
  readCheckpoint,
  StatsRequest,
  statsAnswer,
  taskStats,
  warmStatsAnswers,
} from '@tdnv/read-models';
import { appendRandomScenario, CONTEXT, TestStore, LogAndReadModels } from './read-model.fixtures';

const names = { agency: (code: string) => (code === 'BTC' ? 'Bộ Tài chính' : undefined) };

/** The instant the API answers `asOf=<day>` for: the last millisecond of that local day. */
const endOf = (day: string) => new Date(endOfDayInstant(day, CONTEXT.timeZone).getTime() - 1).toISOString();

describe.each(['sqlite', 'postgres'] as const)('stats from the counters on %s', (dialect) => {
  const world = new LogAndReadModels(dialect);
  let store: SqliteEventStore;
  let rm: TestStore;

  beforeAll(async () => {
    ({ store, rm } = await world.open());
    await appendRandomScenario(store, { seed: 11, notices: 14, steps: 2000 });
    // Small batches: the counters are netted per batch, so many batches test the netting.
    for (const projection of PROJECTIONS) await runProjection(rm.db, store, projection, CONTEXT, { batchSize: 97 });
  });
  afterAll(async () => {
    await world.close();
  });

  const actors: Actor[] = [
    { id: 'v', role: 'vpcp' },
    { id: 'w', role: 'viewer' },
    { id: 'b', role: 'agency', agency: 'BTC' },
  ];
  const requests: Omit<StatsRequest, 'today'>[] = [
    { groupBy: 'agency', deadline: 'current' },
    { groupBy: 'notice', deadline: 'original' },
    { groupBy: 'month', deadline: 'current', from: '2026-01-10' },
    { groupBy: 'month', deadline: 'original', from: '2026-01-06', to: '2026-01-20' },
    { groupBy: 'month', deadline: 'original', from: '2026-01-01', to: '2026-02-28' },
    { groupBy: 'month', deadline: 'current', to: '2026-01-31' },
    { groupBy: 'agency', deadline: 'original', agency: 'BCA' },
    { groupBy: 'month', deadline: 'current', agency: 'BTC' },
    { groupBy: 'notice', deadline: 'current', noticeId: 's-3' },
    { groupBy: 'agency', deadline: 'current', noticeId: 's-3' },
    { groupBy: 'notice', deadline: 'current', from: '2026-01-10' },
  ];

  it('equal the row-by-row count now, for every grouping, filter, deadline, actor and day', async () => {
    let compared = 0;
    for (const actor of actors) {
      for (const request of requests) {
        // Days before, among and after the deadlines, so every bucket and ageing band is reached.
        for (const today of ['2026-01-15', '2026-05-20', '2026-12-31']) {
          const full = { ...request, today };
          const expected = countInMemory(await reportRows(rm.db, actor, full), full, names);
          expect(await taskStats(rm.db, actor, full, names)).toEqual(expected);
          compared += expected.total.total;
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it("equal the rows rebuilt from the history at the end of past days (the nearer month's end, plus or minus the changes of the days between)", async () => {
    let compared = 0;
    // The scenario's clock runs from January 2026 over about four years.
    for (const day of ['2026-01-05', '2026-01-20', '2026-02-28', '2026-07-01', '2027-03-15', '2028-12-31', '2031-01-01']) {
      for (const actor of actors) {
        for (const request of requests) {
          const full = { ...request, today: day, asOf: endOf(day) };
          const expected = countInMemory(await reportRows(rm.db, actor, full), full, names);
          expect(await taskStats(rm.db, actor, { ...full, asOfEndOfDay: true }, names)).toEqual(expected);
          compared += expected.total.total;
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('every day of a month equals the rows, whether counted up from the month before or down from its own end', async () => {
    const vpcp: Actor = { id: 'v', role: 'vpcp' };
    let compared = 0;
    for (let d = 1; d <= 31; d++) {
      const day = `2026-03-${String(d).padStart(2, '0')}`;
      for (const request of [requests[0], requests[1]]) {
        const full = { ...request, today: day, asOf: endOf(day) };
        const expected = countInMemory(await reportRows(rm.db, vpcp, full), full, names);
        expect({ day, stats: await taskStats(rm.db, vpcp, { ...full, asOfEndOfDay: true }, names) }).toEqual({ day, stats: expected });
        compared += expected.total.total;
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it("an agency's answer for a past day does not change when its tasks move on", async () => {
    const btc: Actor = { id: 'b', role: 'agency', agency: 'BTC' };
    const request = {
      groupBy: 'notice' as const,
      deadline: 'current' as const,
      today: '2026-03-31',
      asOf: endOf('2026-03-31'),
      asOfEndOfDay: true,
    };
    const before = await taskStats(rm.db, btc, request, names);
    expect(before.total.total).toBeGreaterThan(0);
    // Later (2035): BTC's tasks are reassigned, completed or cancelled, and a new one is assigned.
    const at = new Date('2035-01-02T03:00:00Z');
    const metadata = { occurredAt: at.toISOString(), actor: { id: 'v', role: 'vpcp' } };
    const own = await rm.db.all<{ task_id: string }>("SELECT task_id FROM rm_tasks WHERE lead = 'BTC' ORDER BY task_id");
    expect(own.length).toBeGreaterThan(3);
    for (const [i, { task_id: taskId }] of own.entries()) {
      const event =
        i % 3 === 0
          ? { type: 'TaskReassigned', data: { taskId, from: 'BTC', to: 'BCA', reason: 'Giao lại' } }
          : i % 3 === 1
            ? { type: 'TaskCompleted', data: { taskId, reportedAt: at.toISOString(), reportedOn: '2035-01-02', due: null, onTime: null } }
            : { type: 'TaskCancelled', data: { taskId, reason: 'Thu hồi' } };
      await store.appendToStream({ stream: `task-${taskId}`, expected: 'any', events: [{ ...event, metadata }] });
    }
    const assigned = {
      taskId: 'later.1.btc',
      noticeId: 's-0',
      noticeNumber: '1/TB-VPCP',
      directiveIndex: 9,
      text: 'Nhiệm vụ mới',
      lead: 'BTC',
      coordinators: [],
      deadline: { due: '2035-03-31', kind: 'date' },
      key: false,
      confidential: false,
      assignedAt: at.toISOString(),
    };
    await store.appendToStream({
      stream: 'task-later.1.btc',
      expected: 'no_stream',
      events: [{ type: 'TaskAssigned', data: assigned, metadata }],
    });
    for (const projection of PROJECTIONS) await runProjection(rm.db, store, projection, CONTEXT);
    expect(await taskStats(rm.db, btc, request, names)).toEqual(before);
    const now = await taskStats(rm.db, btc, { ...request, today: '2035-01-03', asOf: undefined, asOfEndOfDay: undefined }, names);
    expect(now.total.total).not.toBe(before.total.total);
  });

  it('a late event dated in an earlier month counts in that month and every later one', async () => {
    const vpcp: Actor = { id: 'v', role: 'vpcp' };
    const at = (iso: string) => ({ occurredAt: iso, actor: { id: 'v', role: 'vpcp' } });
    // Recorded now, dated in months that already have their end-of-month standing.
    const late = {
      taskId: 'late.1.bxd',
      noticeId: 's-2',
      noticeNumber: '3/TB-VPCP',
      directiveIndex: 8,
      text: 'Nhiệm vụ ghi muộn',
      lead: 'BXD',
      coordinators: [],
      deadline: { due: '2026-02-05', kind: 'date' },
      key: false,
      confidential: false,
      assignedAt: '2026-01-20T03:00:00.000Z',
    };
    await store.appendToStream({
      stream: 'task-late.1.bxd',
      expected: 'no_stream',
      events: [
        { type: 'TaskAssigned', data: late, metadata: at('2026-01-20T03:00:00.000Z') },
        { type: 'TaskCancelled', data: { taskId: 'late.1.bxd', reason: 'Thu hồi' }, metadata: at('2026-02-10T03:00:00.000Z') },
      ],
    });
    // Before the first month of the log: the month gets an end-of-month standing of its own.
    const assigned = {
      taskId: 'early.1.bca',
      noticeId: 's-1',
      noticeNumber: '2/TB-VPCP',
      directiveIndex: 7,
      text: 'Nhiệm vụ ghi muộn',
      lead: 'BCA',
      coordinators: ['BTC'],
      deadline: { due: '2025-12-15', kind: 'date' },
      key: false,
      confidential: false,
      assignedAt: '2025-11-03T03:00:00.000Z',
    };
    await store.appendToStream({
      stream: 'task-early.1.bca',
      expected: 'no_stream',
      events: [{ type: 'TaskAssigned', data: assigned, metadata: at('2025-11-03T03:00:00.000Z') }],
    });
    for (const projection of PROJECTIONS) await runProjection(rm.db, store, projection, CONTEXT);
    for (const day of ['2025-11-03', '2025-12-31', '2026-01-31', '2026-02-09', '2026-02-10', '2026-03-01', '2029-06-30']) {
      for (const request of requests.slice(0, 4)) {
        const full = { ...request, today: day, asOf: endOf(day) };
        const expected = countInMemory(await reportRows(rm.db, vpcp, full), full, names);
        expect(await taskStats(rm.db, vpcp, { ...full, asOfEndOfDay: true }, names)).toEqual(expected);
      }
    }
  });

  it("a past day's answer and today's, once counted and kept, follow a late event and today's changes", async () => {
    const vpcp: Actor = { id: 'v', role: 'vpcp' };
    const at = (iso: string) => ({ occurredAt: iso, actor: { id: 'v', role: 'vpcp' } });
    const request = { groupBy: 'notice' as const, deadline: 'current' as const };
    const past = { ...request, today: '2026-02-20', asOf: endOf('2026-02-20'), asOfEndOfDay: true };
    const today = { ...request, today: '2031-06-01', from: undefined };
    const expected = async () => ({
      past: countInMemory(await reportRows(rm.db, vpcp, past), past, names),
      today: countInMemory(await reportRows(rm.db, vpcp, today), today, names),
    });
    const answered = async () => ({ past: await taskStats(rm.db, vpcp, past, names), today: await taskStats(rm.db, vpcp, today, names) });
    const before = await answered();
    expect(before).toEqual(await expected());
    const task = (taskId: string, assignedAt: string) => ({
      taskId,
      noticeId: 's-4',
      noticeNumber: '5/TB-VPCP',
      directiveIndex: 9,
      text: 'Nhiệm vụ ghi muộn',
      lead: 'BXD',
      coordinators: [],
      deadline: { due: '2026-02-15', kind: 'date' },
      key: false,
      confidential: false,
      assignedAt,
    });
    // Recorded now with a day before the kept answers' days (a late event), and one on "today".
    await store.appendToStream({
      stream: 'task-late.2.bxd',
      expected: 'no_stream',
      events: [{ type: 'TaskAssigned', data: task('late.2.bxd', '2026-02-10T03:00:00.000Z'), metadata: at('2026-02-10T03:00:00.000Z') }],
    });
    await store.appendToStream({
      stream: 'task-today.1.bxd',
      expected: 'no_stream',
      events: [{ type: 'TaskAssigned', data: task('today.1.bxd', '2031-06-01T03:00:00.000Z'), metadata: at('2031-06-01T03:00:00.000Z') }],
    });
    for (const projection of PROJECTIONS) await runProjection(rm.db, store, projection, CONTEXT);
    const after = await answered();
    expect(after).toEqual(await expected());
    expect(after.past.total.total).toBe(before.past.total.total + 1);
    expect(after.today.total.total).toBe(before.today.total.total + 2);
  });

  it('warmed answers are the same answers; a group kept between answers follows a renamed agency, and an earlier answer keeps its name', async () => {
    const vpcp: Actor = { id: 'v', role: 'vpcp' };
    const request: StatsRequest = { groupBy: 'agency', deadline: 'current', today: '2026-05-20' };
    await warmStatsAnswers(rm.db, request.today, names);
    const first = await statsAnswer(rm.db, vpcp, request, names);
    const expected = countInMemory(await reportRows(rm.db, vpcp, request), request, names);
    expect(first.groups.map(({ periodicReports: _, ...group }) => group)).toEqual(expected.groups);
    const renamed = { agency: (code: string) => (code === 'BTC' ? 'Bộ Tài chính (tên mới)' : undefined) };
    const second = await statsAnswer(rm.db, vpcp, request, renamed);
    expect(second.groups.find((group) => group.key === 'BTC')?.name).toBe('Bộ Tài chính (tên mới)');
    expect(first.groups.find((group) => group.key === 'BTC')?.name).toBe('Bộ Tài chính');
    expect(second.total).toEqual(first.total);
  });

  it('the counters now equal a recount of the rows by the database', async () => {
    const generation = (await rm.db.transaction((tx) => readCheckpoint(tx, 'tasks')))!.generation;
    const now = () =>
      rm.db.all<Record<string, unknown>>(
        "SELECT dim, part, grp, conf, cur, orig, label, n FROM rm_task_tally WHERE period = '*' ORDER BY dim, part, grp, conf, cur, orig",
      );
    const kept = (await now()).map((r) => Object.values(r).map(String));
    expect(kept.length).toBeGreaterThan(100);
    await rm.db.transaction((tx) => recountTally(tx, generation));
    expect((await now()).map((r) => Object.values(r).map(String))).toEqual(kept);
    const zero = await rm.db.all<{ c: number | string }>('SELECT COUNT(*) AS c FROM rm_task_tally WHERE n = 0');
    expect(Number(zero[0].c)).toBe(0);
  });

  it("the latest month's end-of-month lists hold the standing now: one list per group, no empty one", async () => {
    const key = (...parts: unknown[]) => parts.join(' ');
    const fromCounters = new Map<string, number>();
    const counters = await rm.db.all<{ dim: string; part: string; grp: string; conf: number; cur: string; orig: string; n: number }>(
      "SELECT dim, part, grp, conf, cur, orig, n FROM rm_task_tally WHERE period = '*'",
    );
    const add = (map: Map<string, number>, k: string, n: number) => map.set(k, (map.get(k) ?? 0) + Number(n));
    for (const c of counters) {
      // A closed standing is in the plain part; an open one, to the day, in its day part.
      if (c.part === '' && !c.cur.startsWith('O')) add(fromCounters, key(c.dim, 'c', c.grp, c.conf, c.cur), c.n);
      if (c.part === '' && !c.orig.startsWith('O')) add(fromCounters, key(c.dim, 'o', c.grp, c.conf, c.orig), c.n);
      if (c.part.startsWith('c')) add(fromCounters, key(c.dim, 'c', c.grp, c.conf, c.cur), c.n);
      if (c.part.startsWith('o')) add(fromCounters, key(c.dim, 'o', c.grp, c.conf, c.orig), c.n);
    }
    const lists = await rm.db.all<{ dim: string; mode: string; grp: string; conf: number; standings: string }>(
      'SELECT dim, mode, grp, conf, standings FROM rm_task_tally_ends WHERE month = (SELECT MAX(month) FROM rm_task_tally_months)',
    );
    const fromLists = new Map<string, number>();
    for (const list of lists) {
      expect(list.standings).toMatch(/^[^,:]+:[1-9]\d*(,[^,:]+:[1-9]\d*)*$/);
      for (const entry of list.standings.split(',')) {
        const [standing, n] = entry.split(':');
        add(fromLists, key(list.dim, list.mode, list.grp, list.conf, standing), Number(n));
      }
    }
    expect(lists.length).toBeGreaterThan(20);
    expect(new Set(lists.map((l) => key(l.dim, l.mode, l.grp, l.conf))).size).toBe(lists.length);
    expect(Object.fromEntries([...fromLists].sort())).toEqual(Object.fromEntries([...fromCounters].filter(([, n]) => n !== 0).sort()));
  });
});
