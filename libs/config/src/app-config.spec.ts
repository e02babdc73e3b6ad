import { ConfigError, loadConfig } from './app-config';
import { Clock } from './clock';

describe('loadConfig', () => {
  it('has embedded defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, dataDir: './data', redisUrl: 'redis://127.0.0.1:6379', tzDeadlines: 'Asia/Ho_Chi_Minh', deadlineRollForward: true });
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
