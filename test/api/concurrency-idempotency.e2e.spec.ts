import { ApiHarness } from '../support/api-harness';

/** Invariants 2 and 3: one winner per revision; a retried Idempotency-Key appends nothing, even after a restart. */
describe('concurrency and idempotency', () => {
  const api = new ApiHarness();
  const vpcp = api.token('vpcp');
  const btc = api.token('agency', 'BTC');
  const taskId = '2026-12-tb-vpcp.1.btc';

  beforeAll(async () => {
    await api.start();
    const res = await api.request('POST', '/api/v1/notices', {
      token: vpcp,
      body: {
        number: '12/TB-VPCP',
        issuedAt: '2026-03-02',
        title: 'Kết luận',
        directives: [{ text: 'Nhiệm vụ', lead: ['BTC'], deadline: { due: '2026-06-30' } }],
      },
    });
    expect(res.status).toBe(201);
    await api.request('POST', `/api/v1/tasks/${taskId}/acknowledge`, { token: btc, body: {} });
  });
  afterAll(() => api.dispose());

  it('two concurrent commands with the same If-Match: exactly one 409, with the current state', async () => {
    const send = (note: string) =>
      api.request('POST', `/api/v1/tasks/${taskId}/progress`, { token: btc, body: { note }, headers: { 'if-match': '"1"' } });
    const answers = await Promise.all([send('Báo cáo A'), send('Báo cáo B')]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const conflict = answers.find((a) => a.status === 409)!;
    expect(conflict.body).toMatchObject({
      type: '/problems/concurrency-conflict',
      currentRevision: 2,
      current: { taskId, revision: 2, state: 'in_progress' },
    });
    const progress = (await api.allEvents()).filter((e) => e.type === 'ProgressReported');
    expect(progress).toHaveLength(1);
  });

  it('a stale If-Match is refused before anything is decided', async () => {
    const res = await api.request('POST', `/api/v1/tasks/${taskId}/progress`, {
      token: btc,
      body: { note: 'cũ' },
      headers: { 'if-match': '0' },
    });
    expect(res.status).toBe(409);
  });

  it('a retried Idempotency-Key returns the first answer and appends one event, also after a restart', async () => {
    const send = () =>
      api.request('POST', `/api/v1/tasks/${taskId}/progress`, {
        token: btc,
        body: { note: 'Đã xong 60%', percent: 60 },
        headers: { 'idempotency-key': 'req-42' },
      });
    const first = await send();
    const second = await send();
    expect(first.status).toBe(200);
    expect(second.body).toEqual(first.body);
    await api.stop();
    await api.start();
    const third = await send();
    expect(third.body).toEqual(first.body);
    const withKey = (await api.allEvents()).filter((e) => e.metadata.commandId === 'req-42');
    expect(withKey).toHaveLength(1);
    const reused = await api.request('POST', `/api/v1/tasks/${taskId}/progress`, {
      token: btc,
      body: { note: 'khác' },
      headers: { 'idempotency-key': 'req-42' },
    });
    expect(reused.status).toBe(422);
  });

  it('registering the same notice number twice is refused; with the same Idempotency-Key it replays', async () => {
    const body = { number: '13/TB-VPCP', issuedAt: '2026-03-05', title: 'Kết luận', directives: [{ text: 'Nhiệm vụ', lead: ['BTC'] }] };
    const first = await api.request('POST', '/api/v1/notices', { token: vpcp, body, headers: { 'idempotency-key': 'import-13' } });
    const replay = await api.request('POST', '/api/v1/notices', { token: vpcp, body, headers: { 'idempotency-key': 'import-13' } });
    expect(first.status).toBe(201);
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(first.body);
    const again = await api.request('POST', '/api/v1/notices', { token: vpcp, body });
    expect(again.status).toBe(409);
    expect((await api.allEvents()).filter((e) => e.type === 'NoticeRegistered' && (e.data as any).number === '13/TB-VPCP')).toHaveLength(1);
  });
});
