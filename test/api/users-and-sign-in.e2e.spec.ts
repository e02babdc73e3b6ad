import { ApiHarness } from '../support/api-harness';

/** Users managed by an admin; sign-in gives the API's own JWT; sign-out and disabling revoke it. */
describe('users and sign-in', () => {
  const api = new ApiHarness();
  const admin = api.token('admin');
  const password = 'Mật-khẩu-đủ-dài-2026';
  const login = (email: string, pass: string) => api.request('POST', '/api/v1/auth/login', { body: { email, password: pass } });

  beforeAll(() => api.start());
  afterAll(() => api.dispose());

  it('an admin creates an agency user; the password is stored only as a scrypt hash', async () => {
    const res = await api.request('POST', '/api/v1/users', {
      token: admin,
      body: { email: 'Dau.Moi@mof.gov.vn', name: 'Nguyễn Văn An', role: 'agency', agency: 'BTC', password },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ email: 'dau.moi@mof.gov.vn', role: 'agency', agency: 'BTC', disabled: false });
    expect(res.body.passwordHash).toBeUndefined();
    const log = JSON.stringify((await api.allEvents()).map((e) => [e.data, e.metadata]));
    expect(log).not.toContain(password);
    expect(log).toContain('scrypt$');
    expect(
      (
        await api.request('POST', '/api/v1/users', {
          token: admin,
          body: { email: 'dau.moi@mof.gov.vn', name: 'X', role: 'viewer', password },
        })
      ).status,
    ).toBe(409);
    expect(
      (await api.request('POST', '/api/v1/users', { token: admin, body: { email: 'a@b.vn', name: 'X', role: 'agency', password } })).status,
    ).toBe(400);
    expect(
      (await api.request('POST', '/api/v1/users', { token: admin, body: { email: 'a@b.vn', name: 'X', role: 'viewer', password: 'ngan' } }))
        .status,
    ).toBe(400);
    expect(
      (
        await api.request('POST', '/api/v1/users', {
          token: api.token('vpcp'),
          body: { email: 'c@b.vn', name: 'X', role: 'viewer', password },
        })
      ).status,
    ).toBe(403);
    expect((await api.request('GET', '/api/v1/users', { token: admin })).body.items).toHaveLength(1);
  });

  it('signs in with the right password only, and the token acts as that agency', async () => {
    const wrong = await login('dau.moi@mof.gov.vn', 'sai-mat-khau-roi');
    expect(wrong.status).toBe(401);
    expect(wrong.body.detail).toBe('Email hoặc mật khẩu không đúng');
    const ok = await login('DAU.MOI@mof.gov.vn', password);
    expect(ok.status).toBe(200);
    expect(ok.body.user).toMatchObject({ name: 'Nguyễn Văn An', agency: 'BTC' });
    const me = await api.request('GET', '/api/v1/auth/me', { token: ok.body.token });
    expect(me.body).toMatchObject({ email: 'dau.moi@mof.gov.vn', role: 'agency' });
  });

  it('sign-out revokes the token; a new sign-in works', async () => {
    const { token } = (await login('dau.moi@mof.gov.vn', password)).body;
    expect((await api.request('POST', '/api/v1/auth/logout', { token })).status).toBe(204);
    expect((await api.request('GET', '/api/v1/auth/me', { token })).status).toBe(401);
    const again = (await login('dau.moi@mof.gov.vn', password)).body.token;
    expect((await api.request('GET', '/api/v1/auth/me', { token: again })).status).toBe(200);
  });

  it('limits failed attempts, then answers 429', async () => {
    await api.request('POST', '/api/v1/users', {
      token: admin,
      body: { email: 'thu@vpcp.gov.vn', name: 'Trần Thị Thu', role: 'vpcp', password },
    });
    const answers: number[] = [];
    for (let i = 0; i < 6; i++) answers.push((await login('thu@vpcp.gov.vn', `sai-${i}-xxxxxxxx`)).status);
    expect(answers).toEqual([401, 401, 401, 401, 401, 429]);
    expect((await login('thu@vpcp.gov.vn', password)).status).toBe(429);
  });

  it('a disabled user can neither sign in nor use an old token', async () => {
    const { token, user } = (await login('dau.moi@mof.gov.vn', password)).body;
    expect((await api.request('POST', `/api/v1/users/${user.id}/disable`, { token: admin })).status).toBe(200);
    expect((await api.request('GET', '/api/v1/auth/me', { token })).status).toBe(401);
    expect((await login('dau.moi@mof.gov.vn', password)).status).toBe(401);
  });
});

describe('sign-in while the business clock is moved (CLOCK_START)', () => {
  const api = new ApiHarness({ CLOCK_START: '2020-02-12T01:00:00Z' });
  beforeAll(() => api.start());
  afterAll(() => api.dispose());

  it('issues tokens that work: their lifetime follows the real clock', async () => {
    const password = 'mat-khau-demo-2020';
    await api.request('POST', '/api/v1/users', {
      token: api.token('admin'),
      body: { email: 'demo@vpcp.gov.vn', name: 'Demo', role: 'vpcp', password },
    });
    const { token } = (await api.request('POST', '/api/v1/auth/login', { body: { email: 'demo@vpcp.gov.vn', password } })).body;
    expect((await api.request('GET', '/api/v1/auth/me', { token })).status).toBe(200);
    expect((await api.request('POST', '/api/v1/auth/logout', { token })).status).toBe(204);
    expect((await api.request('GET', '/api/v1/auth/me', { token })).status).toBe(401);
  });
});
