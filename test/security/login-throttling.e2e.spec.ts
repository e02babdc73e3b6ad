import { request as httpRequest } from 'node:http';
import { randomUUID } from 'node:crypto';
import { ApiHarness } from '../support/api-harness';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: any;
  ms: number;
}

/**
 * The API does not trust X-Forwarded-For (no trustProxy), so req.ip is the socket's address. On
 * Linux the whole 127.0.0.0/8 is loopback: a client bound to 127.0.0.N signs in "from another address".
 */
function loginFrom(api: ApiHarness, address: string, email: string, password: string): Promise<Answer> {
  const { hostname, port } = new URL(api.baseUrl);
  const payload = JSON.stringify({ email, password });
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: hostname,
        port,
        path: '/api/v1/auth/login',
        method: 'POST',
        localAddress: address,
        agent: false,
        headers: { 'content-type': 'application/json' },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode!,
            headers: res.headers,
            body: text ? JSON.parse(text) : undefined,
            ms: Number(process.hrtime.bigint() - started) / 1e6,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

describe('login throttling (issue 9)', () => {
  const api = new ApiHarness();
  const password = 'Mật-khẩu-đủ-dài-2026';
  const createUser = async (email: string) => {
    const res = await api.request('POST', '/api/v1/users', {
      token: api.token('admin'),
      body: { email, name: 'Người dùng thử', role: 'vpcp', password },
    });
    expect(res.status).toBe(201);
  };

  beforeAll(() => api.start());
  afterAll(() => api.dispose());

  describe('issue 9 finding 1: login rate limit raced', () => {
    it('40 parallel wrong passwords for one account: at most 5 reach the password check, the rest get 429', async () => {
      await createUser('song.song@vpcp.gov.vn');
      const answers = await Promise.all(
        Array.from({ length: 40 }, (_, i) => loginFrom(api, '127.0.0.1', 'song.song@vpcp.gov.vn', `sai-${i}-xxxxxxxx`)),
      );
      const statuses = answers.map((a) => a.status);
      expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
      expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
      const refused = answers.find((a) => a.status === 429)!;
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(refused.body).toMatchObject({ type: '/problems/too-many-requests', status: 429 });
      expect(refused.body.detail).toMatch(/^Đăng nhập sai quá nhiều lần; thử lại sau \d+ (giây|phút)$/);
    });
  });

  describe('issue 9 finding 9: account enumeration by timing', () => {
    it('an unknown email takes about as long as a known one with a wrong password', async () => {
      const accounts = ['do.thoi.gian.1@vpcp.gov.vn', 'do.thoi.gian.2@vpcp.gov.vn'];
      for (const email of accounts) await createUser(email);
      const known: number[] = [];
      const unknown: number[] = [];
      // Interleaved, so load on the machine weighs on both; the known attempts are spread over two
      // accounts and ten addresses so that none is throttled (no account gets more than five).
      for (let i = 0; i < 10; i++) {
        const k = await loginFrom(api, `127.0.1.${i + 1}`, accounts[i % 2], `sai-${i}-xxxxxxxx`);
        const u = await loginFrom(api, `127.0.1.${i + 1}`, `khong-ton-tai-${randomUUID()}@vpcp.gov.vn`, `sai-${i}-xxxxxxxx`);
        expect([k.status, u.status]).toEqual([401, 401]);
        expect(u.body.detail).toBe(k.body.detail);
        known.push(k.ms);
        unknown.push(u.ms);
      }
      expect(median(unknown)).toBeGreaterThanOrEqual(0.5 * median(known));
    });
  });

  describe('issue 9 finding 9: lockout by anyone', () => {
    it('wrong passwords from one address lock that address out, not the owner signing in from another', async () => {
      await createUser('chu.tai.khoan@vpcp.gov.vn');
      const attacker = '127.0.2.66';
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await loginFrom(api, attacker, 'chu.tai.khoan@vpcp.gov.vn', `doan-${i}-xxxxxxxx`)).status);
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
      expect((await loginFrom(api, attacker, 'chu.tai.khoan@vpcp.gov.vn', password)).status).toBe(429);
      const owner = await loginFrom(api, '127.0.2.1', 'chu.tai.khoan@vpcp.gov.vn', password);
      expect(owner.status).toBe(200);
      expect(owner.body.user).toMatchObject({ email: 'chu.tai.khoan@vpcp.gov.vn' });
    });
  });
});
