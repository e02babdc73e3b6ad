import Redis from 'ioredis';
import { setTimeout as delay } from 'node:timers/promises';

/** How long a starting process waits for Redis before it gives up (a restart of Redis takes seconds). */
export const REDIS_STARTUP_WAIT_MS = 20_000;

/**
 * Waits until Redis answers, then returns; after `waitMs` it fails with a message an operator can
 * act on. A worker or API restarted while Redis itself restarts (a rolling restart, a failover)
 * comes up once Redis is back instead of exiting; `onWaiting` is told once that it waits.
 */
export async function assertRedisReachable(
  redisUrl: string,
  options: { waitMs?: number; onWaiting?: (message: string) => void } = {},
): Promise<void> {
  const waitMs = options.waitMs ?? REDIS_STARTUP_WAIT_MS;
  const deadline = Date.now() + waitMs;
  let told = false;
  for (;;) {
    try {
      return await ping(redisUrl, Math.max(500, Math.min(3000, deadline - Date.now())));
    } catch (error) {
      const reason = (error as Error).message.replace(/\.$/, '');
      if (Date.now() >= deadline) throw new Error(`Redis is unreachable at ${redisUrl}: ${reason}. Start Redis or set REDIS_URL.`);
      if (!told) options.onWaiting?.(`Redis is not answering at ${redisUrl} (${reason}); waiting up to ${Math.round(waitMs / 1000)} s`);
      told = true;
      await delay(250);
    }
  }
}

async function ping(redisUrl: string, timeoutMs: number): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } finally {
    redis.disconnect();
  }
}
