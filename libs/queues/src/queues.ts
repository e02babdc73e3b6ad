import { ConnectionOptions } from 'bullmq';

/**
 * Queue names and job payloads, defined once for the API and the worker so they cannot drift.
 * Workflow state lives in the event log, never in job data: a job only says what to look at.
 */
export const QUEUES = {
  deadlines: 'deadlines',
} as const;

export const JOBS = {
  overdueSweep: 'overdue-sweep',
} as const;

/** BullMQ connection from REDIS_URL (a db index in the URL is honoured by ioredis). */
export function redisConnection(redisUrl: string): ConnectionOptions {
  const url = new URL(redisUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    username: url.username || undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    // BullMQ workers block on Redis; they must not give up on a slow command.
    maxRetriesPerRequest: null,
  };
}
