import { Actor } from '../actor';
import { DeadlinePolicy, IDENTITY_DEADLINE_POLICY } from '../deadline';
import { OccurrenceRecord } from './task.state';
import { TaskCommandType } from './task.commands';
import { allowedActions } from './task.decide';
import { Task } from './task.state';

/** A task as the API answers GET /tasks/:id (and as the web pages read it), for one caller. */
export type TaskView = Omit<Task, 'status' | 'overdueFor' | 'notificationsSent'> & {
  revision: number;
  state: Task['status'];
  /** Overdue for its current due date (TaskBecameOverdue recorded for it). */
  overdue: boolean;
  updatedAt: string;
  /** The commands the caller may issue now: the web app renders its buttons from these alone. */
  allowedActions: TaskCommandType[];
  /** The last day that counts as on time (a due date on a non-working day rolls forward, Điều 148). */
  effectiveDue: string | null;
  /** A periodic duty's periods, each with its effective due date. */
  occurrences?: (OccurrenceRecord & { effectiveDue: string })[];
};

export function taskView(
  task: Task,
  revision: number,
  updatedAt: string,
  viewer: Actor,
  policy: DeadlinePolicy = IDENTITY_DEADLINE_POLICY,
): TaskView {
  const { status, overdueFor, notificationsSent: _sent, occurrences, ...rest } = task;
  const overdue = task.deadline.due !== null && overdueFor.includes(task.deadline.due);
  const effectiveDue = task.deadline.due === null ? null : policy.effectiveDue(task.deadline.due);
  const periods = occurrences?.map((o) => ({ ...o, effectiveDue: policy.effectiveDue(o.due) }));
  return {
    ...rest,
    revision,
    state: status,
    overdue,
    updatedAt,
    allowedActions: allowedActions(viewer, task),
    effectiveDue,
    ...(periods ? { occurrences: periods } : {}),
  };
}
