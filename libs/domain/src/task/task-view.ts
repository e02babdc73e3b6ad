import { Actor } from '../actor';
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
};

export function taskView(task: Task, revision: number, updatedAt: string, viewer: Actor): TaskView {
  const { status, overdueFor, notificationsSent: _sent, ...rest } = task;
  const overdue = task.deadline.due !== null && overdueFor.includes(task.deadline.due);
  return { ...rest, revision, state: status, overdue, updatedAt, allowedActions: allowedActions(viewer, task) };
}
