import { Logger } from '@nestjs/common';
import { ConnectionOptions, Queue, Worker } from 'bullmq';
import { Clock } from '@tdnv/config';
import { Leases } from '@tdnv/coordination';
import { DeadlinePolicy } from '@tdnv/domain';
import { EventStore } from '@tdnv/event-store';
import { logJobs, Logger as JsonLogger } from '@tdnv/logging';
import { JOBS, QUEUES } from '@tdnv/queues';
import { keepScheduled, ScheduledWorker } from '../scheduled-worker';
import { JobLockSettings } from '../worker-context';
import { OpenDeadlinesStore } from './open-deadlines.store';
import { sweepOverdue } from './overdue-sweep';

export interface OverdueSweepOptions {
  connection: ConnectionOptions;
  prefix?: string;
  everyMs?: number;
  store: EventStore;
  deadlines: OpenDeadlinesStore;
  clock: Clock;
  policy: DeadlinePolicy;
  leases?: Leases;
  logger?: JsonLogger;
  jobLock?: JobLockSettings;
}

/**
 * Runs the overdue sweep as a BullMQ job scheduler: one repeatable job, so several workers share
 * the schedule instead of each sweeping on its own timer; concurrency 1 keeps sweeps in order in one
 * worker, and the `overdue-sweep` lease keeps two workers from sweeping at once (a sweep that finds
 * the lease taken is skipped: the holder is sweeping). A sweep's appends are guarded by the task's
 * expected revision and the domain's once-per-due-date rule anyway, so a lost lease duplicates work,
 * never a TaskBecameOverdue.
 */
export async function startOverdueSweep(options: OverdueSweepOptions): Promise<ScheduledWorker> {
  const logger = new Logger('overdue-sweep');
  const { connection, prefix } = options;
  const queue = new Queue(QUEUES.deadlines, { connection, prefix });
  queue.on('error', (error) => logger.warn(`deadlines queue: ${error.message}`));
  const sweep = () => sweepOverdue(options.store, options.deadlines, options.clock, options.policy);
  const worker = new Worker(
    QUEUES.deadlines,
    async (job) => {
      if (job.name !== JOBS.overdueSweep) return undefined;
      const outcome = options.leases
        ? await options.leases.runExclusive('overdue-sweep', sweep)
        : { ran: true as const, value: await sweep() };
      if (!outcome.ran) return { skipped: 'another worker holds the overdue-sweep lease' };
      if (outcome.value.overdue.length) logger.log(`${outcome.value.overdue.length} task(s) became overdue`);
      return outcome.value;
    },
    { connection, prefix, concurrency: 1, removeOnComplete: { count: 100 }, removeOnFail: { count: 1000 }, ...options.jobLock },
  );
  if (options.logger) logJobs(worker, options.logger.child({ context: 'overdue-sweep' }));
  else worker.on('failed', (job, error) => logger.error(`sweep ${job?.id} failed: ${error.message}`));
  return keepScheduled(queue, worker, () =>
    queue.upsertJobScheduler(
      JOBS.overdueSweep,
      { every: options.everyMs ?? 60_000 },
      { name: JOBS.overdueSweep, opts: { attempts: 3, backoff: { type: 'exponential', delay: 1000 } } },
    ),
  );
}
