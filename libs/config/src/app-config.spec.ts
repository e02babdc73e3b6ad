import { ConfigError, loadConfig, requireJwtSecret, usesDevJwtSecret } from './app-config';
import { Clock } from './clock';

describe('loadConfig', () => {
  it('has embedded defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 3000,
      dataDir: './data',
      redisUrl: 'redis://127.0.0.1:6379',
      tzDeadlines: 'Asia/Ho_Chi_Minh',
      deadlineRollForward: true,
    });
    expect(c.eventstoreUrl).toBeUndefined();
  });
  it('lists every problem in one clear message', () => {
    try {
      loadConfig({ PORT: 'abc', EVENTSTORE_URL: 'http://x', NODE_ENV: 'production', TZ_DEADLINES: 'Mars/Base', CLOCK_START: 'soon' });
      throw new Error('expected a ConfigError');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const message = (e as Error).message;
      for (const name of ['PORT', 'EVENTSTORE_URL', 'JWT_SECRET', 'TZ_DEADLINES', 'CLOCK_START']) expect(message).toContain(name);
    }
  });
});

describe('issue 9 finding 10: refuses to start without JWT_SECRET', () => {
  const problemsOf = (env: NodeJS.ProcessEnv): string => {
    try {
      requireJwtSecret(loadConfig(env));
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      return (e as Error).message;
    }
    throw new Error('expected a ConfigError');
  };
  it('has no built-in key: a process that handles tokens is refused, naming JWT_SECRET and the dev flag', () => {
    expect(loadConfig({}).jwtSecret).toBeUndefined();
    const message = problemsOf({});
    expect(message).toContain('JWT_SECRET');
    expect(message).toContain('ALLOW_DEV_JWT_SECRET=true');
  });
  it('uses the development key only when asked explicitly, and never in production', () => {
    const dev = loadConfig({ ALLOW_DEV_JWT_SECRET: 'true' });
    expect(requireJwtSecret(dev)).toHaveLength(36);
    expect(usesDevJwtSecret(dev)).toBe(true);
    const refused = problemsOf({ NODE_ENV: 'production', ALLOW_DEV_JWT_SECRET: 'true' });
    expect(refused).toContain('ALLOW_DEV_JWT_SECRET=true is refused when NODE_ENV=production');
    expect(problemsOf({ NODE_ENV: 'production', JWT_SECRET: requireJwtSecret(dev) })).toContain(
      'must not be the published development key',
    );
    expect(problemsOf({ ALLOW_DEV_JWT_SECRET: 'yes' })).toContain('ALLOW_DEV_JWT_SECRET must be true or false');
  });
  it('takes JWT_SECRET as given when it is long enough', () => {
    const secret = 'a-real-secret-of-at-least-32-characters';
    expect(requireJwtSecret(loadConfig({ JWT_SECRET: secret, NODE_ENV: 'production' }))).toBe(secret);
    expect(problemsOf({ JWT_SECRET: 'short' })).toContain('at least 32 characters');
  });
});

describe('Clock', () => {
  it('starts at CLOCK_START and runs forward; today is the local date in the deadline zone', () => {
    let real = 1_000_000;
    const clock = new Clock('Asia/Ho_Chi_Minh', new Date('2026-03-30T16:59:00Z'), () => real);
    expect(clock.today()).toBe('2026-03-30');
    real += 60_000; // 17:00Z = 00:00 next day in UTC+7
    expect(clock.now().toISOString()).toBe('2026-03-30T17:00:00.000Z');
    expect(clock.today()).toBe('2026-03-31');
  });
});
