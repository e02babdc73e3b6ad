import { ConnectionOptions } from 'bullmq';
import { AppConfig, Clock } from '@tdnv/config';
import { Leases } from '@tdnv/coordination';
import { DeadlinePolicy } from '@tdnv/domain';
import { EventStore } from '@tdnv/event-store';
import type { Logger } from '@tdnv/logging';

/** What every worker capability is started with; each returns a handle to stop it. */
export interface WorkerContext {
  config: AppConfig;
  store: EventStore;
  connection: ConnectionOptions;
  /** BullMQ key prefix; tests pass a unique one. */
  prefix?: string;
  clock: Clock;
  policy: DeadlinePolicy;
  /**
   * Cross-instance leases for the singletons (main.ts: PostgreSQL advisory locks with a PostgreSQL
   * event store, Redis leases otherwise). Absent in single-process tests: then nothing is leased.
   */
  leases?: Leases;
  /** The process's logger; capabilities log one line per job through `logJobs`. */
  logger?: Logger;
  /**
   * BullMQ lock settings for every Worker of the process: a job held by a worker that died is
   * handed to another one after `lockDuration` (+ up to `stalledInterval`), so short values hand
   * work over within seconds. Spread into each `new Worker(…, { ...context.jobLock })`.
   */
  jobLock?: JobLockSettings;
}

export interface JobLockSettings {
  lockDuration: number;
  stalledInterval: number;
}

/** A job's lock is renewed every lockDuration / 2: 10 s survives a busy event loop, and a dead worker's jobs move on within ~15 s. */
export const DEFAULT_JOB_LOCK: JobLockSettings = { lockDuration: 10_000, stalledInterval: 5_000 };

export interface RunningCapability {
  close(): Promise<void>;
}
