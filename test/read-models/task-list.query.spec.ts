import { Actor } from '@tdnv/domain';
import { NewEvent, SqliteEventStore } from '@tdnv/event-store';
import {
  runProjection,
  PROJECTIONS,
  listDirectiveGroups,
  listTasks,
  TaskListFilter,
  TaskRow,
  maySeeRow,
  SqlExecutor,
  taskStats,
  periodicReportCounts,
} from '@tdnv/read-models';
import { appendRandomScenario, CONTEXT, TestStore, LogAndReadModels } from './read-model.fixtures';

const TODAY = '2026-05-01';
const NOW = new Date('2026-05-01T03:00:00Z');

/** What the inbox must return, worked out in memory from every row: the reference for the SQL. */
function expected(rows: (TaskRow & { state: string })[], actor: Actor, filter: TaskListFilter): string[] {
  const agency = actor.role === 'agency' ? actor.agency : filter.agency;
  return (
    rows
      .filter((r) => maySeeRow(actor, r))
      .filter((r) => {
        if (!agency) return true;
        const coordinates = (JSON.parse(r.coordinators) as string[]).includes(agency) && r.lead !== agency;
        if (filter.role === 'lead') return r.lead === agency;
        if (filter.role === 'coordinator') return coordinates;
        return r.lead === agency || coordinates || r.delegated_by === agency;
      })
      .filter((r) => filter.state !== 'open' || Number(r.open_rank) === 0)
      .filter((r) => filter.key === undefined || Number(r.key_flag) === (filter.key ? 1 : 0))
      // From the fold state, not the column: an open task's extension request, or a completion report.
      .filter(
        (r) =>
          filter.pending !== 'extension' ||
          (Number(r.open_rank) === 0 && (JSON.parse(r.state) as { pendingExtension?: unknown }).pendingExtension !== undefined),
      )
      .filter((r) => filter.pending !== 'completion' || r.status === 'completion_reported')
      // The caller's review queue: VPCP decides the tasks nobody delegated, an agency the sub-tasks it delegated.
      .filter(
        (r) =>
          !filter.pending ||
          (actor.role === 'vpcp'
            ? r.delegated_by === null
            : actor.role === 'agency' && r.delegated_by === actor.agency && r.lead !== actor.agency),
      )
      .map((r) => r.task_id)
      .sort()
  );
}

/** Every page of a list, following nextCursor. */
async function allPages(rm: TestStore, actor: Actor, filter: TaskListFilter, limit: number) {
  const items = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 100; guard++) {
    const page = await listTasks(rm.db, actor, { ...filter, limit, ...(cursor ? { cursor } : {}) }, NOW, TODAY);
    items.push(...page.items);
    if (!page.nextCursor) return items;
    cursor = page.nextCursor;
  }
  throw new Error('cursor paging did not end');
}

