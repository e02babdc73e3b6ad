import { ApiHarness } from '../support/api-harness';

/**
 * Issue 13: a task's history names people (name and role, never an id), a reviewer may comment on
 * approving or accepting, and a delegation note stays apart from the Government's directive text.
 */
describe('task history by name, review comments, delegation notes', () => {
  const api = new ApiHarness({ CLOCK_START: '2026-03-01T02:00:00Z' });
  const admin = api.token('admin');
  const password = 'mat-khau-du-dai-123';
  let vpcp: string;
  let btc: string;
  let taskId: string;
  const text = 'Hoàn thiện Đề án phát triển dữ liệu số quốc gia, trình Thủ tướng Chính phủ';

  beforeAll(async () => {
    await api.start();
    const create = async (body: Record<string, unknown>) => {
      const res = await api.request('POST', '/api/v1/users', { token: admin, body: { ...body, password } });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    const vpcpId = await create({ email: 'an.nv@chinhphu.vn', name: 'Nguyễn Văn An', role: 'vpcp' });
    const btcId = await create({ email: 'b.tt@mof.gov.vn', name: 'Trần Thị B', role: 'agency', agency: 'BTC' });
    vpcp = api.token('vpcp', undefined, vpcpId);
    btc = api.token('agency', 'BTC', btcId);
    const res = await api.request('POST', '/api/v1/notices', {
      token: vpcp,
      body: {
        number: '45/TB-VPCP',
        issuedAt: '2026-02-12',
        title: 'Kết luận của Thủ tướng Chính phủ tại phiên họp Ủy ban Quốc gia về chuyển đổi số',
        directives: [
          { text, lead: ['BTC'], coordinators: [], deadline: { due: '2026-03-31', phrase: 'trong Quý I năm 2026', kind: 'quarter' } },
        ],
      },
    });
    expect(res.status).toBe(201);
    taskId = res.body.taskIds[0];
  });
  afterAll(() => api.dispose());

  const post = (path: string, token: string, body: unknown = {}) => api.request('POST', `/api/v1/tasks/${taskId}${path}`, { token, body });

  it('approving and accepting take an optional comment, recorded in the event', async () => {
    expect((await post('/acknowledge', btc)).status).toBe(200);
    expect((await post('/extension-requests', btc, { proposedDue: '2026-06-30', reason: 'Chờ ý kiến thẩm định' })).status).toBe(200);
    expect((await post('/extension-requests/current/approve', vpcp, { comment: 5 })).status).toBe(400);
    expect((await post('/extension-requests/current/approve', vpcp, { comment: '  Đồng ý; bảo đảm tiến độ ' })).status).toBe(200);
    expect((await post('/completion', btc, { result: 'Đã trình Đề án' })).status).toBe(200);
    expect((await post('/completion/accept', vpcp, { comment: 'x'.repeat(4001) })).status).toBe(400);
    expect((await post('/completion/accept', vpcp, { comment: 'Đạt yêu cầu' })).status).toBe(200);
    const events = (await api.allEvents()).filter((e) => e.stream === `task-${taskId}`);
    expect(events.find((e) => e.type === 'ExtensionApproved')?.data).toMatchObject({ comment: 'Đồng ý; bảo đảm tiến độ' });
    expect(events.find((e) => e.type === 'TaskCompleted')?.data).toMatchObject({ comment: 'Đạt yêu cầu' });
  });

  it('records the actor’s name with the events of a command', async () => {
    const events = (await api.allEvents()).filter((e) => e.stream === `task-${taskId}`);
    expect(events.find((e) => e.type === 'TaskAcknowledged')?.metadata.actorName).toBe('Trần Thị B');
    expect(events.find((e) => e.type === 'TaskCompleted')?.metadata.actorName).toBe('Nguyễn Văn An');
  });

  it('history names each person with the role; the directory fills in events recorded without a name', async () => {
    const res = await api.request('GET', `/api/v1/tasks/${taskId}/history`, { token: btc });
    expect(res.status).toBe(200);
    const actors = res.body.events.map((e: any) => [e.type, e.actor.name, e.actor.role, e.actor.agency]);
    expect(actors).toEqual([
      // Registered through the notices lib, which records no name: the directory's answer.
      ['TaskAssigned', 'Nguyễn Văn An', 'vpcp', undefined],
      ['TaskAcknowledged', 'Trần Thị B', 'agency', 'BTC'],
      ['ExtensionRequested', 'Trần Thị B', 'agency', 'BTC'],
      ['ExtensionApproved', 'Nguyễn Văn An', 'vpcp', undefined],
      ['DeadlineChanged', 'Nguyễn Văn An', 'vpcp', undefined],
      ['CompletionReported', 'Trần Thị B', 'agency', 'BTC'],
      ['TaskCompleted', 'Nguyễn Văn An', 'vpcp', undefined],
    ]);
  });

  it('a token naming no user shows role and agency only; an outsider gets 404 and no name', async () => {
    const other = api.token('agency', 'BTC', 'dev-token-btc');
    const second = await api.request('POST', '/api/v1/notices', {
      token: vpcp,
      body: {
        number: '46/TB-VPCP',
        issuedAt: '2026-02-13',
        title: 'Kết luận về cải cách thủ tục hành chính',
        directives: [
          { text: 'Rà soát thủ tục', lead: ['BTC'], coordinators: [], deadline: { due: '2026-09-30', phrase: '', kind: 'date' } },
        ],
      },
    });
    const id = second.body.taskIds[0];
    expect((await api.request('POST', `/api/v1/tasks/${id}/acknowledge`, { token: other, body: {} })).status).toBe(200);
    const history = await api.request('GET', `/api/v1/tasks/${id}/history`, { token: vpcp });
    expect(history.body.events[1].actor).toEqual({ id: 'dev-token-btc', role: 'agency', agency: 'BTC' });
    const outsider = await api.request('GET', `/api/v1/tasks/${id}/history`, { token: api.token('agency', 'BYT') });
    expect(outsider.status).toBe(404);
    expect(JSON.stringify(outsider.body)).not.toContain('Nguyễn Văn An');
  });

  it('a delegation note is kept apart: the sub-task reads the Government’s text and the note beside it', async () => {
    const second = await api.request('POST', '/api/v1/notices', {
      token: vpcp,
      body: {
        number: '47/TB-VPCP',
        issuedAt: '2026-02-14',
        title: 'Kết luận về dữ liệu tài chính',
        directives: [{ text, lead: ['BTC'], coordinators: [], deadline: { due: '2026-09-30', phrase: '', kind: 'date' } }],
      },
    });
    const id = second.body.taskIds[0];
    const unit = { code: 'BTC-CUC-THTK', name: 'Cục Tin học và Thống kê tài chính' };
    expect((await api.request('POST', '/api/v1/agencies/BTC/units', { token: btc, body: unit })).status).toBe(201);
    await api.request('POST', `/api/v1/tasks/${id}/acknowledge`, { token: btc, body: {} });
    const note = 'Cục chủ trì xây dựng phần mềm, báo cáo Bộ trước ngày 15/09/2026';
    expect(
      (await api.request('POST', `/api/v1/tasks/${id}/delegate`, { token: btc, body: { agency: unit.code, due: '2026-09-15', note } }))
        .status,
    ).toBe(200);
    const child = await api.request('GET', `/api/v1/tasks/${id}.c1`, { token: api.token('agency', unit.code) });
    expect(child.body).toMatchObject({ text, delegationNote: note, delegatedBy: 'BTC' });
  });
});
