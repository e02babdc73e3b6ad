import { createEventStore } from '@tdnv/event-store';
import { ApiHarness } from '../support/api-harness';

describe('GET /api/v1/tasks/:id/reminders and reminder metrics', () => {
  const api = new ApiHarness({ CLOCK_START: '2026-03-23T03:00:00Z' });
  beforeAll(() => api.start());
  afterAll(() => api.dispose());

  it('lists what was sent and what is scheduled, with the visibility of the task', async () => {
    const vpcp = api.token('vpcp');
    const created = await api.request('POST', '/api/v1/notices', {
      token: vpcp,
      body: {
        number: '45/TB-VPCP',
        issuedAt: '2026-03-20',
        title: 'Kết luận của Thủ tướng Chính phủ về chuyển đổi số',
        directives: [
          {
            text: 'Hoàn thiện Đề án dữ liệu số',
            lead: ['BTC'],
            coordinators: [],
            deadline: { due: '2026-03-31', phrase: 'trước ngày 31/3/2026', kind: 'date' },
          },
        ],
      },
    });
    expect(created.status).toBe(201);
    const [taskId] = created.body.taskIds as string[];
    const store = createEventStore({ dataDir: api.dataDir });
    const { revision } = await store.readStream(`task-${taskId}`);
    await store.appendToStream({
      stream: `task-${taskId}`,
      expected: revision,
      events: [
        {
          type: 'ReminderSent',
          data: { taskId, key: `${taskId}|assigned-btc|2026-03-31`, rung: 'assigned-btc', due: '2026-03-31', to: ['dau-moi@btc.gov.vn'] },
          metadata: { occurredAt: '2026-03-24T01:00:02.000Z', actor: { id: 'scheduler', role: 'system' } },
        },
      ],
    });
    await store.close();

    const answer = await api.request('GET', `/api/v1/tasks/${taskId}/reminders`, { token: api.token('agency', 'BTC') });
    expect(answer.status).toBe(200);
    expect(answer.body.sent).toEqual([
      { kind: 'reminder', rung: 'assigned-btc', due: '2026-03-31', sentAt: '2026-03-24T01:00:02.000Z', to: ['dau-moi@btc.gov.vn'] },
    ]);
    expect(answer.body.scheduled.slice(0, 4)).toEqual([
      { kind: 'reminder', rung: 'before-3', due: '2026-03-31', fireAt: '2026-03-26T01:00:00.000Z' },
      { kind: 'reminder', rung: 'before-1', due: '2026-03-31', fireAt: '2026-03-30T01:00:00.000Z' },
      { kind: 'reminder', rung: 'due-day', due: '2026-03-31', fireAt: '2026-03-31T01:00:00.000Z' },
      { kind: 'overdue', rung: 'overdue', due: '2026-03-31', fireAt: '2026-03-31T17:00:00.000Z' },
    ]);
    expect((await api.request('GET', `/api/v1/tasks/${taskId}/reminders`, { token: api.token('agency', 'BCA') })).status).toBe(404);
    expect((await api.request('GET', '/api/v1/tasks/khong-co/reminders', { token: vpcp })).status).toBe(404);
  });

  it('/metrics shows queue depths, reminders and escalations sent, and send failures', async () => {
    const metrics = await api.request('GET', '/metrics');
    expect(metrics.status).toBe(200);
    for (const name of [
      'tdnv_reminder_queue_jobs{',
      'tdnv_reminders_sent_total',
      'tdnv_escalations_sent_total',
      'tdnv_notification_send_failures_total',
    ])
      expect(metrics.body).toContain(name);
    expect(metrics.body).toMatch(/tdnv_reminder_queue_jobs\{queue="notifications",state="failed",app="theo-doi-nhiem-vu"\} \d+/);
  });
});
