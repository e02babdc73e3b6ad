import { DEFAULT_LOGIN_LIMITS, LoginAttempt, LoginRateLimiter, Reservation } from './login-rate-limiter';

const MINUTE = 60_000;
const T0 = 1_800_000_000_000;

const allowed = (r: Reservation): LoginAttempt => {
  if (!r.allowed) throw new Error(`refused for ${r.retryAfterSeconds} s`);
  return r.attempt;
};
const waitOf = (r: Reservation): number => (r.allowed ? 0 : r.retryAfterSeconds);

describe('login rate limiter', () => {
  it('issue 9 finding 1: reserves each attempt at once, so 40 attempts in flight get 5 through', () => {
    const limiter = new LoginRateLimiter();
    const answers = Array.from({ length: 40 }, () => limiter.reserve('thu@vpcp.gov.vn', '10.0.0.1', T0));
    expect(answers.filter((r) => r.allowed)).toHaveLength(5);
    expect(answers.slice(5).every((r) => waitOf(r) === 60)).toBe(true);
  });

  it('a success releases its reservation and ends the streak of its (account, address)', () => {
    const limiter = new LoginRateLimiter();
    for (let i = 0; i < 4; i++) allowed(limiter.reserve('a@b.vn', '10.0.0.1', T0 + i));
    limiter.succeeded(allowed(limiter.reserve('a@b.vn', '10.0.0.1', T0 + 10)));
    for (let i = 0; i < 5; i++) allowed(limiter.reserve('a@b.vn', '10.0.0.1', T0 + 20 + i));
    expect(limiter.reserve('a@b.vn', '10.0.0.1', T0 + 30).allowed).toBe(false);
  });

  it('issue 9 finding 9: lockout by anyone — guesses from one address do not lock the owner out at another', () => {
    const limiter = new LoginRateLimiter();
    for (let i = 0; i < 5; i++) allowed(limiter.reserve('owner@mof.gov.vn', '203.0.113.9', T0));
    expect(limiter.reserve('owner@mof.gov.vn', '203.0.113.9', T0).allowed).toBe(false);
    expect(limiter.reserve('owner@mof.gov.vn', '198.51.100.4', T0).allowed).toBe(true);
  });

  it('locks progressively: every further failure doubles the wait, up to 15 minutes', () => {
    const limiter = new LoginRateLimiter();
    let now = T0;
    for (let i = 0; i < 5; i++) allowed(limiter.reserve('a@b.vn', '10.0.0.1', now));
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      const wait = waitOf(limiter.reserve('a@b.vn', '10.0.0.1', now));
      waits.push(wait);
      now += wait * 1000;
      allowed(limiter.reserve('a@b.vn', '10.0.0.1', now));
    }
    expect(waits).toEqual([60, 120, 240, 480, 900, 900]);
  });

  it('forgets a streak after a day without attempts', () => {
    const limiter = new LoginRateLimiter();
    for (let i = 0; i < 5; i++) allowed(limiter.reserve('a@b.vn', '10.0.0.1', T0));
    const nextDay = T0 + DEFAULT_LOGIN_LIMITS.forgetAfterMs;
    for (let i = 0; i < 5; i++) allowed(limiter.reserve('a@b.vn', '10.0.0.1', nextDay));
    expect(waitOf(limiter.reserve('a@b.vn', '10.0.0.1', nextDay))).toBe(60);
  });

  it('caps one address over all accounts, generously (a ministry behind one NAT address)', () => {
    const limiter = new LoginRateLimiter();
    for (let i = 0; i < 100; i++) allowed(limiter.reserve(`user${i}@mof.gov.vn`, '10.0.0.1', T0 + i));
    expect(waitOf(limiter.reserve('other@mof.gov.vn', '10.0.0.1', T0 + 100))).toBe(15 * 60);
    expect(limiter.reserve('other@mof.gov.vn', '10.0.0.2', T0 + 100).allowed).toBe(true);
    expect(limiter.reserve('other@mof.gov.vn', '10.0.0.1', T0 + 15 * MINUTE).allowed).toBe(true);
  });

  it('caps one account over all addresses, as a last line against guessing spread over many', () => {
    const limiter = new LoginRateLimiter();
    for (let i = 0; i < 100; i++) allowed(limiter.reserve('target@vpcp.gov.vn', `10.0.${Math.floor(i / 4)}.1`, T0));
    expect(limiter.reserve('target@vpcp.gov.vn', '10.9.9.9', T0).allowed).toBe(false);
    expect(limiter.reserve('someone.else@vpcp.gov.vn', '10.9.9.9', T0).allowed).toBe(true);
  });
});
