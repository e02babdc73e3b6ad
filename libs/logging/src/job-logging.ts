import type { Job, Worker } from 'bullmq';
import type { Logger } from 'pino';

/**
 * One log line per finished BullMQ job: queue, job name and id, attempt, how long it waited and
 * ran, and its outcome (the error for a failure). `level` keeps chatty queues (projection nudges,
 * hundreds a second) at debug while the others log at info.
 */
export function logJobs(worker: Worker, logger: Logger, level: 'info' | 'debug' = 'info'): void {
  const fields = (job: Job) => ({
    queue: worker.name,
    job: job.name,
    jobId: job.id,
    attempt: job.attemptsMade,
    waitMs: job.processedOn !== undefined ? job.processedOn - job.timestamp : undefined,
    latencyMs: job.processedOn !== undefined && job.finishedOn !== undefined ? job.finishedOn - job.processedOn : undefined,
  });
  worker.on('completed', (job, result: unknown) => logger[level]({ ...fields(job), outcome: 'completed', result: summary(result) }, 'job'));
  worker.on('failed', (job, error) => {
    if (job) logger.warn({ ...fields(job), outcome: 'failed', err: { message: error.message } }, 'job');
    else logger.warn({ queue: worker.name, outcome: 'failed', err: { message: error.message } }, 'job');
  });
  worker.on('error', (error) => logger.warn({ queue: worker.name, err: { message: error.message } }, 'worker error'));
}

/** A job's return value, short: a string or a small object is kept, anything big is left out. */
function summary(result: unknown): unknown {
  if (result === undefined || result === null) return undefined;
  const text = typeof result === 'string' ? result : JSON.stringify(result);
  return text.length <= 300 ? result : `${text.slice(0, 300)}…`;
}
