import { Queue, Worker } from 'bullmq';

/** How often a worker re-creates its job scheduler: after a Redis restart it is gone with the jobs. */
const ENSURE_SCHEDULER_MS = 30_000;

export interface ScheduledWorker {
  queue: Queue;
  worker: Worker;
  close(): Promise<void>;
}

/**
 * A queue's worker driven by a BullMQ job scheduler: `ensureScheduler` upserts it now and again
 * every 30 s (a failed retry waits for the next one), so a Redis that lost it gets it back.
 * `close` stops the watchdog before the worker and the queue.
 */
export async function keepScheduled(queue: Queue, worker: Worker, ensureScheduler: () => Promise<unknown>): Promise<ScheduledWorker> {
  await ensureScheduler();
  const watchdog = setInterval(() => void ensureScheduler().catch(() => undefined), ENSURE_SCHEDULER_MS);
  watchdog.unref();
  return {
    queue,
    worker,
    close: async () => {
      clearInterval(watchdog);
      await worker.close();
      await queue.close();
    },
  };
}
