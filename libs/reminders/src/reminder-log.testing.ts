import { createCalendar, instantAt } from '@tdnv/calendar';
import { decideTask, evolveTask, SCHEDULER, TaskCommand, TaskEvent, TaskState } from '@tdnv/domain';
import { deciderSpec, TASK_ID } from '@tdnv/testing';
import { DEFAULT_REMINDER_POLICY } from './reminder-policy';
import { LadderContext } from './reminder-ladder';
import { LoggedEvent } from './reminder-view';

/**
 * The reminder specs' world: Hà Nội time, the working-day calendar, the shipped policy, and a
 * task's log built the way the workflow reads it (the domain decides every command on it).
 */
export const TZ = 'Asia/Ho_Chi_Minh';
export const calendar = createCalendar();
export const ctx = (now: string, policy = DEFAULT_REMINDER_POLICY): LadderContext => ({
  policy,
  calendar,
  timeZone: TZ,
  now: new Date(now),
});
/** `day` at `time` in Hà Nội, as an ISO instant (08:00 is the send slot). */
export const at = (day: string, time = '08:00'): string => instantAt(day, time, TZ).toISOString();

export const taskDecider = deciderSpec<TaskState, TaskCommand, TaskEvent>({
  decide: (c, s) => decideTask(c, s, calendar),
  evolve: evolveTask,
  initial: undefined,
});

/** The task's log as the workflow reads it: domain events, each stamped with when it was appended. */
export type Log = LoggedEvent[];
export const stamp = (events: TaskEvent[], occurredAt: string): Log =>
  events.map((e) => ({ type: e.type, data: e.data, metadata: { occurredAt } }));

/** A command decided by the domain against the log, its events appended at the command's `now`. */
export const run = (log: Log, c: TaskCommand): Log => [
  ...log,
  ...stamp(
    taskDecider
      .given(log.map((e) => e as unknown as TaskEvent))
      .when(c)
      .events(),
    c.now,
  ),
];

/** The scheduler's command at `now`; `today` is the Hà Nội date when it differs from now's UTC one. */
export const system = (type: 'MarkTaskOverdue' | 'RecordNotificationSent', now: string, payload: object = {}, today = now.slice(0, 10)) =>
  ({ type, actor: SCHEDULER, now, today, payload }) as TaskCommand;

/** A notification of `rung` for `due`, recorded as sent at `now`. */
export const recorded = (log: Log, kind: 'reminder' | 'escalation', rung: string, due: string, now: string): Log =>
  run(log, system('RecordNotificationSent', now, { kind, rung, due, to: ['x@btc.gov.vn'] }));

/** VPCP moves the task's due date `from` → `to` (an amendment), appended at `occurredAt`. */
export const amended = (from: string, to: string, reason: string, occurredAt: string): Log =>
  stamp(
    [
      {
        type: 'DeadlineChanged',
        data: { taskId: TASK_ID, from: { due: from, kind: 'date' }, to: { due: to, kind: 'date' }, reason, cause: 'amendment' },
      } as TaskEvent,
    ],
    occurredAt,
  );
