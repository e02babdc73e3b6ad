import { Logger } from '@nestjs/common';
import { ConnectionOptions, Job, Queue, Worker } from 'bullmq';
import { DeadlinePolicy } from '@tdnv/domain';
import { EventStore } from '@tdnv/event-store';
import { logJobs, Logger as JsonLogger } from '@tdnv/logging';
import { PROJECTION_JOBS, PROJECTIONS_CATCH_UP_SCHEDULER, PROJECTIONS_QUEUE, ProjectionNudge } from '@tdnv/queues';
import { projectionNamed, PROJECTIONS, runProjection, RunResult, SqlDatabase } from '@tdnv/read-models';
import { keepScheduled, ScheduledWorker } from '../scheduled-worker';
import { JobLockSettings } from '../worker-context';

export interface ProjectionsWorkerOptions {
  connection: ConnectionOptions;
  prefix?: string;
  db: SqlDatabase;
  store: EventStore;
  policy: DeadlinePolicy;
  timeZone: string;
  /** Period of the catch-up job scheduler. */
  catchUpEveryMs?: number;
  batchSize?: number;
  logger?: JsonLogger;
  jobLock?: JobLockSettings;
}

/**
 * The projections processor. Concurrency 1: one run at a time in this worker, so a projection's
 * events are applied in order; across workers the checkpoint lock in the store does the same.
 */
export async function startProjectionsWorker(options: ProjectionsWorkerOptions): Promise<ScheduledWorker> {
  const logger = new Logger('projections');
  const { connection, prefix } = options;
  const context = { policy: options.policy, timeZone: options.timeZone };
  const run = (name: string): Promise<RunResult> => {
    const projection = projectionNamed(name);
    if (!projection) throw new Error(`unknown projection ${name}`);
    return runProjection(options.db, options.store, projection, context, { batchSize: options.batchSize });
  };
  const queue = new Queue(PROJECTIONS_QUEUE, { connection, prefix });
  const worker = new Worker(
    PROJECTIONS_QUEUE,
    async (job: Job) => {
      if (job.name === PROJECTION_JOBS.nudge) return run((job.data as ProjectionNudge).projection);
      if (job.name === PROJECTION_JOBS.catchUp) {
        const results: RunResult[] = [];
        for (const projection of PROJECTIONS) results.push(await run(projection.name));
        return results;
      }
      return undefined;
    },
    { connection, prefix, concurrency: 1, removeOnComplete: { count: 100 }, removeOnFail: { count: 1000 }, ...options.jobLock },
  );
  queue.on('error', (error) => logger.warn(`projections queue: ${error.message}`));
  // Nudges arrive hundreds of times a second under load: their lines are debug, failures warn.
  if (options.logger) logJobs(worker, options.logger.child({ context: 'projections' }), 'debug');
  else worker.on('failed', (job, error) => logger.error(`projection job ${job?.name} failed: ${error.message}`));
  return keepScheduled(queue, worker, () =>
    queue.upsertJobScheduler(
      PROJECTIONS_CATCH_UP_SCHEDULER,
      { every: options.catchUpEveryMs ?? 5000 },
      { name: PROJECTION_JOBS.catchUp, opts: { removeOnComplete: true, removeOnFail: { count: 100 } } },
    ),
  );
}
