import type Redis from 'ioredis';
import { AppConfig } from '@tdnv/config';
import { Leases, PostgresLeases, RedisLeases } from '@tdnv/coordination';

/**
 * The worker's leases: PostgreSQL advisory locks when the event store is PostgreSQL (the lock dies
 * with the holder's session, so a dead worker's lease is free at once and a Redis restart cannot
 * break it), Redis leases otherwise (a dead holder's lease expires after 10 s).
 */
export function createLeases(config: AppConfig, redis: Redis): Leases {
  const url = config.eventstoreUrl;
  if (url && /^postgres(ql)?:\/\//.test(url)) return new PostgresLeases(url);
  return new RedisLeases(redis, config.queuePrefix ?? 'bull');
}
