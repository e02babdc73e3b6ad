import { agencyContacts, ReminderWorld } from './reminder-test-kit';

const T = '2026-45-tb-vpcp.1.btc';
const DUE = '2026-03-31';
const BTC = agencyContacts('BTC');
const VPCP = { focal: [], leader: [], trackingOfficers: ['chuyen-vien@chinhphu.vn'], departmentHead: ['vu-truong@chinhphu.vn'] };

describe('reminder ladder end to end (real Redis, real SMTP, a clock the test moves)', () => {
  let world: ReminderWorld;
  beforeEach(async () => {
    world = new ReminderWorld();
    await world.setContacts('BTC', BTC);
    await world.setContacts('VPCP', VPCP);
  });
  afterEach(() => world.dispose());

  const waitPending = async (rung: string) => {
    for (const t = Date.now(); Date.now() - t < 15_000 && (await world.pendingJob(T)) !== `rem__${T}__${rung}__${DUE}`;)
      await new Promise((r) => setImmediate(r));
    expect(await world.pendingJob(T)).toBe(`rem__${T}__${rung}__${DUE}`);
  };
  const fire = async (rung: string, mails: number, recorded: number) => {
    await waitPending(rung);
    await world.approach(T, rung);
    await world.sink.received(mails);
    await world.eventsAppear(T, recorded, 'ReminderSent', 'EscalationSent');
  };

  it('assignment, 7/3/1 days before, due day, overdue at the end of the day, escalations 1/5/10 days, weekly; in order, each once', async () => {
    world.setNow('2026-03-19T03:00:00Z'); // Thursday 10:00 in Hà Nội
    await world.start();
    await world.assign(T, DUE);
    // The assignment email and the 7-day reminder share Friday's 08:00 slot: one after the other.
    await fire('assigned-btc', 2, 2);
    await fire('before-3', 3, 3);
    // The third reminder without any update from the agency also tells its leader.
    await fire('before-1', 5, 5);
    await fire('due-day', 6, 6);
    await waitPending('overdue');
    await world.approach(T, 'overdue');
    await world.eventsAppear(T, 1, 'TaskBecameOverdue');
    await fire('overdue-1', 7, 7);
    await fire('overdue-5', 8, 8);
    await fire('overdue-10', 9, 9);
    await fire('weekly-1', 10, 10);

    const mails = world.sink.mails;
    expect(mails.map((m) => m.to.join(' '))).toEqual([
      'dau-moi@btc.gov.vn',
      'dau-moi@btc.gov.vn',
      'dau-moi@btc.gov.vn',
      'dau-moi@btc.gov.vn',
      'lanh-dao@btc.gov.vn',
      'dau-moi@btc.gov.vn',
      'dau-moi@btc.gov.vn lanh-dao@btc.gov.vn',
      'chuyen-vien@chinhphu.vn lanh-dao@btc.gov.vn',
      'chuyen-vien@chinhphu.vn lanh-dao@btc.gov.vn vu-truong@chinhphu.vn',
      'chuyen-vien@chinhphu.vn lanh-dao@btc.gov.vn vu-truong@chinhphu.vn',
    ]);
    expect(mails[0].subject).toBe('[Giao nhiệm vụ] 45/TB-VPCP: Thời hạn: 31/03/2026. Còn 11 ngày');
    expect(mails[2].subject).toBe('[Đôn đốc thực hiện nhiệm vụ] 45/TB-VPCP: Thời hạn: 31/03/2026. Còn 5 ngày');
    expect(mails[5].subject).toContain('Hôm nay là ngày cuối cùng của thời hạn');
    expect(mails[7].subject).toBe('[Cảnh báo quá hạn] 45/TB-VPCP: Thời hạn: 31/03/2026. Đã quá hạn 5 ngày làm việc');
    expect(mails[2].raw).toContain(`https://theodoi.example.gov.vn/tasks/${T}`);
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(10);

    const log = await world.events(T, 'ReminderSent', 'EscalationSent', 'TaskBecameOverdue');
    expect(log.map((e) => `${e.type} ${(e.data as { rung?: string }).rung ?? ''}`.trim())).toEqual([
      'ReminderSent assigned-btc',
      'ReminderSent before-7',
      'ReminderSent before-3',
      'ReminderSent before-1',
      'EscalationSent unanswered',
      'ReminderSent due-day',
      'TaskBecameOverdue',
      'EscalationSent overdue-1',
      'EscalationSent overdue-5',
      'EscalationSent overdue-10',
      'EscalationSent weekly-1',
    ]);
    await waitPending('weekly-2');
  }, 60_000);
});
