import { Task } from './task.state';

/** A task as the API answers GET /tasks/:id (and as the web pages read it). */
export type TaskView = Omit<Task, 'status' | 'overdueFor' | 'notificationsSent'> & {
  revision: number;
  state: Task['status'];
  /** Overdue for its current due date (TaskBecameOverdue recorded for it). */
  overdue: boolean;
  updatedAt: string;
};

export function taskView(task: Task, revision: number, updatedAt: string): TaskView {
  const { status, overdueFor, notificationsSent: _sent, ...rest } = task;
  return { ...rest, revision, state: status, overdue: task.deadline.due !== null && overdueFor.includes(task.deadline.due), updatedAt };
}
