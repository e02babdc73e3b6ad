import { TaskEvent } from '@tdnv/domain';
import { assigned, assignedMonthly } from '@tdnv/testing';
import { ladderOf } from './reminder-ladder';
import { amended, at, ctx, recorded, run, stamp, system } from './reminder-log.testing';
import { foldReminderView } from './reminder-view';
import { decideFired, nextStep, stillWanted } from './reminder.decider';

/** Issue 11: a task registered with a deadline already past gets one overdue notice at most, none when historical. */
const withData = (event: TaskEvent, data: object): TaskEvent => ({ ...event, data: { ...event.data, ...data } }) as TaskEvent;

/** Registered on Thursday 03/12/2026 at 10:00 in Hà Nội, from a notice whose deadline was 30/06/2020. */
const REGISTERED = '2026-12-03T03:00:00.000Z';
const FIRST_SLOT = at('2026-12-04');
const old = (extra: object = {}) => stamp([withData(assigned('2020-06-30'), extra)], REGISTERED);

describe('history is not news', () => {
  it('given a deadline past when registered: the overdue transition, then one escalation at the first slot, the ladder counted from there', () => {
    const log = old();
    expect(nextStep(foldReminderView(log), ctx(REGISTERED))).toMatchObject({ rung: { rung: 'overdue', due: '2020-06-30' } });
    const overdue = run(log, system('MarkTaskOverdue', REGISTERED));
    expect(overdue[1]).toMatchObject({ type: 'TaskBecameOverdue', data: { due: '2020-06-30' } });
    const ladder = ladderOf(foldReminderView(overdue)!, ctx(REGISTERED));
    expect(ladder.map((r) => `${r.rung} ${r.fireAt.toISOString()}`)).toEqual([
      `overdue ${at('2020-07-01', '00:00')}`,
      `assigned-btc ${FIRST_SLOT}`,
      `overdue-1 ${FIRST_SLOT}`,
      `overdue-5 ${at('2026-12-10')}`,
      `overdue-10 ${at('2026-12-17')}`,
      `weekly-1 ${at('2026-12-24')}`,
    ]);
    // At the first slot: the assignment email, then one escalation; the next one is days away.
    const assignedSent = recorded(overdue, 'reminder', 'assigned-btc', '2020-06-30', FIRST_SLOT);
    expect(decideFired(foldReminderView(assignedSent), { rung: 'overdue-1', due: '2020-06-30' }, ctx(FIRST_SLOT))).toMatchObject({
      type: 'send',
      sends: [{ rung: 'overdue-1', to: ['focal', 'leader'] }],
    });
    const escalated = recorded(assignedSent, 'escalation', 'overdue-1', '2020-06-30', FIRST_SLOT);
    expect(nextStep(foldReminderView(escalated), ctx(FIRST_SLOT))).toMatchObject({
      rung: { rung: 'overdue-5', fireAt: new Date(at('2026-12-10')) },
    });
  });

  it('given a worker that starts a week late, still one escalation, not the weeks since 2020', () => {
    const overdue = run(old(), system('MarkTaskOverdue', REGISTERED));
    const steps = ladderOf(foldReminderView(overdue)!, ctx('2026-12-11T03:00:00Z')).map((r) => r.rung);
    expect(steps.some((r) => /^weekly-\d{2,}/.test(r))).toBe(false);
    expect(nextStep(foldReminderView(overdue), ctx('2026-12-11T03:00:00Z'))).toMatchObject({ rung: { rung: 'assigned-btc' } });
  });

  it('given a deadline amended into the past, its escalations count from the amendment', () => {
    const log = [
      ...stamp([assigned('2026-12-31')], REGISTERED),
      ...amended('2026-12-31', '2026-11-30', 'Theo chỉ đạo', at('2026-12-07', '15:00')),
    ];
    const overdue = run(log, system('MarkTaskOverdue', at('2026-12-07', '15:00')));
    expect(
      ladderOf(foldReminderView(overdue)!, ctx(at('2026-12-07', '15:00')))
        .find((r) => r.rung === 'overdue-1')!
        .fireAt.toISOString(),
    ).toBe(at('2026-12-08'));
  });

  it('given a task registered as historical, nothing is scheduled or sent, though it may still become overdue', () => {
    const log = old({ historical: true });
    expect(nextStep(foldReminderView(log), ctx(REGISTERED))).toEqual({ type: 'ignore', reason: 'registered as historical' });
    expect(stillWanted(foldReminderView(log), { rung: 'assigned-btc', due: '2020-06-30' })).toBe(false);
    const overdue = run(log, system('MarkTaskOverdue', REGISTERED)); // a state, recorded by the overdue sweep
    expect(nextStep(foldReminderView(overdue), ctx(FIRST_SLOT))).toEqual({ type: 'ignore', reason: 'registered as historical' });
  });

  it('given a historical task that VPCP gives a new deadline, that deadline is news again', () => {
    const changed = [...old({ historical: true }), ...amended('2020-06-30', '2027-01-29', 'Giao lại thời hạn', at('2026-12-07', '10:00'))];
    const view = foldReminderView(changed)!;
    expect(view.historical).toBe(false);
    expect(nextStep(view, ctx(at('2026-12-07', '10:00')))).toMatchObject({ rung: { rung: 'assigned-btc', due: '2027-01-29' } });
  });

  it('given a periodic duty registered with its first periods past, only the latest of them is escalated', () => {
    const registered = '2026-05-20T03:00:00.000Z';
    let log = stamp([assignedMonthly()], registered);
    // The overdue sweep catches up, one period a minute: March, April and May were missed before registration.
    for (const minute of ['01', '02', '03']) log = run(log, system('MarkTaskOverdue', `2026-05-20T03:${minute}:00.000Z`));
    expect(log.map((e) => e.type)).toEqual(['TaskAssigned', 'PeriodicReportMissed', 'PeriodicReportMissed', 'PeriodicReportMissed']);
    const view = foldReminderView(log)!;
    expect(view.task.deadline.due).toBe('2026-06-05');
    const ladder = ladderOf(view, ctx('2026-05-20T03:03:00.000Z'));
    expect(ladder.filter((r) => r.rung === 'missed').map((r) => `${r.due} ${r.fireAt.toISOString()}`)).toEqual([
      `2026-05-05 ${at('2026-05-21')}`,
    ]);
    expect(ladder.filter((r) => r.due === '2026-06-05').map((r) => r.rung)).toEqual(
      expect.arrayContaining(['before-7', 'due-day', 'overdue']),
    );
  });
});
