import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { deletePrefixedKeys } from '@tdnv/queues';
import { LoginRateLimiter, Reservation } from '../../apps/api/src/users/login-rate-limiter';
import { SharedLoginRateLimiter } from '../../apps/api/src/users/shared-login-limiter';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const T0 = 1_800_000_000_000;
const waitOf = (r: Reservation): number => (r.allowed ? 0 : r.retryAfterSeconds);

/** Two API instances' limiters: each its own Redis connection, one prefix (one deployment). */
describe('the sign-in limiter shared by API instances through Redis', () => {
  const prefix = `test-login-${randomUUID()}`;
  const connections = [new Redis(REDIS_URL), new Redis(REDIS_URL)];
  const [a, b] = connections.map((redis) => new SharedLoginRateLimiter(redis, prefix));

  afterAll(async () => {
    await deletePrefixedKeys(connections[0], prefix);
    for (const redis of connections) redis.disconnect();
  });

  it('counts attempts made on two instances together: 40 parallel guesses spread over both get 5 through', async () => {
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).reserve('thu@vpcp.gov.vn', '10.0.0.1', T0)));
    expect(answers.filter((r) => r.allowed)).toHaveLength(5);
    expect(answers.filter((r) => !r.allowed).every((r) => waitOf(r) === 60)).toBe(true);
  });

  it('gives the same answers as the in-memory limiter for the progressive lock, instance after instance', async () => {
    const memory = new LoginRateLimiter();
    const account = `lock-${randomUUID()}@b.vn`;
    let now = T0;
    const shared: number[] = [];
    const local: number[] = [];
    for (let i = 0; i < 5; i++) {
      expect((await a.reserve(account, '10.0.0.2', now)).allowed).toBe(true);
      expect(memory.reserve(account, '10.0.0.2', now).allowed).toBe(true);
    }
    for (let i = 0; i < 6; i++) {
      const wait = waitOf(await (i % 2 ? a : b).reserve(account, '10.0.0.2', now));
      shared.push(wait);
      local.push(waitOf(memory.reserve(account, '10.0.0.2', now)));
      now += wait * 1000;
      expect((await (i % 2 ? b : a).reserve(account, '10.0.0.2', now)).allowed).toBe(true);
      memory.reserve(account, '10.0.0.2', now);
    }
    expect(shared).toEqual([60, 120, 240, 480, 900, 900]);
    expect(shared).toEqual(local);
  });

  it('a success on one instance ends the streak the other instance counted', async () => {
    const account = `ok-${randomUUID()}@b.vn`;
    for (let i = 0; i < 4; i++) expect((await a.reserve(account, '10.0.0.3', T0 + i)).allowed).toBe(true);
    const last = await b.reserve(account, '10.0.0.3', T0 + 10);
    if (!last.allowed) throw new Error('refused');
    await b.succeeded(last.attempt);
    for (let i = 0; i < 5; i++) expect((await a.reserve(account, '10.0.0.3', T0 + 20 + i)).allowed).toBe(true);
    expect((await b.reserve(account, '10.0.0.3', T0 + 30)).allowed).toBe(false);
  });

  it('caps one address over all accounts across instances (100 per 15 minutes)', async () => {
    const address = `10.1.${Math.floor(Math.random() * 250)}.7`;
    for (let i = 0; i < 100; i++)
      expect((await (i % 2 ? a : b).reserve(`user${i}-${randomUUID()}@mof.gov.vn`, address, T0 + i)).allowed).toBe(true);
    expect(waitOf(await a.reserve('other@mof.gov.vn', address, T0 + 100))).toBe(15 * 60);
    expect((await b.reserve('other@mof.gov.vn', address, T0 + 15 * 60_000)).allowed).toBe(true);
  });

  it('keeps limiting, per instance, while Redis does not answer', async () => {
    const down = new Redis('redis://127.0.0.1:1', {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    down.on('error', () => undefined);
    const alone = new SharedLoginRateLimiter(down, prefix);
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await alone.reserve('x@b.vn', '10.0.0.9', T0));
    expect(answers.map((r) => r.allowed)).toEqual([true, true, true, true, true, false]);
    down.disconnect();
  });
});
