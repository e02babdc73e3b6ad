import { JobsOptions } from 'bullmq';

/**
 * The `projections` queue, shared by the API (nudges) and the worker (runs). A job only names the
 * projection to run: the position to start from is the checkpoint in the read-model store.
 */
export const PROJECTIONS_QUEUE = 'projections';

export const PROJECTION_JOBS = {
  /** Run one projection now (after an append). */
  nudge: 'nudge',
  /** Periodic catch-up of every projection (job scheduler). */
  catchUp: 'catch-up',
} as const;

export const PROJECTIONS_CATCH_UP_SCHEDULER = 'projections-catch-up';

export interface ProjectionNudge {
  projection: string;
}

/**
 * Coalescing: one deduplication id per projection, so at most one nudge waits while one runs
 * (`keepLastIfActive`: a nudge that arrives during a run is kept and runs after it, so an event
 * appended after the run's last read is not left for the periodic catch-up).
 */
export function nudgeOptions(projection: string): JobsOptions {
  return {
    deduplication: { id: `projection-${projection}`, keepLastIfActive: true },
    removeOnComplete: true,
    removeOnFail: { count: 100 },
  };
}
