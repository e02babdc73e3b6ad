import 'reflect-metadata';
import { join } from 'node:path';
import { startProjectionsWorker } from '../../apps/worker/src/projections/projections.processor';
import { SqliteEventStore } from '@tdnv/event-store';
import { redisConnection } from '@tdnv/queues';
import { openReadModelDatabase } from '@tdnv/read-models';
import { CONTEXT } from './read-model.fixtures';

/** A projections worker in its own process, so a test can SIGKILL it in the middle of a batch. */
async function main(): Promise<void> {
  const dataDir = process.env.DATA_DIR!;
  const store = new SqliteEventStore(join(dataDir, 'events.sqlite'));
  const db = await openReadModelDatabase({ readModelUrl: process.env.READ_MODEL_URL || undefined, dataDir });
  await startProjectionsWorker({
    connection: redisConnection(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'),
    prefix: process.env.QUEUE_PREFIX,
    db,
    store,
    ...CONTEXT,
    catchUpEveryMs: 200,
    batchSize: Number(process.env.BATCH_SIZE ?? 50),
  });
  process.send?.('ready');
}

void main();
