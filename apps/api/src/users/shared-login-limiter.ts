import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { AppConfig } from '@tdnv/config';
import { DEFAULT_LOGIN_LIMITS, LoginAttempt, LoginLimits, LoginRateLimiter, Reservation } from './login-rate-limiter';

/**
 * The same three bounds as LoginRateLimiter, kept in Redis so every API instance counts together:
 * behind a round-robin balancer, N instances with their own memory would give a guesser N times the
 * attempts. One Lua script checks and counts atomically, so parallel attempts on several instances
 * are reserved before any password is checked, as in memory. Keys expire with their window or
 * streak, so Redis holds only recent attempts.
 */
const RESERVE = `
local now, free, base, maxLock = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local forget, perAddress, perAccount, window = tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7]), tonumber(ARGV[8])
local failures, lockedUntil = 0, 0
local s = redis.call('HMGET', KEYS[1], 'failures', 'lockedUntil', 'lastAt')
if s[1] and now - tonumber(s[3]) < forget then failures = tonumber(s[1]); lockedUntil = tonumber(s[2]) end
local function waitOf(key, limit)
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
  local count = redis.call('ZCARD', key)
  if count < limit then return 0 end
  local oldest = redis.call('ZRANGE', key, count - limit, count - limit, 'WITHSCORES')
  return tonumber(oldest[2]) + window - now
end
local wait = math.max(lockedUntil - now, waitOf(KEYS[2], perAddress), waitOf(KEYS[3], perAccount))
if wait > 0 then return {0, wait} end
failures = failures + 1
if failures >= free then lockedUntil = now + math.min(base * 2 ^ math.min(failures - free, 30), maxLock) end
redis.call('HSET', KEYS[1], 'failures', failures, 'lockedUntil', lockedUntil, 'lastAt', now)
redis.call('PEXPIRE', KEYS[1], forget)
redis.call('ZADD', KEYS[2], now, ARGV[9])
redis.call('PEXPIRE', KEYS[2], window)
redis.call('ZADD', KEYS[3], now, ARGV[9])
redis.call('PEXPIRE', KEYS[3], window)
return {1, 0}`;

export class SharedLoginRateLimiter implements OnApplicationShutdown {
  private readonly logger = new Logger('login-limiter');
  /** Used only while Redis does not answer: sign-in stays possible and still bounded, per instance. */
  private readonly fallback: LoginRateLimiter;
  private warnedAt = 0;

  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'bull',
    private readonly limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
  ) {
    this.fallback = new LoginRateLimiter(limits);
  }

  /** The API's limiter: its own connection, which fails fast (to the fallback) while Redis is away. */
  static connect(config: AppConfig): SharedLoginRateLimiter {
    const redis = new Redis(config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    redis.on('error', () => undefined);
    return new SharedLoginRateLimiter(redis, config.queuePrefix);
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }

  async reserve(account: string, address: string, now = Date.now()): Promise<Reservation> {
    const id = `${now}-${randomUUID()}`;
    const l = this.limits;
    try {
      const [allowed, waitMs] = (await this.redis.eval(
        RESERVE,
        3,
        this.key('streak', account, address),
        this.key('address', address),
        this.key('account', account),
        now,
        l.freeAttempts,
        l.baseLockMs,
        l.maxLockMs,
        l.forgetAfterMs,
        l.perAddress,
        l.perAccount,
        l.windowMs,
        id,
      )) as [number, number];
      if (allowed !== 1) return { allowed: false, retryAfterSeconds: Math.ceil(waitMs / 1000) };
      return { allowed: true, attempt: { account, address, at: now, id } };
    } catch (error) {
      if (now - this.warnedAt > 60_000) {
        this.warnedAt = now;
        this.logger.warn(`Redis did not answer (${(error as Error).message}); counting sign-in attempts in this instance only`);
      }
      return this.fallback.reserve(account, address, now);
    }
  }

  async succeeded(attempt: LoginAttempt): Promise<void> {
    if (!attempt.id) return this.fallback.succeeded(attempt);
    await this.redis
      .multi()
      .del(this.key('streak', attempt.account, attempt.address))
      .zrem(this.key('address', attempt.address), attempt.id)
      .zrem(this.key('account', attempt.account), attempt.id)
      .exec()
      .catch(() => undefined);
  }

  /** Hashed: an email or address never appears in a key name, and odd characters cannot shape one. */
  private key(kind: string, ...parts: string[]): string {
    return `${this.prefix}:login:${kind}:${createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 24)}`;
  }
}
