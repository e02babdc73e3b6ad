import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import { LeaseOutcome, Leases } from './leases';

const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/**
 * Leases as Redis keys with a short TTL, renewed by the holder every third of it: a holder that dies
 * stops renewing and the lease is free after `ttlMs`. Used when there is no PostgreSQL event store
 * (the embedded single-host setup with several worker processes). A renewal that fails aborts the
 * work's signal; a Redis that lost its data may briefly let a second holder in, which the guarded
 * writes make harmless (see leases.ts).
 */
export class RedisLeases implements Leases {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'bull',
    private readonly ttlMs = 10_000,
  ) {}

  async runExclusive<T>(name: string, work: (signal: AbortSignal) => Promise<T>): Promise<LeaseOutcome<T>> {
    const key = `${this.prefix}:lease:${name}`;
    const token = randomUUID();
    if ((await this.redis.set(key, token, 'PX', this.ttlMs, 'NX')) !== 'OK') return { ran: false };
    const lost = new AbortController();
    const renew = setInterval(
      () => {
        this.redis
          .eval(RENEW, 1, key, token, this.ttlMs)
          .then((renewed) => {
            if (renewed !== 1) lost.abort(new Error(`lease ${name} was lost`));
          })
          .catch((error: Error) => lost.abort(error));
      },
      Math.floor(this.ttlMs / 3),
    );
    renew.unref();
    try {
      return { ran: true, value: await work(lost.signal) };
    } finally {
      clearInterval(renew);
      await this.redis.eval(RELEASE, 1, key, token).catch(() => 0);
    }
  }

  async close(): Promise<void> {}
}
