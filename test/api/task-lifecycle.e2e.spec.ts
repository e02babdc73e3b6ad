import { ApiHarness } from '../support/api-harness';
import { registerNotice } from '../support/notice-requests';

/** A task's whole life over real HTTP, with the events checked in the SQLite log. */
describe('task lifecycle over HTTP', () => {
  // The clock starts on 1 March 2026 (before the deadlines) and runs forward.
  const api = new ApiHarness({ CLOCK_START: '2026-03-01T02:00:00Z' });
  const vpcp = api.token('vpcp', undefined, 'chuyenvien.vpcp');
  const btc = api.token('agency', 'BTC', 'dau-moi.btc');
  let taskId: string;

  beforeAll(() => api.start());
  afterAll(() => api.dispose());

  it('registers a notice: one task per lead agency, TaskAssigned on each stream', async () => {
    const registered = await registerNotice(
      api,
      vpcp,
      [
        {
          text: 'Hoàn thiện Đề án phát triển dữ liệu số quốc gia, trình Thủ tướng Chính phủ',
          lead: ['BTC', 'BYT'],
          coordinators: ['BCA'],
          deadline: { due: '2026-03-31', phrase: 'trong Quý I năm 2026', kind: 'quarter' },
          key: true,
        },
      ],
      { title: 'Kết luận của Thủ tướng Chính phủ tại phiên họp Ủy ban Quốc gia về chuyển đổi số', leader: 'Thủ tướng Chính phủ' },
    );
    expect(registered).toEqual({ noticeId: '2026-45-tb-vpcp', taskIds: ['2026-45-tb-vpcp.1.btc', '2026-45-tb-vpcp.1.byt'] });
    taskId = registered.taskIds[0];
    const types = (await api.allEvents()).map((e) => `${e.stream}:${e.type}`);
    expect(types).toEqual([
      'notice-2026-45-tb-vpcp:NoticeRegistered',
      `task-${taskId}:TaskAssigned`,
      'task-2026-45-tb-vpcp.1.byt:TaskAssigned',
    ]);
  });

  it('walks acknowledge → progress → extension → approve → completion → accept', async () => {
    const step = async (method: string, path: string, token: string, body: unknown, state: string, revision: number) => {
      const res = await api.request(method, `/api/v1/tasks/${taskId}${path}`, { token, body });
      expect({ path, status: res.status, body: res.body }).toEqual({ path, status: 200, body: { taskId, revision, state } });
      expect(res.headers.get('etag')).toBe(`"${revision}"`);
    };
    // path, caller, body, then the answer's state and revision (approving writes two events: 4 and 5).
    const steps: [string, string, object, string, number][] = [
      ['/acknowledge', btc, {}, 'acknowledged', 1],
      ['/progress', btc, { note: 'Đã xây dựng dự thảo Đề án', percent: 40, documentRef: '120/BTC-TH' }, 'in_progress', 2],
      ['/extension-requests', btc, { proposedDue: '2026-06-30', reason: 'Chờ ý kiến thẩm định của các Bộ' }, 'in_progress', 3],
      ['/extension-requests/current/approve', vpcp, {}, 'in_progress', 5],
      ['/completion', btc, { result: 'Đã trình Thủ tướng Chính phủ Đề án', documentRef: '456/TTr-BTC' }, 'completion_reported', 6],
      ['/completion/accept', vpcp, {}, 'completed', 7],
    ];
    for (const [path, token, body, state, revision] of steps) await step('POST', path, token, body, state, revision);

    const task = await api.request('GET', `/api/v1/tasks/${taskId}`, { token: btc });
    expect(task.headers.get('etag')).toBe('"7"');
    expect(task.body).toMatchObject({
      state: 'completed',
      lead: 'BTC',
      coordinators: ['BCA'],
      deadline: { due: '2026-06-30', kind: 'date' },
      originalDeadline: { due: '2026-03-31', kind: 'quarter', phrase: 'trong Quý I năm 2026' },
      completed: { onTime: true },
    });
  });

  it('history lists every transition with its actor and time', async () => {
    const res = await api.request('GET', `/api/v1/tasks/${taskId}/history`, { token: vpcp });
    expect(res.status).toBe(200);
    const rows = res.body.events.map((e: any) => `${e.type} by ${e.actor.id}`);
    expect(rows).toEqual([
      'TaskAssigned by chuyenvien.vpcp',
      'TaskAcknowledged by dau-moi.btc',
      'ProgressReported by dau-moi.btc',
      'ExtensionRequested by dau-moi.btc',
      'ExtensionApproved by chuyenvien.vpcp',
      'DeadlineChanged by chuyenvien.vpcp',
      'CompletionReported by dau-moi.btc',
      'TaskCompleted by chuyenvien.vpcp',
    ]);
    for (const e of res.body.events) expect(new Date(e.occurredAt).toString()).not.toBe('Invalid Date');
  });

  it('a command not allowed in the state is a 409 that names the state, and appends nothing', async () => {
    const before = (await api.allEvents()).length;
    const res = await api.request('POST', `/api/v1/tasks/${taskId}/acknowledge`, { token: btc, body: {} });
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({ type: '/problems/command-refused', state: 'completed', currentRevision: 7 });
    expect(res.body.title).toMatch(/trạng thái/);
    expect(res.body).toMatchObject({
      command: 'AcknowledgeTask',
      detail: 'Không thể tiếp nhận nhiệm vụ vì nhiệm vụ đã kết thúc (trạng thái “Đã hoàn thành”)',
    });
    expect(await api.allEvents()).toHaveLength(before);
  });

  it('a declined task is reassigned by VPCP; the new lead acts, the old one no longer sees it', async () => {
    const byt = api.token('agency', 'BYT');
    const bxd = api.token('agency', 'BXD');
    const other = '2026-45-tb-vpcp.1.byt';
    expect(
      (await api.request('POST', `/api/v1/tasks/${other}/decline`, { token: byt, body: { reason: 'Không thuộc chức năng của Bộ Y tế' } }))
        .body.state,
    ).toBe('reassignment_requested');
    expect(
      (
        await api.request('POST', `/api/v1/tasks/${other}/reassign`, {
          token: vpcp,
          body: { agency: 'BXD', reason: 'Giao Bộ Xây dựng chủ trì' },
        })
      ).body.state,
    ).toBe('assigned');
    expect((await api.request('POST', `/api/v1/tasks/${other}/acknowledge`, { token: byt, body: {} })).status).toBe(404);
    expect((await api.request('POST', `/api/v1/tasks/${other}/acknowledge`, { token: bxd, body: {} })).body.state).toBe('acknowledged');
    const unknown = await api.request('POST', `/api/v1/tasks/${other}/reassign`, {
      token: vpcp,
      body: { agency: 'KHONG-CO', reason: 'x' },
    });
    expect(unknown.status).toBe(400);
  });
});
