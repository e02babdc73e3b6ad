import { Actor } from '@tdnv/domain';
import { SqliteEventStore } from '@tdnv/event-store';
import { runProjection, PROJECTIONS, reportRows, countInMemory, StatsRequest, taskStats } from '@tdnv/read-models';
import { appendRandomScenario, CONTEXT, TestStore, LogAndReadModels } from './read-model.fixtures';

const names = { agency: (code: string) => (code === 'BTC' ? 'Bộ Tài chính' : undefined) };

describe.each(['sqlite', 'postgres'] as const)('today\'s stats summed in SQL on %s', (dialect) => {
  const world = new LogAndReadModels(dialect);
  let store: SqliteEventStore;
  let rm: TestStore;

  beforeAll(async () => {
    ({ store, rm } = await world.open());
    await appendRandomScenario(store, { seed: 11, notices: 14, steps: 2000 });
    for (const projection of PROJECTIONS) await runProjection(rm.db, store, projection, CONTEXT);
  });
  afterAll(async () => {
    await world.close();
  });

  const actors: Actor[] = [{ id: 'v', role: 'vpcp' }, { id: 'w', role: 'viewer' }, { id: 'b', role: 'agency', agency: 'BTC' }];
  const requests: Omit<StatsRequest, 'today'>[] = [
    { groupBy: 'agency', deadline: 'current' },
    { groupBy: 'notice', deadline: 'original' },
    { groupBy: 'month', deadline: 'current', from: '2026-01-10' },
    { groupBy: 'agency', deadline: 'original', agency: 'BCA' },
  ];

  it('equal the row-by-row count for every grouping, deadline, actor and day', async () => {
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
    expect(compared).toBeGreaterThan(500);
  });
});
