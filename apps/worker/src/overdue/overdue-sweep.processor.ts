import { Logger } from '@nestjs/common';
import { ConnectionOptions, Queue, Worker } from 'bullmq';
import { Clock } from '@tdnv/config';
import { DeadlinePolicy } from '@tdnv/domain';
import { EventStore } from '@tdnv/event-store';
import { JOBS, QUEUES } from '@tdnv/queues';
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
}

/**
 * Runs the overdue sweep as a BullMQ job scheduler: one repeatable job, so several workers share
 * the schedule instead of each sweeping on its own timer; concurrency 1 keeps sweeps in order.
 */
export async function startOverdueSweep(options: OverdueSweepOptions): Promise<{ queue: Queue; worker: Worker; close(): Promise<void> }> {
  const logger = new Logger('overdue-sweep');
  const { connection, prefix } = options;
  const queue = new Queue(QUEUES.deadlines, { connection, prefix });
  const worker = new Worker(
    QUEUES.deadlines,
    async (job) => {
      if (job.name !== JOBS.overdueSweep) return undefined;
      const result = await sweepOverdue(options.store, options.deadlines, options.clock, options.policy);
      if (result.overdue.length) logger.log(`${result.overdue.length} task(s) became overdue`);
      return result;
    },
    { connection, prefix, concurrency: 1, removeOnComplete: { count: 100 }, removeOnFail: { count: 1000 } },
  );
  worker.on('failed', (job, error) => logger.error(`sweep ${job?.id} failed: ${error.message}`));
  await queue.upsertJobScheduler(JOBS.overdueSweep, { every: options.everyMs ?? 60_000 }, { name: JOBS.overdueSweep, opts: { attempts: 3, backoff: { type: 'exponential', delay: 1000 } } });
  return {
    queue,
    worker,
    close: async () => {
      await worker.close();
      await queue.close();
    },
  };
}
