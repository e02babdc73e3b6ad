import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { startProjectionsWorker } from '../../apps/worker/src/projections/projections.processor';
import { SqliteEventStore } from '@tdnv/event-store';
import { redisConnection } from '@tdnv/queues';
import { readCheckpoints, openReadModelDatabase, PostgresDatabase, SqlDatabase } from '@tdnv/read-models';
import { eventually } from '@tdnv/testing';
import { ApiHarness } from '../support/api-harness';
import { CONTEXT, PG_BASE_URL } from './read-model.fixtures';

/**
 * A real API plus an in-process projections worker on a unique BullMQ prefix, over SQLite or a
 * PostgreSQL schema of its own. `caughtUp()` waits for the checkpoints to reach the log's end.
 */
export class ReadModelApi {
  readonly api: ApiHarness;
  private readonly prefix = `test-rm-${randomUUID()}`;
  private readonly schemaUrl?: string;
  private worker?: { close(): Promise<void> };
  private db?: SqlDatabase;
  private store?: SqliteEventStore;

  constructor(dialect: 'sqlite' | 'postgres', env: NodeJS.ProcessEnv = {}) {
    this.schemaUrl = dialect === 'postgres' ? `${PG_BASE_URL}?schema=rm_${randomUUID().replace(/-/g, '').slice(0, 16)}` : undefined;
    this.api = new ApiHarness({ QUEUE_PREFIX: this.prefix, ...env, ...(this.schemaUrl ? { READ_MODEL_URL: this.schemaUrl } : {}) });
  }

  async start(): Promise<void> {
    await this.api.start();
    this.store = new SqliteEventStore(join(this.api.dataDir, 'events.sqlite'));
    this.db = await openReadModelDatabase({ readModelUrl: this.schemaUrl, dataDir: this.api.dataDir });
    this.worker = await startProjectionsWorker({
      connection: redisConnection(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'),
      prefix: this.prefix,
      db: this.db,
      store: this.store,
      ...CONTEXT,
      catchUpEveryMs: 60_000,
    });
  }

  /** Resolves when every projection's checkpoint has reached the last event in the log. */
  async caughtUp(timeoutMs = 10_000): Promise<void> {
    const events = await this.api.allEvents();
    const head = events.length ? events[events.length - 1].position : 0n;
    let checkpoints = await readCheckpoints(this.db!);
    const reached = async () => (checkpoints = await readCheckpoints(this.db!)).every((c) => c.position >= head);
    await eventually(reached, () => `projections to reach ${head}: ${checkpoints.map((c) => `${c.name}@${c.position}`).join(', ')}`, {
      timeoutMs,
      intervalMs: 5,
    });
  }

  async dispose(): Promise<void> {
    await this.worker?.close();
    if (this.db instanceof PostgresDatabase) await this.db.dropSchema();
    await this.db?.close();
    await this.store?.close();
    await this.api.dispose();
  }
}
