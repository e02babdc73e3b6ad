import { ApiHarness } from '../../libs/testing/src/api-harness';

/**
 * Found by the API fuzzer (issue 9): POST /users/constructor/disable answered 200 and appended
 * `UserDisabled constructor`; from then on GET /users answered 500 for good.
 */
describe('issue 9 regression: user ids named after Object.prototype members', () => {
  const api = new ApiHarness();
  const admin = api.token('admin');

  beforeAll(() => api.start());
  afterAll(() => api.dispose());

  it('answers 404 to disabling them, signs nobody out, appends nothing, and the user list still answers', async () => {
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
});
