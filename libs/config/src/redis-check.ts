import Redis from 'ioredis';

/** Fails fast, with a message an operator can act on, when Redis cannot be reached. */
export async function assertRedisReachable(redisUrl: string, timeoutMs = 3000): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new Error(`Redis is unreachable at ${redisUrl}: ${(error as Error).message.replace(/\.$/, '')}. Start Redis or set REDIS_URL.`);
  } finally {
    redis.disconnect();
  }
}
