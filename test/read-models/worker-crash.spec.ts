import { eventually } from '@tdnv/testing';
import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { SqliteEventStore } from '@tdnv/event-store';
import { redisConnection, PROJECTIONS_QUEUE } from '@tdnv/queues';
import { readCheckpoints, rebuildProjection, PROJECTIONS } from '@tdnv/read-models';
import { appendRandomScenario, CONTEXT, snapshot, TestStore, LogAndReadModels } from './read-model.fixtures';

jest.setTimeout(120_000);

const until = (condition: () => Promise<boolean>) => eventually(condition, 'the projections worker', { timeoutMs: 60_000, intervalMs: 2 });

describe.each(['sqlite', 'postgres'] as const)('a projections worker killed with SIGKILL on %s', (dialect) => {
  const world = new LogAndReadModels(dialect);
  const { dir } = world;
  const prefix = `test-crash-${randomUUID()}`;
  let store: SqliteEventStore;
  let rm: TestStore;
  const children: ChildProcess[] = [];

  const spawnWorker = async (): Promise<ChildProcess> => {
    const child = fork(join(__dirname, 'projection-worker.child.ts'), [], {
      execArgv: ['-r', join(__dirname, '..', 'support', 'swc-register.cjs')],
      env: { ...process.env, DATA_DIR: dir.path, READ_MODEL_URL: rm.readModelUrl ?? '', QUEUE_PREFIX: prefix, BATCH_SIZE: '50' },
      stdio: 'ignore',
    });
    children.push(child);
    await new Promise<void>((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
    });
    return child;
  };
  const checkpoint = async (): Promise<bigint> => (await readCheckpoints(rm.db)).find((c) => c.name === 'tasks')!.position;

  beforeAll(async () => {
    ({ store, rm } = await world.open());
  });
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    const queue = new Queue(PROJECTIONS_QUEUE, { connection: redisConnection(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'), prefix });
    await queue.obliterate({ force: true });
    await queue.close();
    await world.close();
  });

  it('ends, after a restart, with the same rows as a rebuild', async () => {
    await appendRandomScenario(store, { seed: 99, notices: 20, steps: 6000 });
    const head = (await store.readAll(0n, 1_000_000)).at(-1)!.position;
    const first = await spawnWorker();
    // Kill it once it has committed some batches but is far from the end: it is inside a batch.
    await until(async () => (await checkpoint()) > 200n);
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    const killedAt = await checkpoint();
    expect(killedAt).toBeLessThan(head);

    await spawnWorker();
    await until(async () => (await readCheckpoints(rm.db)).every((c) => c.position >= head));
    const live = await snapshot(rm.db);
    for (const projection of PROJECTIONS) await rebuildProjection(rm.db, store, projection, CONTEXT);
    expect(await snapshot(rm.db)).toEqual(live);
  });
});
