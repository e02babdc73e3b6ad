import { ApiHarness } from '../support/api-harness';

/** Issue 11 over HTTP: a periodic duty registered, reported period by period, its rule kept. */
describe('periodic duties over HTTP', () => {
  const api = new ApiHarness({ CLOCK_START: '2026-11-20T02:00:00Z' });
  const vpcp = api.token('vpcp');
  const btc = api.token('agency', 'BTC');
  const taskId = '2026-90-tb-vpcp.1.btc';
  const monthly = { freq: 'monthly', day: 5 };

  beforeAll(async () => {
    await api.start();
    const res = await api.request('POST', '/api/v1/notices', {
      token: vpcp,
      body: {
        number: '90/TB-VPCP',
        issuedAt: '2026-11-20',
        title: 'Kết luận của Thủ tướng Chính phủ về giải ngân vốn đầu tư công',
        directives: [
          {
            text: 'Hằng tháng, trước ngày 05, báo cáo Thủ tướng Chính phủ tình hình giải ngân',
            lead: ['BTC'],
            deadline: {
              kind: 'recurring',
              phrase: 'Hằng tháng, trước ngày 05',
              rule: 'monthly, day 5; first occurrence after 2026-11-20',
              recurrence: monthly,
            },
          },
          { text: 'Tổng kết việc thực hiện năm 2020', lead: ['BTC'], deadline: { due: '2020-12-31' } },
        ],
      },
    });
    expect(res.status).toBe(201);
  });
  afterAll(() => api.dispose());

  it('opens the first period after the issue date and keeps the parser rule in TaskAssigned', async () => {
    const task = await api.request('GET', `/api/v1/tasks/${taskId}`, { token: btc });
    expect(task.body.deadline).toMatchObject({
      due: '2026-12-05',
      kind: 'recurring',
      recurrence: monthly,
      rule: 'monthly, day 5; first occurrence after 2026-11-20',
    });
    expect(task.body.occurrences).toEqual([{ period: '2026-12', due: '2026-12-05', effectiveDue: '2026-12-07' }]);
    expect(task.body.effectiveDue).toBe('2026-12-07'); // 05/12/2026 is a Saturday: on time up to Monday 07/12
    expect(task.body.allowedActions).toContain('SubmitPeriodicReport');
    const hand = await api.request('GET', '/api/v1/tasks/2026-90-tb-vpcp.2.btc', { token: btc });
    expect(hand.body.deadline.rule).toBe('nhập tay khi đăng ký thông báo');
  });

  it('a report for the current period closes it on time and opens the next; the same period twice is a 409', async () => {
    const sent = await api.request('POST', `/api/v1/tasks/${taskId}/periodic-reports`, {
      token: btc,
      body: { period: '2026-12', note: 'Giải ngân đạt 61%', documentRef: '512/BC-BTC' },
    });
    expect(sent.status).toBe(200);
    const task = await api.request('GET', `/api/v1/tasks/${taskId}`, { token: btc });
    expect(task.body.deadline.due).toBe('2027-01-05');
    expect(task.body.occurrences.map((o: { period: string; onTime?: boolean }) => [o.period, o.onTime ?? null])).toEqual([
      ['2026-12', true],
      ['2027-01', null],
    ]);
    const again = await api.request('POST', `/api/v1/tasks/${taskId}/periodic-reports`, {
      token: btc,
      body: { period: '2026-12', note: 'Lần nữa' },
    });
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain('Kỳ 2026-12 đã được báo cáo');
  });

  it('refuses a malformed period with a 400 and an unknown one with a 400 naming the current period', async () => {
    const before = (await api.allEvents()).length;
    expect(
      (await api.request('POST', `/api/v1/tasks/${taskId}/periodic-reports`, { token: btc, body: { period: '12/2026', note: 'x' } }))
        .status,
    ).toBe(400);
    const unknown = await api.request('POST', `/api/v1/tasks/${taskId}/periodic-reports`, {
      token: btc,
      body: { period: '2027-06', note: 'x' },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.detail).toContain('kỳ hiện tại: 2027-01');
    expect(await api.allEvents()).toHaveLength(before);
  });

  it('a notice imported as historical marks its tasks so no reminder goes out for them', async () => {
    const res = await api.request('POST', '/api/v1/notices', {
      token: vpcp,
      body: {
        number: '91/TB-VPCP',
        issuedAt: '2020-03-01',
        title: 'Thông báo cũ',
        historical: true,
        directives: [{ text: 'Việc cũ', lead: ['BTC'], deadline: { due: '2020-06-30' } }],
      },
    });
    expect(res.status).toBe(201);
    const assigned = (await api.allEvents()).filter(
      (e) => e.type === 'TaskAssigned' && (e.data as { noticeId: string }).noticeId === '2020-91-tb-vpcp',
    );
    expect(assigned.map((e) => (e.data as { historical?: boolean }).historical)).toEqual([true]);
  });
});
