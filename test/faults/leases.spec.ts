import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { Leases, PostgresLeases, RedisLeases } from '@tdnv/coordination';
import { deletePrefixedKeys } from '@tdnv/queues';
import { eventually } from '@tdnv/testing';
import { schemaUrl, uniqueSchema, withPostgres } from './support/postgres';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Holds `name` on `leases` until `release` resolves; tells when it got it. */
function hold(leases: Leases, name: string) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let signal: AbortSignal | undefined;
  const acquired = new Promise<void>((resolve) => {
    void leases.runExclusive(name, async (s) => {
      signal = s;
      resolve();
      await Promise.race([released, new Promise((r) => s.addEventListener('abort', r))]);
    });
  });
  return { acquired, release, signal: () => signal! };
}

const pgUrl = schemaUrl(uniqueSchema('lease'));
const redisPrefix = `test-lease-${randomUUID()}`;
const connections: Redis[] = [];

describe.each([
  ['PostgreSQL advisory locks', () => new PostgresLeases(pgUrl)],
  ['Redis leases', () => new RedisLeases(connections[connections.push(new Redis(REDIS_URL)) - 1], redisPrefix, 600)],
])('worker leases: %s', (_name, make) => {
  it('lets one holder in at a time, and the next one in once it is done', async () => {
    const [a, b] = [make(), make()];
    const name = `sweep-${randomUUID()}`;
    const first = hold(a, name);
    await first.acquired;
    expect(await b.runExclusive(name, async () => 'ran')).toEqual({ ran: false });
    first.release();
    await eventually(async () => (await b.runExclusive(name, async () => 'ran')).ran, 'the lease to be free again');
    await Promise.all([a.close(), b.close()]);
  });

  it('frees the lease within seconds when its holder dies, and tells the holder it lost it', async () => {
    const [a, b] = [make(), make()];
    const name = `sweep-${randomUUID()}`;
    const holder = hold(a, name);
    await holder.acquired;
    if (a instanceof PostgresLeases) {
      // A killed process's session ends: PostgreSQL drops its locks with it.
      const namespaced = `${new URL(pgUrl).searchParams.get('schema')}:${name}`;
      await withPostgres((client) =>
        client.query(
          `SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND classid = 74110100 AND objid::bigint = (hashtext($1)::bigint + 4294967296) % 4294967296 AND granted`,
          [namespaced],
        ),
      );
    } else {
      // A killed process stops renewing: here, its key is taken away.
      const redis = new Redis(REDIS_URL);
      await redis.del(`${redisPrefix}:lease:${name}`);
      redis.disconnect();
    }
    const started = Date.now();
    await eventually(async () => (await b.runExclusive(name, async () => 'ran')).ran, 'another worker to get the lease', {
      timeoutMs: 5000,
      intervalMs: 20,
    });
    expect(Date.now() - started).toBeLessThan(5000);
    await eventually(() => holder.signal().aborted, 'the old holder to learn it lost the lease', { timeoutMs: 5000 });
    holder.release();
    await Promise.all([a.close(), b.close()]);
  });
});

afterAll(async () => {
  const redis = new Redis(REDIS_URL);
  await deletePrefixedKeys(redis, redisPrefix);
  redis.disconnect();
  for (const connection of connections) connection.disconnect();
});
