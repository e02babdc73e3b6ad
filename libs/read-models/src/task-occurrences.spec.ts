import { evolveTask, Task, TaskEvent, TaskState } from '@tdnv/domain';
import { assignedMonthly, TASK_ID } from '@tdnv/testing';
import { OCCURRENCE_COLUMNS, OccurrenceBatch } from './task-occurrences';

/** Sunday 05/04/2026 rolls to Monday 06/04 (Điều 148); other days stand. */
const policy = { effectiveDue: (due: string) => (due === '2026-04-05' ? '2026-04-06' : due) };

const submitted = (
  period: string,
  due: string,
  reportedAt: string,
  onTime: boolean,
  next?: { period: string; due: string } | null,
): TaskEvent => ({
  type: 'PeriodicReportSubmitted',
  data: {
    taskId: TASK_ID,
    by: 'BTC',
    period,
    due,
    note: `Báo cáo kỳ ${period}`,
    reportedAt,
    reportedOn: reportedAt.slice(0, 10),
    onTime,
    ...(next === undefined ? {} : { next }),
  },
});
const missed = (period: string, due: string, next: { period: string; due: string } | null): TaskEvent => ({
  type: 'PeriodicReportMissed',
  data: { taskId: TASK_ID, period, due, next },
});
const cancelled: TaskEvent = { type: 'TaskCancelled', data: { taskId: TASK_ID, reason: 'Không còn phù hợp' } };

/** Given events (each with the instant it occurred), when the projection folds them in one batch or one by one, then these rows. */
function rowsAfter(events: [TaskEvent, string][], batches: 'one' | 'each'): Record<string, unknown>[] {
  const table = new Map<string, Record<string, unknown>>();
  let task: TaskState;
  let batch = new OccurrenceBatch(policy);
  const flush = () => {
    for (const values of batch.changed()) {
      const row = Object.fromEntries(OCCURRENCE_COLUMNS.map((c, i) => [c, values[i]]));
      const key = `${row.task_id}/${row.period}`;
      // As the upsert does: a closed period stays closed.
      table.set(key, { ...row, closed_at: row.closed_at ?? table.get(key)?.closed_at ?? null });
    }
    batch = new OccurrenceBatch(policy);
  };
  for (const [event, at] of events) {
    const before = task;
    task = evolveTask(before, event) as Task;
    batch.change(before, task, at);
    if (batches === 'each') flush();
  }
  flush();
  return [...table.values()];
}

const row = (period: string, due: string, effectiveDue: string, more: Record<string, unknown> = {}) => ({
  task_id: TASK_ID,
  period,
  due,
  effective_due: effectiveDue,
  reported_at: null,
  reported_on: null,
  on_time: null,
  missed: 0,
  closed_at: null,
  ...more,
});

describe('the periods of a periodic duty in rm_task_occurrences', () => {
  const story: [TaskEvent, string][] = [
    [assignedMonthly(), '2026-02-12T03:00:00.000Z'],
    [
      submitted('2026-03', '2026-03-05', '2026-03-04T03:00:00.000Z', true, { period: '2026-04', due: '2026-04-05' }),
      '2026-03-04T03:00:00.000Z',
    ],
    [missed('2026-04', '2026-04-05', { period: '2026-05', due: '2026-05-05' }), '2026-04-06T17:00:00.000Z'],
    [submitted('2026-04', '2026-04-05', '2026-04-09T02:00:00.000Z', false), '2026-04-09T02:00:00.000Z'],
    [cancelled, '2026-05-02T02:00:00.000Z'],
  ];
  const expected = [
    row('2026-03', '2026-03-05', '2026-03-05', { reported_at: '2026-03-04T03:00:00.000Z', reported_on: '2026-03-04', on_time: 1 }),
    row('2026-04', '2026-04-05', '2026-04-06', {
      reported_at: '2026-04-09T02:00:00.000Z',
      reported_on: '2026-04-09',
      on_time: 0,
      missed: 1,
    }),
    row('2026-05', '2026-05-05', '2026-05-05', { closed_at: '2026-05-02T02:00:00.000Z' }),
  ];

  it('given a period reported on time, one missed then reported late, and the series cancelled with a period open: one row each', () => {
    expect(rowsAfter(story, 'one')).toEqual(expected);
  });

  it('folded event by event (batches of one), the rows are the same', () => {
    expect(rowsAfter(story, 'each')).toEqual(expected);
  });

  it('given a task with no recurrence, no row', () => {
    const plain: TaskEvent = {
      ...assignedMonthly(),
      data: { ...(assignedMonthly().data as object), deadline: { due: '2026-03-31', kind: 'date' } },
    } as TaskEvent;
    expect(rowsAfter([[plain, '2026-02-12T03:00:00.000Z']], 'one')).toEqual([]);
  });

  it('an event that changes no period (a reminder) rewrites no row', () => {
    const batch = new OccurrenceBatch(policy);
    const task = evolveTask(undefined, assignedMonthly()) as Task;
    const reminder = {
      type: 'ReminderSent',
      data: { taskId: TASK_ID, key: 'k', rung: 'before-3', due: '2026-03-05', to: [] },
    } as TaskEvent;
    batch.change(task, evolveTask(task, reminder) as Task, '2026-03-02T01:00:00.000Z');
    expect(batch.changed()).toEqual([]);
  });
});
