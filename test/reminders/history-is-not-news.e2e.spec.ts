import { eventually, monthlyDeadline } from '@tdnv/testing';
import { agencyContacts, ReminderWorld } from './reminder-test-kit';

/**
 * Issue 11, "History is not news" (real worker, Redis and SMTP): tasks registered on 03/12/2026
 * with deadlines long past get one overdue notice at the first send slot, and their ladder counts
 * from there; a task registered as historical gets nothing.
 */
const OLD = '2020-12-tb-vpcp.1.btc';
const HISTORICAL = '2020-12-tb-vpcp.2.bca';
const PERIODIC = '2020-12-tb-vpcp.3.byt';
/** Friday 04/12/2026, 08:00 in Hà Nội: the first send slot after the registration. */
const FIRST_SLOT = new Date('2026-12-04T01:00:00Z');

describe('history is not news, end to end', () => {
  let world: ReminderWorld;
  afterEach(() => world.dispose());

  const pending = (taskId: string, id: string | null) =>
    eventually(async () => (await world.pendingJob(taskId)) === id, `${taskId}: pending ${id}`, { intervalMs: 0 });

  it('registered in 2026 with 2020 deadlines: one overdue notice each, none when historical, no weekly series from 2020', async () => {
    world = new ReminderWorld();
    for (const code of ['BTC', 'BCA', 'BYT']) await world.setContacts(code, agencyContacts(code));
    world.setNow('2026-12-03T03:00:00Z'); // Thursday 10:00
    await world.start();
    await world.assign(OLD, '2020-06-30', 'BTC', 'Tổng kết việc thực hiện năm 2020');
    await world.assign(HISTORICAL, '2020-06-30', 'BCA', 'Báo cáo kết quả năm 2020', { historical: true });
    await world.assign(PERIODIC, monthlyDeadline('2026-09-10'), 'BYT', 'Hằng tháng, trước ngày 10, báo cáo tình hình dịch bệnh');

    // The overdue transitions are states and are recorded at once; the periodic duty catches up to its current period.
    const [overdue] = await world.eventsAppear(OLD, 1, 'TaskBecameOverdue');
    expect(overdue.data).toMatchObject({ due: '2020-06-30' });
    const missed = await world.eventsAppear(PERIODIC, 3, 'PeriodicReportMissed');
    expect(missed.map((e) => (e.data as { period: string }).period)).toEqual(['2026-09', '2026-10', '2026-11']);
    await pending(OLD, `rem__${OLD}__assigned-btc__2020-06-30`);
    await pending(PERIODIC, `rem__${PERIODIC}__assigned-byt__2026-12-10`);
    await pending(HISTORICAL, null);

    world.setNow(FIRST_SLOT.getTime() - 1_000);
    await world.workers[0].scheduler.replan([OLD, HISTORICAL, PERIODIC]);
    const mails = await world.sink.received(4);
    await world.eventsAppear(OLD, 2, 'ReminderSent', 'EscalationSent');
    await world.eventsAppear(PERIODIC, 2, 'ReminderSent', 'EscalationSent');
    // Next: the ladder counted from registration (4 working days after the first slot), not weekly-3xx since 2020.
    await pending(OLD, `rem__${OLD}__overdue-5__2020-06-30`);
    expect((await world.ladder(OLD)).find((r) => r.rung === 'overdue-5')!.fireAt).toEqual(new Date('2026-12-10T01:00:00Z'));
    await pending(PERIODIC, `rem__${PERIODIC}__before-3__2026-12-10`);

    const subjects = (address: string) => mails.filter((m) => m.to.includes(address)).map((m) => m.subject);
    expect(subjects('lanh-dao@btc.gov.vn')).toEqual([
      expect.stringMatching(/^\[Cảnh báo quá hạn\] 45\/TB-VPCP: Thời hạn: 30\/06\/2020\. Đã quá hạn \d+ ngày làm việc$/),
    ]);
    expect(subjects('dau-moi@btc.gov.vn')).toHaveLength(2); // the assignment email, and the escalation to focal point and leader
    expect(subjects('lanh-dao@byt.gov.vn')).toEqual([
      '[Cảnh báo chưa báo cáo định kỳ] 45/TB-VPCP: Chưa nhận được báo cáo định kỳ kỳ 11/2026 (hạn 10/11/2026)',
    ]);
    expect(subjects('dau-moi@bca.gov.vn')).toEqual([]);
    expect((await world.events(HISTORICAL, 'ReminderSent', 'EscalationSent')).length).toBe(0);
    expect(world.sink.mails).toHaveLength(4);
  });
});
