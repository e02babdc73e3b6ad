import { randomUUID } from 'node:crypto';
import { startProjections } from '../../../apps/worker/src/projections/start-projections';
import { RunningCapability } from '../../../apps/worker/src/worker-context';
import { createDeadlinePolicy } from '@tdnv/calendar';
import { Clock } from '@tdnv/config';
import { createEventStore, EventStore } from '@tdnv/event-store';
import { redisConnection } from '@tdnv/queues';
import { readCheckpoints, openReadModelDatabase, SqlDatabase } from '@tdnv/read-models';
import { eventually } from '@tdnv/testing';
import { ApiHarness } from '../../support/api-harness';
import { ensureWebBuilt } from './build-web';

/**
 * What the pages need, in this process: the real API serving dist/web, and the worker's
 * projections capability on a BullMQ prefix of its own (the read models behind the inbox,
 * the review queue and the dashboard).
 */
export class WebStack {
  readonly api: ApiHarness;
  private readonly prefix = `test-web-${randomUUID()}`;
  private projections?: RunningCapability;
  private store?: EventStore;
  private db?: SqlDatabase;

  constructor(env: NodeJS.ProcessEnv = {}) {
    this.api = new ApiHarness({ QUEUE_PREFIX: this.prefix, ...env });
  }

  async start(): Promise<void> {
    await ensureWebBuilt();
    await this.api.start();
    const config = this.api.config;
    this.store = createEventStore({ dataDir: config.dataDir });
    this.projections = await startProjections({
      config,
      store: this.store,
      connection: redisConnection(config.redisUrl),
      prefix: this.prefix,
      clock: new Clock(config.tzDeadlines, config.clockStart),
      policy: createDeadlinePolicy(config.deadlineRollForward),
    });
    this.db = await openReadModelDatabase({ readModelUrl: config.readModelUrl, dataDir: config.dataDir });
  }

  /** Resolves when every projection has applied the whole log (polls the checkpoints, no fixed sleep). */
  async caughtUp(timeoutMs = 15_000): Promise<void> {
    const events = await this.api.allEvents();
    const head = events.length ? events[events.length - 1].position : 0n;
    let checkpoints = await readCheckpoints(this.db!);
    const reached = async () => (checkpoints = await readCheckpoints(this.db!)).length > 0 && checkpoints.every((c) => c.position >= head);
    await eventually(reached, () => `projections to reach ${head}: ${checkpoints.map((c) => `${c.name}@${c.position}`).join(', ')}`, {
      timeoutMs,
    });
  }

  async dispose(): Promise<void> {
    await this.projections?.close();
    await this.db?.close();
    await this.store?.close();
    await this.api.dispose();
  }
}
