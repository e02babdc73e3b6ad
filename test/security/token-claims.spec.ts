import { createHmac } from 'node:crypto';
import { ConfigError, loadConfig, requireJwtSecret } from '@tdnv/config';
import { ApiHarness, TEST_JWT_SECRET } from '../support/api-harness';

/** A token signed with `secret` whose claims are exactly these (signToken always adds iat and exp). */
function tokenWith(
  claims: Record<string, unknown>,
  secret = TEST_JWT_SECRET,
  header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' },
): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${encode(header)}.${encode(claims)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

const now = () => Math.floor(Date.now() / 1000);
const vpcp = { sub: 'chuyenvien.vpcp', role: 'vpcp' };

describe('issue 9 finding 10: tokens without exp / non-numeric exp / future iat / future nbf are refused', () => {
  const api = new ApiHarness();
  const me = (token: string) => api.request('GET', '/api/v1/auth/me', { token });

  beforeAll(() => api.start());
  afterAll(() => api.dispose());

  it('accepts a well-formed token (the baseline the refusals differ from)', async () => {
    expect((await me(tokenWith({ ...vpcp, iat: now(), exp: now() + 600 }))).status).toBe(200);
  });

  const refused: [string, () => string, RegExp][] = [
    ['without exp', () => tokenWith({ ...vpcp, iat: now() }), /thời hạn \(exp\)/],
    ['with a non-numeric exp', () => tokenWith({ ...vpcp, iat: now(), exp: String(now() + 600) }), /thời hạn \(exp\)/],
    ['with an exp in the past', () => tokenWith({ ...vpcp, iat: now() - 7200, exp: now() - 3600 }), /hết hạn/],
    ['issued in the future (iat)', () => tokenWith({ ...vpcp, iat: now() + 3600, exp: now() + 7200 }), /\(iat\)/],
    ['not valid before a future instant (nbf)', () => tokenWith({ ...vpcp, nbf: now() + 3600, exp: now() + 7200 }), /\(nbf\)/],
    ['signed with another algorithm', () => tokenWith({ ...vpcp, exp: now() + 600 }, TEST_JWT_SECRET, { alg: 'HS384' }), /thuật toán/],
  ];
  it.each(refused)('refuses a token %s with 401 problem+json in Vietnamese', async (_name, make, reason) => {
    const res = await me(make());
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body.type).toBe('/problems/unauthenticated');
    expect(res.body.detail).toMatch(/^Mã xác thực không hợp lệ: /);
    expect(res.body.detail).toMatch(reason);
  });
});

describe('issue 9 finding 10: refuses to start without JWT_SECRET', () => {
  it('names JWT_SECRET and the development flag', () => {
    expect(() => requireJwtSecret(loadConfig({}))).toThrow(ConfigError);
    expect(() => requireJwtSecret(loadConfig({}))).toThrow(/JWT_SECRET[\s\S]*ALLOW_DEV_JWT_SECRET=true/);
  });

  it('refuses the development flag in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', ALLOW_DEV_JWT_SECRET: 'true' })).toThrow(
      /ALLOW_DEV_JWT_SECRET=true is refused when NODE_ENV=production/,
    );
  });

  it('an API built without a key accepts no token, not even one signed with the published development key', async () => {
    const devKey = requireJwtSecret(loadConfig({ ALLOW_DEV_JWT_SECRET: 'true' }));
    const api = new ApiHarness({ JWT_SECRET: '' });
    await api.start();
    try {
      const res = await api.request('GET', '/api/v1/auth/me', { token: tokenWith({ ...vpcp, iat: now(), exp: now() + 600 }, devKey) });
      expect(res.status).toBe(500);
      expect(res.body).toMatchObject({ type: '/problems/internal', detail: 'Máy chủ chưa được cấu hình khóa ký mã xác thực' });
    } finally {
      await api.dispose();
    }
  });
});
