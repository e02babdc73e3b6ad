import type Redis from 'ioredis';

/** A worker counts as alive while its last beat is younger than this. */
export const PRESENCE_TTL_MS = 15_000;
export const BEAT_EVERY_MS = 5_000;

const presenceKey = (prefix = 'bull') => `${prefix}:workers`;

export interface WorkerBeat {
  id: string;
  /** Milliseconds since the last beat. */
  ageMs: number;
}

/**
 * The worker's heartbeat: every few seconds it puts its id and the time into one sorted set, so the
 * API's /health/ready (another process, maybe another host) sees which workers are alive. A Redis
 * restart empties the set; the next beat fills it again.
 */
export class WorkerPresence {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly redis: Redis,
    readonly id: string,
    private readonly prefix?: string,
    private readonly everyMs = BEAT_EVERY_MS,
  ) {}

  async start(): Promise<void> {
    await this.beat();
    this.timer = setInterval(() => void this.beat().catch(() => undefined), this.everyMs);
    this.timer.unref();
  }

  async beat(now = Date.now()): Promise<void> {
    await this.redis
      .multi()
      .zadd(presenceKey(this.prefix), now, this.id)
      .zremrangebyscore(presenceKey(this.prefix), '-inf', now - 10 * PRESENCE_TTL_MS)
      .exec();
  }

  /** Leaves at once (graceful stop), so nobody waits for the beat to age. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.redis.zrem(presenceKey(this.prefix), this.id).catch(() => 0);
  }
}

/** The workers that beat within PRESENCE_TTL_MS, youngest first. */
export async function liveWorkers(redis: Redis, prefix?: string, now = Date.now()): Promise<WorkerBeat[]> {
  const flat = await redis.zrevrangebyscore(presenceKey(prefix), '+inf', now - PRESENCE_TTL_MS, 'WITHSCORES');
  const beats: WorkerBeat[] = [];
  for (let i = 0; i < flat.length; i += 2) beats.push({ id: flat[i], ageMs: Math.max(0, now - Number(flat[i + 1])) });
  return beats;
}
