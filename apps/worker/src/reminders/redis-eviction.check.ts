import type Redis from 'ioredis';

/**
 * BullMQ keeps jobs, locks and our digest buckets as ordinary keys: a Redis that evicts keys under
 * memory pressure silently drops reminders. Warn at start rather than refuse, since a managed Redis
 * may forbid CONFIG GET.
 */
export async function warnUnlessNoEviction(redis: Redis, logger: { warn(message: string): void }): Promise<void> {
  try {
    const reply = (await redis.config('GET', 'maxmemory-policy')) as string[];
    const policy = reply[1];
    if (policy && policy !== 'noeviction')
      logger.warn(`Redis maxmemory-policy is "${policy}"; set it to "noeviction" or reminder jobs may be evicted (see README)`);
  } catch {
    logger.warn('Could not read Redis maxmemory-policy; make sure it is "noeviction" (see README)');
  }
}
