import { ApiHarness } from '../support/api-harness';

/** Who may see and do what, and bad input refused with nothing appended. */
describe('auth, visibility and bad input', () => {
  const api = new ApiHarness();
  const vpcp = api.token('vpcp');
  const btc = api.token('agency', 'BTC');
  const bca = api.token('agency', 'BCA');
  const openTask = '2026-7-tb-vpcp.1.btc';
  const secretTask = '2026-7-tb-vpcp.2.btc';

  beforeAll(async () => {
    await api.start();
    const res = await api.request('POST', '/api/v1/notices', {
      token: vpcp,
      body: {
        number: '7/TB-VPCP',
        issuedAt: '2026-01-10',
        title: 'Kết luận của Phó Thủ tướng',
        directives: [
          { text: 'Rà soát thủ tục hành chính', lead: ['BTC'], deadline: { due: '2026-02-28' } },
          { text: 'Nhiệm vụ mật', lead: ['BTC'], confidential: true },
          {
            text: 'Báo cáo kết quả triển khai tại địa phương',
            lead: ['ALL_PROVINCES'],
            deadline: { due: '2026-12-31', kind: 'year', phrase: 'trong năm 2026' },
          },
        ],
      },
    });
    expect(res.status).toBe(201);
  });
  afterAll(() => api.dispose());

  it('fans a group code out to one task per member', async () => {
    const notice = await api.request('GET', '/api/v1/notices/2026-7-tb-vpcp', { token: vpcp });
    expect(notice.status).toBe(200);
    const fanned = notice.body.directives[2].tasks;
    expect(fanned).toHaveLength(34);
    expect(new Set(fanned.map((t: any) => t.lead)).size).toBe(34);
  });

  it('401 without a token or with a bad one', async () => {
    expect((await api.request('GET', `/api/v1/tasks/${openTask}`)).status).toBe(401);
    const bad = await api.request('GET', `/api/v1/tasks/${openTask}`, { headers: { authorization: 'Bearer abc.def.ghi' } });
    expect(bad.status).toBe(401);
    expect(bad.body.type).toBe('/problems/unauthenticated');
  });

  it("404 for another agency's task, as for a confidential one: nothing tells that it exists", async () => {
    expect((await api.request('POST', `/api/v1/tasks/${openTask}/acknowledge`, { token: bca, body: {} })).status).toBe(404);
    expect((await api.request('GET', `/api/v1/tasks/${openTask}`, { token: bca })).status).toBe(404);
    expect((await api.request('GET', `/api/v1/tasks/${secretTask}`, { token: bca })).status).toBe(404);
    expect((await api.request('GET', `/api/v1/tasks/${secretTask}`, { token: api.token('viewer') })).status).toBe(404);
    expect((await api.request('GET', `/api/v1/tasks/${secretTask}`, { token: btc })).status).toBe(200);
    // BCA has no task in the notice: it does not see it at all. A province sees it without the secret directive.
    expect((await api.request('GET', '/api/v1/notices/2026-7-tb-vpcp', { token: bca })).status).toBe(404);
    const notice = await api.request('GET', '/api/v1/notices/2026-7-tb-vpcp', { token: api.token('agency', 'HNI') });
    expect(notice.body.directives.map((d: any) => d.text)).not.toContain('Nhiệm vụ mật');
    expect(
      (
        await api.request('POST', '/api/v1/notices', {
          token: btc,
          body: { number: '1/X', issuedAt: '2026-01-01', title: 't', directives: [{ text: 'x', lead: ['BTC'] }] },
        })
      ).status,
    ).toBe(403);
  });

  it('rejects bad bodies with a clear 4xx and appends nothing', async () => {
    const before = (await api.allEvents()).length;
    const unknownField = await api.request('POST', `/api/v1/tasks/${openTask}/extension-requests`, {
      token: btc,
      body: { proposedDue: '2026-04-30', reason: 'x', hack: true },
    });
    expect(unknownField.status).toBe(400);
    expect(JSON.stringify(unknownField.body.errors)).toContain('hack');
    const impossible = await api.request('POST', `/api/v1/tasks/${openTask}/extension-requests`, {
      token: btc,
      body: { proposedDue: '2024-02-30', reason: 'x' },
    });
    expect(impossible.status).toBe(400);
    expect(impossible.body.errors[0].field).toBe('proposedDue');
    const huge = await api.request('POST', `/api/v1/tasks/${openTask}/progress`, {
      token: btc,
      body: { note: 'x'.repeat(2 * 1024 * 1024) },
    });
    expect(huge.status).toBe(413);
    expect(huge.body.type).toBe('/problems/payload-too-large');
    const badJson = await api.request('POST', `/api/v1/tasks/${openTask}/progress`, {
      token: btc,
      raw: '{"note":',
      headers: { 'content-type': 'application/json' },
    });
    expect(badJson.status).toBe(400);
    const badNotice = await api.request('POST', '/api/v1/notices', {
      token: vpcp,
      body: { number: '8/TB-VPCP', issuedAt: '2026-02-30', title: 't', directives: [] },
    });
    expect(badNotice.status).toBe(400);
    const unknownLead = await api.request('POST', '/api/v1/notices', {
      token: vpcp,
      body: { number: '9/TB-VPCP', issuedAt: '2026-02-03', title: 't', directives: [{ text: 'x', lead: ['KHONG-CO'] }] },
    });
    expect(unknownLead.status).toBe(400);
    expect(await api.allEvents()).toHaveLength(before);
  });

  it('serves health and the OpenAPI docs without a token', async () => {
    expect((await api.request('GET', '/health')).body).toMatchObject({ status: 'ok' });
    expect((await api.request('GET', '/docs')).status).toBe(200);
    const spec = await api.request('GET', '/docs-json');
    expect(Object.keys(spec.body.paths)).toContain('/api/v1/tasks/{id}/completion/accept');
  });
});
