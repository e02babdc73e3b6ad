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
});
