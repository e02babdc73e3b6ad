import { EventStore } from '@tdnv/event-store';
import { createGeneration, createIndexes, readCheckpoint, saveCheckpoint, switchTo } from './checkpoints';
import { Projection, ProjectionContext } from './projection';
import { SqlDatabase, SqlExecutor } from './sql-database';

export interface RunResult {
  projection: string;
  applied: number;
  position: string;
}

export interface RunOptions {
  /** Events per transaction. */
  batchSize?: number;
  /** Stop after this many events even when behind (the next job continues). */
  maxEvents?: number;
}

/**
 * One run of a projection: reads the log in order from its checkpoint and applies it, one
 * transaction per batch holding both the rows and the new checkpoint. The checkpoint is read
 * under the transaction's lock (row lock on PostgreSQL, write lock on SQLite), so two workers
 * that run the same projection at once apply each event once.
 */
export async function runProjection(
  db: SqlDatabase,
  store: EventStore,
  projection: Projection,
  context: ProjectionContext,
  options: RunOptions = {},
): Promise<RunResult> {
  const batchSize = options.batchSize ?? 2000;
  const maxEvents = options.maxEvents ?? Number.MAX_SAFE_INTEGER;
  let applied = 0;
  let position = 0n;
  for (;;) {
    const step = await db.transaction(async (tx) => {
      const checkpoint = await readCheckpoint(tx, projection.name, true);
      if (!checkpoint) throw new Error(`projection ${projection.name} has no checkpoint: run the migrations first`);
      const events = await store.readAll(checkpoint.position, batchSize);
      if (events.length === 0) return { count: 0, position: checkpoint.position };
      await projection.apply(tx, checkpoint.generation, events, context);
      const last = events[events.length - 1].position;
      await saveCheckpoint(tx, projection.name, last);
      return { count: events.length, position: last };
    });
    applied += step.count;
    position = step.position;
    if (step.count < batchSize || applied >= maxEvents) return { projection: projection.name, applied, position: position.toString() };
  }
}

/** Applies the log from `from` into `generation` until the end, in transactions of `batchSize` events. */
async function fill(
  tx: SqlExecutor,
  store: EventStore,
  projection: Projection,
  generation: number,
  from: bigint,
  context: ProjectionContext,
  batchSize: number,
  maxEvents: number,
): Promise<{ position: bigint; count: number }> {
  let position = from;
  let count = 0;
  while (count < maxEvents) {
    const events = await store.readAll(position, batchSize);
    if (events.length === 0) break;
    await projection.apply(tx, generation, events, context);
    position = events[events.length - 1].position;
    count += events.length;
  }
  return { position, count };
}

/**
 * Rebuild: fills a fresh generation of tables from position 0 while the live one keeps serving
 * (secondary indexes are built once after the bulk fill), then, in one transaction that holds the
 * checkpoint lock, applies what arrived meanwhile, points the views and the checkpoint at the new
 * tables and drops the old ones.
 */
export async function rebuildProjection(
  db: SqlDatabase,
  store: EventStore,
  projection: Projection,
  context: ProjectionContext,
  options: { batchSize?: number; eventsPerTransaction?: number } = {},
): Promise<{ events: number; position: string }> {
  const batchSize = options.batchSize ?? 5000;
  const perTransaction = options.eventsPerTransaction ?? 50_000;
  const current = await db.transaction((tx) => readCheckpoint(tx, projection.name));
  const generation = Math.max(current?.generation ?? 0, 0) + 1;
  await db.transaction((tx) => createGeneration(tx, projection, generation, false));
  let position = 0n;
  let events = 0;
  for (;;) {
    const step = await db.transaction((tx) => fill(tx, store, projection, generation, position, context, batchSize, perTransaction));
    position = step.position;
    events += step.count;
    if (step.count < perTransaction) break;
  }
  await db.transaction((tx) => createIndexes(tx, projection, generation));
  return db.transaction(async (tx) => {
    const live = await readCheckpoint(tx, projection.name, true);
    const rest = await fill(tx, store, projection, generation, position, context, batchSize, Number.MAX_SAFE_INTEGER);
    await switchTo(tx, projection, generation, rest.position, live?.generation);
    return { events: events + rest.count, position: rest.position.toString() };
  });
}
