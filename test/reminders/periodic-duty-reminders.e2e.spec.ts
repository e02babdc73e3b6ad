import { Actor } from '@tdnv/domain';
import { DEFAULT_REMINDER_POLICY } from '@tdnv/reminders';
import { eventually, monthlyDeadline } from '@tdnv/testing';
import { agencyContacts, ReminderWorld } from './reminder-test-kit';

/**
 * Issue 11 end to end (real worker, Redis and SMTP, a clock the test moves): three monthly duties
 * "hằng tháng, trước ngày 05", one reported on time, one late, one missed; each period has its own
 * reminders and its own overdue transition, and a missed period is escalated once.
 */
const ON_TIME = '2026-45-tb-vpcp.1.btc';
const LATE = '2026-45-tb-vpcp.1.bca';
const MISSED = '2026-45-tb-vpcp.1.byt';
const TASKS = [ON_TIME, LATE, MISSED];
const MONTHLY = monthlyDeadline('2026-12-05');
const lead = (taskId: string): Actor => ({ id: `u-${taskId.slice(-3)}`, role: 'agency', agency: taskId.slice(-3).toUpperCase() });
const data = <T>(e: { data: unknown }) => e.data as T;

describe('periodic duties end to end: reminders and overdue transitions per occurrence', () => {
  let world: ReminderWorld;
  afterEach(() => world.dispose());

  const pending = (taskId: string, rung: string, due: string) =>
    eventually(
      async () => (await world.pendingJob(taskId)) === `rem__${taskId}__${rung}__${due}`,
      `${taskId}: pending ${rung} for ${due}`,
      { intervalMs: 0 },
    );
  /** Moves the clock to just before `rung` of `due` and lets every task's pending job re-time to it. */
  const reach = async (rung: string, due: string, tasks: string[]) => {
    for (const t of tasks) await pending(t, rung, due);
    const fireAt = (await world.ladder(tasks[0])).find((r) => r.rung === rung && r.due === due)!.fireAt;
    world.setNow(fireAt.getTime() - 1_000);
    await world.workers[0].scheduler.replan(TASKS);
    return fireAt;
  };
  const report = (taskId: string, period: string) =>
    world.command(taskId, 'SubmitPeriodicReport', { period, note: `Báo cáo kỳ ${period}` }, lead(taskId));
  const mailsTo = (address: string) => world.sink.mails.filter((m) => m.to.includes(address)).map((m) => m.subject);

  it('a monthly duty reported on time, one reported late, one missed', async () => {
    world = new ReminderWorld({ ...DEFAULT_REMINDER_POLICY, digest: false, beforeDue: [3, 0], escalateAfterRemindersWithoutUpdate: 0 });
    for (const code of ['BTC', 'BCA', 'BYT']) await world.setContacts(code, agencyContacts(code));
    world.setNow('2026-11-24T03:00:00Z'); // Tuesday 10:00 in Hà Nội
    await world.start();
    for (const t of TASKS)
      await world.assign(t, MONTHLY, t.slice(-3).toUpperCase(), `Hằng tháng, trước ngày 05, báo cáo tình hình thực hiện (${t.slice(-3)})`);

    // Period 12/2026, due Saturday 05/12, on time up to Monday 07/12: assignment email, 3 working days before, the due day.
    for (const t of TASKS) await reach(`assigned-${t.slice(-3)}`, '2026-12-05', [t]);
    await world.sink.received(3);
    expect(await reach('before-3', '2026-12-05', TASKS)).toEqual(new Date('2026-12-02T01:00:00Z'));
    await world.sink.received(6);
    await world.eventsAppear(ON_TIME, 2, 'ReminderSent'); // a mail is recorded just after it is sent
    world.setNow('2026-12-03T03:00:00Z');
    expect(await report(ON_TIME, '2026-12')).toMatchObject([{ data: { onTime: true, next: { period: '2027-01', due: '2027-01-05' } } }]);
    await pending(ON_TIME, 'before-3', '2027-01-05'); // its next period's own ladder
    await reach('due-day', '2026-12-05', [LATE, MISSED]);
    await world.sink.received(8);
    // The end of Monday 07/12: the period is missed, not the task overdue for good.
    await reach('overdue', '2026-12-05', [LATE, MISSED]);
    for (const t of [LATE, MISSED]) await world.eventsAppear(t, 1, 'PeriodicReportMissed');
    world.setNow('2026-12-08T00:00:00Z'); // 07:00: the late report, before the escalation's 08:00 slot
    expect(await report(LATE, '2026-12')).toMatchObject([{ data: { period: '2026-12', onTime: false } }]);
    await pending(LATE, 'before-3', '2027-01-05');
    await reach('missed', '2026-12-05', [MISSED]);
    await world.sink.received(9);
    await world.eventsAppear(MISSED, 1, 'EscalationSent');
    // The missed period is escalated once: the next step is already the next period's.
    await pending(MISSED, 'before-3', '2027-01-05');

    // Period 01/2027, due Tuesday 05/01/2027 (1/1 is a holiday): its own reminders and transition.
    expect(await reach('before-3', '2027-01-05', TASKS)).toEqual(new Date('2026-12-30T01:00:00Z'));
    await world.sink.received(12);
    await world.eventsAppear(ON_TIME, 3, 'ReminderSent');
    world.setNow('2027-01-04T03:00:00Z');
    await report(ON_TIME, '2027-01');
    await reach('due-day', '2027-01-05', [LATE, MISSED]);
    await world.sink.received(14);
    await reach('overdue', '2027-01-05', [LATE, MISSED]);
    for (const t of [LATE, MISSED]) await world.eventsAppear(t, 2, 'PeriodicReportMissed');
    await reach('missed', '2027-01-05', [LATE, MISSED]);
    await world.sink.received(16);
    for (const t of [LATE, MISSED]) await pending(t, 'before-3', '2027-02-05');

    expect(mailsTo('dau-moi@btc.gov.vn')).toEqual([
      '[Giao nhiệm vụ] 45/TB-VPCP: Báo cáo định kỳ kỳ 12/2026. Thời hạn: 05/12/2026 (ngày nghỉ, được tính đến hết ngày 07/12/2026). Còn 12 ngày',
      '[Đôn đốc thực hiện nhiệm vụ] 45/TB-VPCP: Báo cáo định kỳ kỳ 12/2026. Thời hạn: 05/12/2026 (ngày nghỉ, được tính đến hết ngày 07/12/2026). Còn 5 ngày',
      '[Đôn đốc thực hiện nhiệm vụ] 45/TB-VPCP: Báo cáo định kỳ kỳ 01/2027. Thời hạn: 05/01/2027. Còn 6 ngày',
    ]);
    expect(mailsTo('lanh-dao@bca.gov.vn')).toEqual([
      '[Cảnh báo chưa báo cáo định kỳ] 45/TB-VPCP: Chưa nhận được báo cáo định kỳ kỳ 01/2027 (hạn 05/01/2027)',
    ]);
    expect(mailsTo('lanh-dao@byt.gov.vn')).toEqual([
      '[Cảnh báo chưa báo cáo định kỳ] 45/TB-VPCP: Chưa nhận được báo cáo định kỳ kỳ 12/2026 (hạn 05/12/2026)',
      '[Cảnh báo chưa báo cáo định kỳ] 45/TB-VPCP: Chưa nhận được báo cáo định kỳ kỳ 01/2027 (hạn 05/01/2027)',
    ]);
    expect(world.sink.mails.filter((m) => m.to.includes('dau-moi@byt.gov.vn')).map((m) => m.to)).toContainEqual([
      'dau-moi@byt.gov.vn',
      'lanh-dao@byt.gov.vn',
    ]);
    expect(new Set(world.sink.mails.map((m) => m.messageId)).size).toBe(16);

    const story = async (t: string) =>
      (await world.events(t, 'PeriodicReportSubmitted', 'PeriodicReportMissed', 'TaskBecameOverdue', 'ReminderSent', 'EscalationSent')).map(
        (e) => {
          const d = data<{ rung?: string; period?: string; due: string; onTime?: boolean }>(e);
          return `${e.type} ${d.rung ?? d.period} ${d.due}${d.onTime === undefined ? '' : d.onTime ? ' on time' : ' late'}`;
        },
      );
    expect(await story(ON_TIME)).toEqual([
      'ReminderSent assigned-btc 2026-12-05',
      'ReminderSent before-3 2026-12-05',
      'PeriodicReportSubmitted 2026-12 2026-12-05 on time',
      'ReminderSent before-3 2027-01-05',
      'PeriodicReportSubmitted 2027-01 2027-01-05 on time',
    ]);
    expect(await story(LATE)).toEqual([
      'ReminderSent assigned-bca 2026-12-05',
      'ReminderSent before-3 2026-12-05',
      'ReminderSent due-day 2026-12-05',
      'PeriodicReportMissed 2026-12 2026-12-05',
      'PeriodicReportSubmitted 2026-12 2026-12-05 late',
      'ReminderSent before-3 2027-01-05',
      'ReminderSent due-day 2027-01-05',
      'PeriodicReportMissed 2027-01 2027-01-05',
      'EscalationSent missed 2027-01-05',
    ]);
    expect(await story(MISSED)).toEqual([
      'ReminderSent assigned-byt 2026-12-05',
      'ReminderSent before-3 2026-12-05',
      'ReminderSent due-day 2026-12-05',
      'PeriodicReportMissed 2026-12 2026-12-05',
      'EscalationSent missed 2026-12-05',
      'ReminderSent before-3 2027-01-05',
      'ReminderSent due-day 2027-01-05',
      'PeriodicReportMissed 2027-01 2027-01-05',
      'EscalationSent missed 2027-01-05',
    ]);
  });
});
