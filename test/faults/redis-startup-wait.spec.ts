import { assertRedisReachable } from '@tdnv/config';
import { freePort, PrivateRedis } from './support/processes';

/**
 * The fault suite (CI): worker 1, restarted while Redis was restarting, found no Redis at start-up
 * and exited, so it never came back. A starting process now waits for Redis, for a bounded time.
 */
describe('a process restarted while Redis restarts waits for it instead of exiting', () => {
  const redis = new PrivateRedis();
  afterAll(() => redis.stop());

  it('comes up once Redis is back, having said once that it waits', async () => {
    redis.port = await freePort();
    const waiting: string[] = [];
    const started = Date.now();
    const ready = assertRedisReachable(redis.url, { waitMs: 15_000, onWaiting: (m) => waiting.push(m) });
    let settled = false;
    void ready.finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 600)); // Redis still down: nothing settles
    expect(settled).toBe(false);
    await redis.start();
    await ready;
    expect(Date.now() - started).toBeGreaterThanOrEqual(600);
    expect(waiting).toHaveLength(1);
    expect(waiting[0]).toContain(`Redis is not answering at ${redis.url}`);
  });

  it('gives up after the wait with a message an operator can act on', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const started = Date.now();
    await expect(assertRedisReachable(url, { waitMs: 700 })).rejects.toThrow(`Redis is unreachable at ${url}`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(700);
  });
});