describe.each(['sqlite', 'postgres'] as const)('the inbox query on %s', (dialect) => {
  const world = new LogAndReadModels(dialect);
  let store: SqliteEventStore;
  let rm: TestStore;
  let rows: (TaskRow & { state: string })[];

  beforeAll(async () => {
    ({ store, rm } = await world.open());
    const taskIds = await appendRandomScenario(store, { seed: 5, notices: 10, steps: 1500 });
    // Extension requests on every third task (the random history has none), one in three of them then
    // approved or rejected. Some land on closed tasks: those await nobody.
    const at = '2026-05-01T02:00:00Z';
    for (const [i, taskId] of taskIds.entries()) {
      if (i % 3 !== 0) continue;
      const events: NewEvent[] = [
        {
          type: 'ExtensionRequested',
          data: { taskId, by: 'x', currentDue: null, proposedDue: '2026-12-31', reason: 'Chờ ý kiến' },
          metadata: { occurredAt: at },
        },
      ];
      if (i % 9 === 0)
        events.push({
          type: i % 2 ? 'ExtensionRejected' : 'ExtensionApproved',
          data: { taskId, reason: 'Không', due: '2026-12-31' },
          metadata: { occurredAt: at },
        });
      await store.appendToStream({ stream: `task-${taskId}`, expected: 'any', events });
    }
    // BTC coordinates and delegated the same task: listed once; a confidential one it only coordinates: hidden.
    const assigned = (taskId: string, confidential: boolean, delegatedBy: string | null = 'BTC') => ({
      stream: `task-${taskId}`,
      expected: 'no_stream' as const,
      events: [
        {
          type: 'TaskAssigned',
          data: {
            taskId,
            noticeId: 's-0',
            noticeNumber: '1/TB-VPCP',
            directiveIndex: 9,
            text: 'Nhiệm vụ giao lại',
            lead: 'HNI',
            coordinators: ['BTC'],
            ...(delegatedBy ? { delegatedBy } : {}),
            deadline: { due: '2026-04-01', kind: 'date' },
            key: false,
            confidential,
            assignedAt: '2026-03-01T02:00:00Z',
          },
          metadata: { occurredAt: '2026-03-01T02:00:00Z' },
        },
      ],
    });
    await store.appendToStreams([assigned('dl-open', false), assigned('dl-secret', true), assigned('co-secret', true, null)]);
    // HNI asks for more time on both sub-tasks: BTC, which delegated them, decides (its review queue).
    for (const taskId of ['dl-open', 'dl-secret', 'co-secret'])
      await store.appendToStream({
        stream: `task-${taskId}`,
        expected: 'any',
        events: [
          {
            type: 'ExtensionRequested',
            data: { taskId, by: 'HNI', currentDue: '2026-04-01', proposedDue: '2026-04-30', reason: 'Chờ số liệu' },
            metadata: { occurredAt: '2026-03-02T02:00:00Z' },
          },
        ],
      });
    for (const projection of PROJECTIONS) await runProjection(rm.db, store, projection, CONTEXT, { batchSize: 97 });
    rows = await rm.db.all('SELECT * FROM rm_tasks t');
  });
  afterAll(async () => {
    await world.close();
  });

  const btc: Actor = { id: 'btc', role: 'agency', agency: 'BTC' };
  const cases: [string, Actor, TaskListFilter][] = [
    ['own inbox', btc, {}],
    ['own inbox, lead', btc, { role: 'lead' }],
    ['own inbox, coordinator', btc, { role: 'coordinator' }],
    ['own inbox, open, not key', btc, { state: 'open', key: false }],
    ['another agency', { id: 'bca', role: 'agency', agency: 'BCA' }, {}],
    ['VPCP, one agency', { id: 'v', role: 'vpcp' }, { agency: 'HNI' }],
    ['VPCP, one agency as coordinator', { id: 'v', role: 'vpcp' }, { agency: 'BTC', role: 'coordinator' }],
    ['viewer, one agency', { id: 'w', role: 'viewer' }, { agency: 'HNI' }],
    ['VPCP, everything', { id: 'v', role: 'vpcp' }, {}],
    ['VPCP, extension requests', { id: 'v', role: 'vpcp' }, { pending: 'extension' }],
    ['VPCP, completion reports', { id: 'v', role: 'vpcp' }, { pending: 'completion' }],
    ['VPCP, one agency, extension requests', { id: 'v', role: 'vpcp' }, { agency: 'HNI', pending: 'extension' }],
    ['viewer, extension requests', { id: 'w', role: 'viewer' }, { pending: 'extension' }],
    ['own inbox, extension requests', btc, { pending: 'extension' }],
    ['another agency, completion reports', { id: 'bca', role: 'agency', agency: 'BCA' }, { pending: 'completion' }],
    [
      'VPCP, one agency as coordinator, extension requests',
      { id: 'v', role: 'vpcp' },
      { agency: 'BTC', role: 'coordinator', pending: 'extension' },
    ],
    ['own inbox, lead, completion reports', btc, { role: 'lead', pending: 'completion' }],
    ['own review queue, completion reports', btc, { pending: 'completion', state: 'completion_reported' }],
  ];

  it.each(cases)('%s: cursor pages hold exactly the visible tasks, once each, overdue first', async (_name, actor, filter) => {
    const paged = await allPages(rm, actor, filter, 7);
    const ids = paged.map((i) => i.taskId);
    expect([...ids].sort()).toEqual(expected(rows, actor, filter));
    expect(new Set(ids).size).toBe(ids.length);
    // due sort: open tasks first, then by effective deadline (tasks without one last).
    const keys = paged.map(
      (i) => `${i.state === 'completed' || i.state === 'cancelled' ? 1 : 0} ${i.deadline.effectiveDue ?? '9999-12-31'}`,
    );
    expect(keys).toEqual([...keys].sort());
    expect((await allPages(rm, actor, filter, 200)).map((i) => i.taskId)).toEqual(ids);
  });

  it('the pending filters are not empty, and a completed task keeps no extension request awaiting review', async () => {
    const vpcp: Actor = { id: 'v', role: 'vpcp' };
    const extensions = await allPages(rm, vpcp, { pending: 'extension' }, 200);
    expect(extensions.length).toBeGreaterThan(5);
    expect(extensions.every((i) => i.pendingExtension && i.state !== 'completed' && i.state !== 'cancelled')).toBe(true);
    const closedWithRequest = rows.filter(
      (r) => Number(r.open_rank) === 1 && (JSON.parse(r.state) as { pendingExtension?: unknown }).pendingExtension,
    );
    expect(closedWithRequest.length).toBeGreaterThan(0);
    expect((await allPages(rm, vpcp, { pending: 'completion' }, 200)).length).toBeGreaterThan(5);
  });

  it("review queues: the delegating agency decides its sub-tasks' requests, VPCP the others, the lead none of its own", async () => {
    const queue = async (actor: Actor) => (await allPages(rm, actor, { pending: 'extension' }, 200)).map((i) => i.taskId);
    expect((await queue(btc)).sort()).toEqual(['dl-open', 'dl-secret']);
    const vpcp = await queue({ id: 'v', role: 'vpcp' });
    expect(vpcp).toContain('co-secret');
    expect(vpcp).not.toContain('dl-open');
    expect(await queue({ id: 'hni', role: 'agency', agency: 'HNI' })).not.toContain('dl-open');
    expect(await queue({ id: 'w', role: 'viewer' })).toEqual([]);
  });

  it('totals count the whole filter, not the page', async () => {
    const vpcp: Actor = { id: 'v', role: 'vpcp' };
    const page = await listTasks(rm.db, vpcp, { limit: 5, totals: true }, NOW, TODAY);
    const all = await allPages(rm, vpcp, {}, 200);
    expect(page.items).toHaveLength(5);
    expect(page.totals).toEqual({
      total: all.length,
      overdue: all.filter((i) => i.bucket === 'open_overdue').length,
      noDeadline: all.filter((i) => i.bucket === 'no_deadline').length,
    });
    const next = await listTasks(rm.db, vpcp, { limit: 5, totals: true, cursor: page.nextCursor! }, NOW, TODAY);
    expect(next.totals).toBeUndefined();
  });

  it('groupBy directive: one row per directive, its buckets adding up to its tasks, overdue leads named', async () => {
    const vpcp: Actor = { id: 'v', role: 'vpcp' };
    const all = (await allPages(rm, vpcp, {}, 200)).filter((i) => !i.parentTaskId);
    const groups = [];
    let cursor: string | undefined;
    for (let guard = 0; guard < 50; guard++) {
      const page = await listDirectiveGroups(rm.db, vpcp, { limit: 4, ...(cursor ? { cursor } : {}) }, NOW, TODAY);
      groups.push(...page.groups);
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    const keys = new Set(all.map((i) => `${i.noticeId} ${i.directiveIndex}`));
    expect(groups.map((g) => `${g.noticeId} ${g.directiveIndex}`).sort()).toEqual([...keys].sort());
    for (const g of groups) {
      const tasks = all.filter((i) => i.noticeId === g.noticeId && i.directiveIndex === g.directiveIndex);
      expect(g.count).toBe(tasks.length);
      expect(Object.values(g.counts).reduce((a, b) => a + b, 0)).toBe(tasks.length);
      expect(g.counts.open_overdue).toBe(tasks.filter((i) => i.bucket === 'open_overdue').length);
      expect([...g.overdueAgencies].sort()).toEqual(
        tasks
          .filter((i) => i.bucket === 'open_overdue')
          .map((i) => i.lead)
          .sort()
          .slice(0, 60),
      );
      expect(g.taskId).toBe(tasks.length === 1 ? tasks[0].taskId : null);
    }
  });

  it('the delegating coordinator sees the task once, the confidential one it delegated too, not one it only coordinates', async () => {
    const ids = (await allPages(rm, btc, {}, 200)).map((i) => i.taskId);
    expect(ids.filter((id) => id === 'dl-open')).toHaveLength(1);
    // The delegating agency leads the confidential parent and reviews the child, so it sees it.
    expect(ids).toContain('dl-secret');
    expect(ids).not.toContain('co-secret');
    expect((await allPages(rm, { id: 'hni', role: 'agency', agency: 'HNI' }, {}, 200)).map((i) => i.taskId)).toContain('dl-secret');
  });

  it('descending and other sorts page through the same set', async () => {
    const base = (await allPages(rm, btc, {}, 200)).map((i) => i.taskId).sort();
    for (const sort of ['-due', 'assignedAt', '-updatedAt'] as const) {
      expect((await allPages(rm, btc, { sort }, 6)).map((i) => i.taskId).sort()).toEqual(base);
    }
  });

  // At 10,000,000 tasks an agency holds 200,000 access rows: a page must not read them, nor its figures sort them.
  it('an agency inbox page and its figures by month read the access rows through covering indexes, with no sort of them', async () => {
    if (dialect !== 'sqlite') return;
    const statements: [string, unknown[]][] = [];
    const recording: SqlExecutor = {
      dialect: rm.db.dialect,
      all: (sql, params) => (statements.push([sql, params ?? []]), rm.db.all(sql, params)),
      run: (sql, params) => rm.db.run(sql, params),
      exec: (sql) => rm.db.exec(sql),
    };
    await listTasks(recording, btc, {}, NOW, TODAY);
    const names = { agency: (code: string) => code };
    await taskStats(recording, btc, { groupBy: 'month', deadline: 'original', today: TODAY }, names);
    const asOf = { asOf: '2026-04-30T16:59:59.999Z', today: '2026-04-30', noticeId: 's-0' };
    await taskStats(recording, btc, { groupBy: 'month', deadline: 'current', ...asOf }, names);
    const plans = [];
    for (const [sql, params] of statements) {
      const steps = await rm.db.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, params as never);
      plans.push(steps.map((step) => step.detail).join(' | '));
    }
    // The inbox page, the figures now, then as of an instant: the rows unchanged since, and the history of the others.
    expect(plans).toHaveLength(4);
    const [inbox, figures, figuresThen] = plans;
    expect(inbox).toMatch(/SEARCH rm_task_access_g\d+ USING COVERING INDEX rm_task_access_g\d+_inbox \(agency=\?\)/);
    expect(inbox).not.toMatch(/TEMP B-TREE/);
    expect(figures).toMatch(/SEARCH rm_task_access_g\d+ USING COVERING INDEX rm_task_access_g\d+_figures \(agency=\?\)/);
    // Only the outer count (one row per day and standings) is sorted.
    expect(figures.match(/TEMP B-TREE/g)).toHaveLength(1);
    expect(figuresThen).toMatch(/SEARCH rm_task_access_g\d+ USING COVERING INDEX rm_task_access_g\d+_figures \(agency=\?\)/);
    expect(figuresThen.match(/TEMP B-TREE/g)).toHaveLength(1);
    // Its periodic reports (statsAnswer) walk its periodic duties only, not every access row joined to rm_tasks.
    statements.length = 0;
    await periodicReportCounts(recording, btc, { groupBy: 'month', today: TODAY });
    const [[sql, params]] = statements;
    const periodic = (await rm.db.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, params as never))
      .map((step) => step.detail)
      .join(' | ');
    expect(periodic).toMatch(
      /SEARCH rm_task_access_g\d+ USING (COVERING )?INDEX rm_task_access_g\d+_periodic \(agency=\? AND periodic=\?\)/,
    );
  });
});
