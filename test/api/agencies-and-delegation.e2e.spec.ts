import { ApiHarness } from '../support/api-harness';

/** The catalogue over HTTP: groups with members, contact edits (admin), sub-units, and delegation to them. */
describe('agency catalogue and delegation', () => {
  const api = new ApiHarness({ CLOCK_START: '2026-03-02T02:00:00Z' });
  const admin = api.token('admin');
  const vpcp = api.token('vpcp');
  const btc = api.token('agency', 'BTC');
  const taskId = '2026-20-tb-vpcp.1.btc';

  beforeAll(async () => {
    await api.start();
    await api.request('POST', '/api/v1/notices', {
      token: vpcp,
      body: {
        number: '20/TB-VPCP',
        issuedAt: '2026-03-02',
        title: 'Kết luận',
        directives: [{ text: 'Xây dựng cơ sở dữ liệu tài chính', lead: ['BTC'], deadline: { due: '2026-06-30' } }],
      },
    });
  });
  afterAll(() => api.dispose());

  it('lists agencies, the 34 provincial units and groups with their members', async () => {
    const res = await api.request('GET', '/api/v1/agencies', { token: btc });
    expect(res.status).toBe(200);
    const items: any[] = res.body.items;
    expect(items.filter((a) => a.kind === 'province' || a.kind === 'city')).toHaveLength(34);
    expect(items.find((a) => a.code === 'BKHCN').name).toBe('Bộ Khoa học và Công nghệ');
    expect(items.find((a) => a.code === 'ALL_PROVINCES').members).toHaveLength(34);
  });

  it('contacts are edited by an admin only, and the edit is an event', async () => {
    const body = { focal: ['dau.moi@mof.gov.vn'], leader: ['thu.truong@mof.gov.vn'] };
    expect((await api.request('PUT', '/api/v1/agencies/BTC/contacts', { token: btc, body })).status).toBe(403);
    expect(
      (await api.request('PUT', '/api/v1/agencies/BTC/contacts', { token: admin, body: { focal: ['khong-phai-email'], leader: [] } }))
        .status,
    ).toBe(400);
    expect((await api.request('PUT', '/api/v1/agencies/BTC/contacts', { token: admin, body })).status).toBe(200);
    expect((await api.request('GET', '/api/v1/agencies/BTC', { token: btc })).body.contacts).toMatchObject(body);
    expect((await api.allEvents()).filter((e) => e.type === 'AgencyContactsUpdated')).toHaveLength(1);
  });

  it('an agency adds its own unit and delegates a sub-task to it, due no later than its own', async () => {
    const unit = { code: 'BTC-CUC-THTK', name: 'Cục Tin học và Thống kê tài chính' };
    expect((await api.request('POST', '/api/v1/agencies/BCA/units', { token: btc, body: { code: 'BCA-X', name: 'Cục X' } })).status).toBe(
      403,
    );
    expect((await api.request('POST', '/api/v1/agencies/BTC/units', { token: btc, body: unit })).status).toBe(201);
    expect((await api.request('POST', '/api/v1/agencies/BTC/units', { token: btc, body: unit })).status).toBe(409);
    await api.request('POST', `/api/v1/tasks/${taskId}/acknowledge`, { token: btc, body: {} });
    const late = await api.request('POST', `/api/v1/tasks/${taskId}/delegate`, {
      token: btc,
      body: { agency: unit.code, due: '2026-07-15' },
    });
    expect(late.status).toBe(400);
    const res = await api.request('POST', `/api/v1/tasks/${taskId}/delegate`, {
      token: btc,
      body: { agency: unit.code, due: '2026-06-15', note: 'Cục chủ trì xây dựng phần mềm' },
    });
    expect(res.status).toBe(200);
    const childId = `${taskId}.c1`;
    const unitToken = api.token('agency', unit.code);
    const child = await api.request('GET', `/api/v1/tasks/${childId}`, { token: unitToken });
    expect(child.body).toMatchObject({
      parentTaskId: taskId,
      lead: unit.code,
      delegatedBy: 'BTC',
      deadline: { due: '2026-06-15' },
      state: 'assigned',
    });
    // The delegating ministry reviews its unit's completion report.
    await api.request('POST', `/api/v1/tasks/${childId}/acknowledge`, { token: unitToken, body: {} });
    await api.request('POST', `/api/v1/tasks/${childId}/completion`, { token: unitToken, body: { result: 'Đã hoàn thành phần mềm' } });
    expect((await api.request('POST', `/api/v1/tasks/${childId}/completion/accept`, { token: btc, body: {} })).body.state).toBe(
      'completed',
    );
    const parent = await api.request('GET', `/api/v1/tasks/${taskId}`, { token: btc });
    expect(parent.body.children).toEqual([childId]);
  });
});
