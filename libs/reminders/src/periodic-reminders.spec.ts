import { TaskCommand, TaskEvent } from '@tdnv/domain';
import { assignedMonthly, command, TASK_ID } from '@tdnv/testing';
import { ladderOf } from './reminder-ladder';
import { at, ctx, Log, recorded, run, stamp, system, taskDecider as duty } from './reminder-log.testing';
import { foldReminderView } from './reminder-view';
import { decideFired, nextStep, stillWanted } from './reminder.decider';

/** Issue 11: each period of a periodic duty has its own reminders and overdue transition; a missed period is escalated once. */
const view = (log: Log) => foldReminderView(log)!;
const overdue = (now: string, today: string): TaskCommand => system('MarkTaskOverdue', now, {}, today);
const report = (period: string, now: string, today: string): TaskCommand => ({
  ...command('SubmitPeriodicReport', { today, payload: { period } }),
  now,
});

/** "Hằng tháng, trước ngày 05" from 05/03/2026 (a Thursday), assigned 12/02, acknowledged, its assignment email and two reminders sent. */
const march: Log = [
  ...stamp([assignedMonthly()], '2026-02-12T03:00:00.000Z'),
  ...stamp([{ type: 'TaskAcknowledged', data: { taskId: TASK_ID, by: 'BTC' } }], '2026-02-12T04:00:00.000Z'),
];
const reminded = [
  ['assigned-btc', at('2026-02-13')],
  ['before-7', at('2026-02-24')],
  ['before-3', at('2026-03-02')],
].reduce((log, [rung, when]) => recorded(log, 'reminder', rung, '2026-03-05', when), march);

describe('reminders of a periodic duty, one period after another', () => {
  it('given a period reported on time, the next period opens with its own ladder, counted from the report', () => {
    const log = run(reminded, report('2026-03', '2026-03-04T03:00:00.000Z', '2026-03-04'));
    expect(log[log.length - 1]).toMatchObject({
      type: 'PeriodicReportSubmitted',
      data: { onTime: true, next: { period: '2026-04', due: '2026-04-05' } },
    });
    const v = view(log);
    expect(v.deadlineSetAt).toBe('2026-03-04T03:00:00.000Z');
    expect(v.remindersSinceUpdate).toBe(0);
    // 05/04/2026 is a Sunday: the period runs to Monday 06/04, and its ladder counts back from there.
    expect(nextStep(v, ctx('2026-03-04T03:00:00.000Z'))).toMatchObject({
      type: 'schedule',
      rung: { rung: 'before-7', due: '2026-04-05', fireAt: new Date(at('2026-03-26')) },
    });
    expect(ladderOf(v, ctx('2026-03-04T03:00:00.000Z')).find((r) => r.rung === 'overdue')).toMatchObject({
      due: '2026-04-05',
      fireAt: new Date(at('2026-04-07', '00:00')),
    });
    // What was queued for March is no longer wanted.
    expect(stillWanted(v, { rung: 'before-1', due: '2026-03-05' })).toBe(false);
  });

  it('given no report, when the overdue rung fires, then the domain records the period missed and the next one is scheduled', () => {
    const end = at('2026-03-06', '00:00');
    expect(decideFired(view(reminded), { rung: 'overdue', due: '2026-03-05' }, ctx(end))).toEqual({
      type: 'mark-overdue',
      due: '2026-03-05',
    });
    // The rung processor's mark-overdue is MarkTaskOverdue through the domain (libs/tasks markTaskOverdue).
    duty
      .given(reminded.map((e) => e as unknown as TaskEvent))
      .when(overdue(end, '2026-03-06'))
      .then([
        {
          type: 'PeriodicReportMissed',
          data: { taskId: TASK_ID, period: '2026-03', due: '2026-03-05', next: { period: '2026-04', due: '2026-04-05' } },
        },
      ]);
    const missed = view(run(reminded, overdue(end, '2026-03-06')));
    expect(missed.task).toMatchObject({ overdueFor: ['2026-03-05'], deadline: { due: '2026-04-05' } });
    expect(missed.deadlineSetAt).toBe(end);
    expect(nextStep(missed, ctx(end))).toEqual({
      type: 'schedule',
      rung: {
        rung: 'missed',
        kind: 'escalation',
        due: '2026-03-05',
        fireAt: new Date(at('2026-03-06')),
        to: ['focal', 'leader'],
        mandatory: true,
      },
    });
  });

  it('escalates a missed period once, to the first escalation audience, and never weekly', () => {
    const missed = run(reminded, overdue(at('2026-03-06', '00:00'), '2026-03-06'));
    expect(stillWanted(view(missed), { rung: 'missed', due: '2026-03-05' })).toBe(true);
    expect(decideFired(view(missed), { rung: 'missed', due: '2026-03-05' }, ctx(at('2026-03-06')))).toEqual({
      type: 'send',
      sends: [{ kind: 'escalation', rung: 'missed', due: '2026-03-05', to: ['focal', 'leader'] }],
      at: new Date(at('2026-03-06')),
    });
    const escalated = view(recorded(missed, 'escalation', 'missed', '2026-03-05', at('2026-03-06')));
    expect(stillWanted(escalated, { rung: 'missed', due: '2026-03-05' })).toBe(false);
    expect(nextStep(escalated, ctx(at('2026-03-06')))).toMatchObject({ rung: { rung: 'before-7', due: '2026-04-05' } });
    // Months later, March has one rung in the ladder, the one that was sent.
    const june = ladderOf(escalated, ctx('2026-06-30T03:00:00Z'));
    expect(june.filter((r) => r.due === '2026-03-05').map((r) => r.rung)).toEqual(['missed']);
  });

  it('given a missed period reported late before its escalation went out, the escalation is withdrawn', () => {
    const missed = run(reminded, overdue(at('2026-03-06', '00:00'), '2026-03-06'));
    const late = run(missed, report('2026-03', at('2026-03-06', '07:00'), '2026-03-06'));
    expect(late[late.length - 1]).toMatchObject({ type: 'PeriodicReportSubmitted', data: { period: '2026-03', onTime: false } });
    const v = view(late);
    expect(v.deadlineSetAt).toBe(at('2026-03-06', '00:00')); // a late report of an old period moves no deadline
    expect(stillWanted(v, { rung: 'missed', due: '2026-03-05' })).toBe(false);
    expect(decideFired(v, { rung: 'missed', due: '2026-03-05' }, ctx(at('2026-03-06')))).toMatchObject({
      type: 'ignore',
      reason: 'stale: the next step is before-7 for 2026-04-05',
    });
  });

  it('given a miss recorded late (the worker was down), its escalation goes at the next slot and later rungs cannot skip it', () => {
    const missed = view(run(reminded, overdue('2026-03-09T03:00:00.000Z', '2026-03-09')));
    expect(nextStep(missed, ctx('2026-03-09T03:00:00.000Z'))).toMatchObject({
      rung: { rung: 'missed', fireAt: new Date(at('2026-03-10')) },
    });
    // Down until after April's first reminder: the missed period is still escalated first.
    expect(nextStep(missed, ctx(at('2026-03-27')))).toMatchObject({ rung: { rung: 'missed', due: '2026-03-05' } });
  });
});
