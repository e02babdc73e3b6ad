import type Redis from 'ioredis';

/**
 * Deletes every key under a BullMQ prefix (`<prefix>:…`): what a test or a benchmark used on the
 * shared Redis, and nothing of anyone else's. Returns how many keys went.
 */
export async function deletePrefixedKeys(redis: Redis, prefix: string): Promise<number> {
  let deleted = 0;
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) deleted += await redis.del(...keys);
  } while (cursor !== '0');
  return deleted;
}
