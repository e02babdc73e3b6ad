import { SqliteEventStore } from '@tdnv/event-store';
import { readCheckpoint, rebuildProjection, runProjection, PROJECTIONS, tasksProjection } from '@tdnv/read-models';
import { appendRandomScenario, CONTEXT, snapshot, TestStore, LogAndReadModels } from './read-model.fixtures';

describe.each(['sqlite', 'postgres'] as const)('projections on %s', (dialect) => {
  const world = new LogAndReadModels(dialect);
  let store: SqliteEventStore;
  let rm: TestStore;

  beforeAll(async () => {
    ({ store, rm } = await world.open());
  });
  afterAll(async () => {
    await world.close();
  });

  const runAll = async (batchSize: number) => {
    for (const projection of PROJECTIONS) await runProjection(rm.db, store, projection, CONTEXT, { batchSize });
  };

  it('a rebuild gives the same rows as the live projection after a long random scenario', async () => {
    // Live: the projection follows the log in small batches while the scenario is being written.
    await appendRandomScenario(store, { seed: 42, notices: 12, steps: 2500, onChunk: () => runAll(37) });
    await runAll(37);
    const live = await snapshot(rm.db);
    expect(live.rm_tasks.length).toBeGreaterThan(30);
    expect(live.rm_task_history.length).toBeGreaterThan(1000);
    for (const projection of PROJECTIONS)
      await rebuildProjection(rm.db, store, projection, CONTEXT, { batchSize: 500, eventsPerTransaction: 1000 });
    expect(await snapshot(rm.db)).toEqual(live);
    const checkpoint = await rm.db.transaction((tx) => readCheckpoint(tx, 'tasks'));
    expect(checkpoint?.generation).toBe(2);
  });

  it('applying the same events twice changes nothing', async () => {
    const before = await snapshot(rm.db);
    const events = await store.readAll(0n, 100_000);
    const checkpoint = await rm.db.transaction((tx) => readCheckpoint(tx, 'tasks'));
    await rm.db.transaction((tx) => tasksProjection.apply(tx, checkpoint!.generation, events.slice(0, 800), CONTEXT));
    await rm.db.transaction((tx) => tasksProjection.apply(tx, checkpoint!.generation, events, CONTEXT));
    expect(await snapshot(rm.db)).toEqual(before);
  });

  it('a run rolled back in the middle leaves rows and checkpoint as they were', async () => {
    await appendRandomScenario(store, { seed: 7, notices: 2, steps: 300, prefix: 'rb' });
    const before = await snapshot(rm.db);
    const failing = {
      ...tasksProjection,
      apply: async (...args: Parameters<typeof tasksProjection.apply>) => {
        await tasksProjection.apply(...args);
        throw new Error('crash after the rows, before the checkpoint');
      },
    };
    await expect(runProjection(rm.db, store, failing, CONTEXT)).rejects.toThrow('crash');
    expect(await snapshot(rm.db)).toEqual(before);
    await runAll(100);
    const live = await snapshot(rm.db);
    await rebuildProjection(rm.db, store, tasksProjection, CONTEXT);
    expect(await snapshot(rm.db)).toEqual(live);
  });
});
