/**
 * Sign-in throttling. The API uses SharedLoginRateLimiter (shared-login-limiter.ts): the same bounds
 * counted in Redis, so several API instances limit together. This in-memory form is its fallback
 * while Redis does not answer (then the bounds hold per instance) and the reference the shared one
 * is tested against. Every attempt is reserved synchronously before the slow password check, so parallel
 * requests cannot all pass a check made before any of them is recorded; a success releases its
 * reservation, a failure keeps it.
 *
 * Three bounds, each with a reason:
 * - per (account, client address): a few free attempts, then a lock that doubles with every
 *   further failure. This is the lockout people meet. It is keyed by the address too, so guessing
 *   from one address does not lock the owner out when they sign in from another.
 * - per client address, any account: generous, since a whole ministry can sit behind one NAT
 *   address; it stops one address from spraying guesses over many accounts.
 * - per account, any address: generous too, a last line against guessing spread over many
 *   addresses. Reaching it takes a dozen or more cooperating addresses (each is held to a handful
 *   per window by the first bound), far beyond any real user's typing mistakes.
 */
export interface LoginLimits {
  /** Failed attempts per (account, address) before the first lock. */
  freeAttempts: number;
  /** The first lock; each further failure doubles it, up to maxLockMs. */
  baseLockMs: number;
  maxLockMs: number;
  /** A (account, address) streak is forgotten after this long without an attempt. */
  forgetAfterMs: number;
  perAddress: number;
  perAccount: number;
  windowMs: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  freeAttempts: 5,
  baseLockMs: 60_000,
  maxLockMs: 15 * 60_000,
  // Longer than maxLockMs, or waiting out the longest lock would give fresh free attempts.
  forgetAfterMs: 24 * 3600_000,
  perAddress: 100,
  perAccount: 100,
  windowMs: 15 * 60_000,
};

/** A reserved attempt; hand it back to `succeeded` when the password was right. */
export interface LoginAttempt {
  readonly account: string;
  readonly address: string;
  readonly at: number;
  /** The attempt's entry in Redis (shared limiter); absent when it was counted in memory. */
  readonly id?: string;
}

export type Reservation = { allowed: true; attempt: LoginAttempt } | { allowed: false; retryAfterSeconds: number };

interface Streak {
  failures: number;
  lockedUntil: number;
  lastAt: number;
}

/** Bounds memory when many accounts or addresses are tried: beyond this, old entries are dropped. */
const MAX_TRACKED = 100_000;

export class LoginRateLimiter {
  private readonly streaks = new Map<string, Streak>();
  private readonly byAddress: SlidingWindow;
  private readonly byAccount: SlidingWindow;

  constructor(private readonly limits: LoginLimits = DEFAULT_LOGIN_LIMITS) {
    this.byAddress = new SlidingWindow(limits.perAddress, limits.windowMs);
    this.byAccount = new SlidingWindow(limits.perAccount, limits.windowMs);
  }

  /** Synchronous on purpose: nothing may run between the check and the count. */
  reserve(account: string, address: string, now = Date.now()): Reservation {
    const key = pairKey(account, address);
    const lockedUntil = this.current(key, now)?.lockedUntil ?? 0;
    const waitMs = Math.max(lockedUntil - now, this.byAddress.waitMs(address, now), this.byAccount.waitMs(account, now));
    if (waitMs > 0) return { allowed: false, retryAfterSeconds: Math.ceil(waitMs / 1000) };
    const streak = this.current(key, now) ?? this.start(key, now);
    streak.failures += 1;
    streak.lastAt = now;
    if (streak.failures >= this.limits.freeAttempts) streak.lockedUntil = now + this.lockMs(streak.failures - this.limits.freeAttempts);
    this.byAddress.add(address, now);
    this.byAccount.add(account, now);
    return { allowed: true, attempt: { account, address, at: now } };
  }

  /** The right password: the attempt was not a failure, and the pair's streak ends. */
  succeeded(attempt: LoginAttempt): void {
    this.streaks.delete(pairKey(attempt.account, attempt.address));
    this.byAddress.remove(attempt.address, attempt.at);
    this.byAccount.remove(attempt.account, attempt.at);
  }

  private lockMs(extraFailures: number): number {
    return Math.min(this.limits.baseLockMs * 2 ** Math.min(extraFailures, 30), this.limits.maxLockMs);
  }

  private current(key: string, now: number): Streak | undefined {
    const known = this.streaks.get(key);
    return known && now - known.lastAt < this.limits.forgetAfterMs ? known : undefined;
  }

  private start(key: string, now: number): Streak {
    this.streaks.delete(key); // a forgotten streak starts again at the end of the insertion order
    if (this.streaks.size >= MAX_TRACKED) this.forgetOldest(now);
    const fresh = { failures: 0, lockedUntil: 0, lastAt: now };
    this.streaks.set(key, fresh);
    return fresh;
  }

  /** Unlocked streaks go first (losing one gives back at most a few attempts), then the oldest. */
  private forgetOldest(now: number): void {
    for (const [key, streak] of this.streaks) if (streak.lockedUntil <= now) this.streaks.delete(key);
    for (const key of this.streaks.keys()) {
      if (this.streaks.size < MAX_TRACKED * 0.9) break;
      this.streaks.delete(key); // Map order is insertion order: the oldest first
    }
  }
}

/** Attempts per key in a sliding window; a key at its limit waits for its oldest attempt to age out. */
class SlidingWindow {
  private readonly times = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  waitMs(key: string, now: number): number {
    const recent = this.recent(key, now);
    return recent.length >= this.limit ? recent[recent.length - this.limit] + this.windowMs - now : 0;
  }

  add(key: string, now: number): void {
    if (!this.times.has(key) && this.times.size >= MAX_TRACKED) this.forgetIdle(now);
    this.times.set(key, [...this.recent(key, now), now]);
  }

  remove(key: string, at: number): void {
    const times = this.times.get(key);
    const index = times?.indexOf(at) ?? -1;
    if (index >= 0) times!.splice(index, 1);
  }

  private recent(key: string, now: number): number[] {
    return (this.times.get(key) ?? []).filter((t) => now - t < this.windowMs);
  }

  private forgetIdle(now: number): void {
    for (const [key, times] of this.times) if (!times.some((t) => now - t < this.windowMs)) this.times.delete(key);
    for (const key of this.times.keys()) {
      if (this.times.size < MAX_TRACKED * 0.9) break;
      this.times.delete(key);
    }
  }
}

function pairKey(account: string, address: string): string {
  return JSON.stringify([account, address]);
}
