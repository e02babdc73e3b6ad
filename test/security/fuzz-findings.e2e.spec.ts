import { ApiHarness } from '../support/api-harness';

/** Bugs the API fuzzer (issue 9, api-fuzz.e2e.spec.ts) found, each replayed as the exact request. */
describe('issue 9 regressions found by the API fuzzer', () => {
  const api = new ApiHarness({ CLOCK_START: '2026-03-02T02:00:00Z' });
  const admin = api.token('admin');
  const vpcp = api.token('vpcp');

  beforeAll(() => api.start());
  afterAll(() => api.dispose());

  // POST /users/constructor/disable answered 200 and appended `UserDisabled constructor`; from
  // then on GET /users answered 500 for good.
  it('user ids named after Object.prototype members: 404, nobody signed out, nothing appended, the list still answers', async () => {
    const before = (await api.allEvents()).length;
    for (const id of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const res = await api.request('POST', `/api/v1/users/${id}/disable`, { token: admin });
      expect({ id, status: res.status, type: res.body.type }).toEqual({ id, status: 404, type: '/problems/not-found' });
    }
    expect((await api.request('POST', '/api/v1/auth/logout', { token: api.token('vpcp', undefined, 'valueOf') })).status).toBe(204);
    expect(await api.allEvents()).toHaveLength(before);
    const list = await api.request('GET', '/api/v1/users', { token: admin });
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([]);
  });

  // The end of 9999-12-31 in Vietnam is in year 10000: the calendar threw and the answer was 500.
  it.each(['/api/v1/stats?asOf=9999-12-31', '/api/v1/reports/appendix?asOf=9999-12-31', '/api/v1/stats?asOf=9999-12-31T20:00:00Z'])(
    '%s is a 400 problem',
    async (path) => {
      const res = await api.request('GET', path, { token: vpcp });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    },
  );

  // A 40 kB JSON body nested 20,000 deep overflowed the stack in the validation pipe and in the
  // Idempotency-Key hash: 500.
  it.each(['/api/v1/tasks/x/progress', '/api/v1/auth/logout'])(
    'a JSON body nested 20,000 levels deep is a 400 problem on %s',
    async (path) => {
      const before = (await api.allEvents()).length;
      const raw = `${'['.repeat(20_000)}1${']'.repeat(20_000)}`;
      const res = await api.request('POST', path, {
        token: vpcp,
        raw,
        headers: { 'content-type': 'application/json', 'idempotency-key': 'k1' },
      });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await api.allEvents()).toHaveLength(before);
    },
  );

  // GET /auth/me with a token whose sub is `constructor` answered {"name":"Object"}.
  it('a token naming an Object.prototype member is no managed user', async () => {
    const me = await api.request('GET', '/api/v1/auth/me', { token: api.token('vpcp', undefined, 'constructor') });
    expect(me.body).toEqual({ id: 'constructor', role: 'vpcp' });
  });

  // The task command routes lost their `id` path parameter in the OpenAPI document.
  it('every path parameter of the OpenAPI document is declared', async () => {
    const doc = (await api.request('GET', '/docs-json')).body as {
      paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
    };
    for (const [path, operations] of Object.entries(doc.paths)) {
      const wanted = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const [method, op] of Object.entries(operations)) {
        const declared = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
        expect({ path, method, declared: declared.sort() }).toEqual({ path, method, declared: wanted.sort() });
      }
    }
  });
});
