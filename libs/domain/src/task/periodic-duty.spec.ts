import { CommandRefusedError, InvalidCommandError } from '../domain.errors';
import { TaskCommand } from './task.commands';
import { currentOccurrence, decideTask } from './task.decide';
import { TaskEvent } from './task.events';
import { evolveTask } from './task.evolve';
import { Task, TaskState } from './task.state';
import { assignedMonthly, command, deciderSpec, SYSTEM, TASK_ID } from '@tdnv/testing';

/** Issue 11: a periodic duty is a series of occurrences, each reported, late or missed, never overdue for good. */
const sundayRolls = { effectiveDue: (due: string) => (due === '2026-04-05' ? '2026-04-06' : due) };
const duty = deciderSpec<TaskState, TaskCommand, TaskEvent>({
  decide: (c, s) => decideTask(c, s, sundayRolls),
  evolve: evolveTask,
  initial: undefined,
});
const ack: TaskEvent = { type: 'TaskAcknowledged', data: { taskId: TASK_ID, by: 'BTC' } };
const report = (period: string, today: string) =>
  command('SubmitPeriodicReport', { today, payload: { period, note: `Báo cáo kỳ ${period}` } });
const overdue = (today: string) => command('MarkTaskOverdue', { actor: SYSTEM, today });

describe('a monthly duty, "hằng tháng, trước ngày 05"', () => {
  it('opens its first period on assignment', () => {
    const task = evolveTask(undefined, assignedMonthly()) as Task;
    expect(task.occurrences).toEqual([{ period: '2026-03', due: '2026-03-05' }]);
    expect(currentOccurrence(task)?.period).toBe('2026-03');
  });

  it('reported on time: the period closes on time and the next one opens with its own due date', () => {
    const step = duty.given([assignedMonthly(), ack]).when(report('2026-03', '2026-03-04'));
    step.then([
      {
        type: 'PeriodicReportSubmitted',
        data: {
          taskId: TASK_ID,
          by: 'BTC',
          period: '2026-03',
          due: '2026-03-05',
          note: 'Báo cáo kỳ 2026-03',
          documentRef: undefined,
          reportedAt: '2026-03-04T03:00:00.000Z',
          reportedOn: '2026-03-04',
          onTime: true,
          next: { period: '2026-04', due: '2026-04-05' },
        },
      },
    ]);
    const after = step.after() as Task;
    expect(after.deadline.due).toBe('2026-04-05');
    expect(after.status).toBe('in_progress');
    expect(after.occurrences?.map((o) => [o.period, o.onTime ?? null])).toEqual([
      ['2026-03', true],
      ['2026-04', null],
    ]);
  });

  it('on time is judged by the effective due date: 05/04/2026 is a Sunday, a report on Monday 06/04 is on time', () => {
    const history = [assignedMonthly(), ack, ...duty.given([assignedMonthly(), ack]).when(report('2026-03', '2026-03-04')).events()];
    const [event] = duty.given(history).when(report('2026-04', '2026-04-06')).events();
    expect(event).toMatchObject({ type: 'PeriodicReportSubmitted', data: { period: '2026-04', onTime: true } });
  });

  it('reported late (after its due date, before the scheduler marked it missed): closed late, the series goes on', () => {
    const [event] = duty.given([assignedMonthly(), ack]).when(report('2026-03', '2026-03-06')).events();
    expect(event).toMatchObject({ data: { onTime: false, next: { period: '2026-04', due: '2026-04-05' } } });
  });

  it('missed: recorded once, the next period opens, and the task is not overdue for good', () => {
    const step = duty.given([assignedMonthly(), ack]).when(overdue('2026-03-06'));
    step.then([
      {
        type: 'PeriodicReportMissed',
        data: { taskId: TASK_ID, period: '2026-03', due: '2026-03-05', next: { period: '2026-04', due: '2026-04-05' } },
      },
    ]);
    const after = step.after() as Task;
    expect(after.deadline.due).toBe('2026-04-05');
    expect(after.overdueFor).toEqual(['2026-03-05']);
    expect(() => decideTask(overdue('2026-03-07'), after, sundayRolls)).toThrow(CommandRefusedError); // not due yet: nothing more
  });

  it('a missed period may still be reported, late, without moving the series', () => {
    const missed = [
      assignedMonthly(),
      ack,
      {
        type: 'PeriodicReportMissed',
        data: { taskId: TASK_ID, period: '2026-03', due: '2026-03-05', next: { period: '2026-04', due: '2026-04-05' } },
      } as TaskEvent,
    ];
    const step = duty.given(missed).when(report('2026-03', '2026-03-20'));
    expect(step.events()[0]).toMatchObject({ type: 'PeriodicReportSubmitted', data: { period: '2026-03', onTime: false } });
    expect(step.events()[0].data).not.toHaveProperty('next');
    expect((step.after() as Task).deadline.due).toBe('2026-04-05');
  });

  it('refuses a period twice, an unknown period, and a report on a duty that is not periodic', () => {
    const history = [assignedMonthly(), ack, ...duty.given([assignedMonthly(), ack]).when(report('2026-03', '2026-03-04')).events()];
    duty.given(history).when(report('2026-03', '2026-03-10')).thenThrows(CommandRefusedError, 'Kỳ 2026-03 đã được báo cáo ngày 04/03/2026');
    duty.given(history).when(report('2026-07', '2026-03-10')).thenThrows(InvalidCommandError, 'kỳ hiện tại: 2026-04');
    const plain = {
      ...assignedMonthly(),
      data: { ...(assignedMonthly().data as object), deadline: { due: '2026-03-05', kind: 'date' } },
    } as TaskEvent;
    duty.given([plain, ack]).when(report('2026-03', '2026-03-04')).thenThrows(CommandRefusedError, 'không phải nhiệm vụ báo cáo định kỳ');
  });

  it('ends with its end date: the last report opens nothing and the deadline is none', () => {
    const ending = {
      ...assignedMonthly(),
      data: {
        ...(assignedMonthly().data as object),
        deadline: { due: '2026-03-05', kind: 'recurring', recurrence: { freq: 'monthly', day: 5, until: '2026-03-31' } },
      },
    } as TaskEvent;
    const step = duty.given([ending, ack]).when(report('2026-03', '2026-03-04'));
    expect(step.events()[0]).toMatchObject({ data: { next: null } });
    expect((step.after() as Task).deadline.due).toBeNull();
    expect(currentOccurrence(step.after() as Task)).toBeUndefined();
  });
});
