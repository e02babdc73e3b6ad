import { Deadline } from '../deadline';
import { TaskAssigned } from './task.events';

type TaskAssignedData = TaskAssigned['data'];

export type TaskStatus =
  'assigned' | 'acknowledged' | 'in_progress' | 'reassignment_requested' | 'completion_reported' | 'completed' | 'cancelled';

export const OPEN_STATUSES: readonly TaskStatus[] = [
  'assigned',
  'acknowledged',
  'in_progress',
  'reassignment_requested',
  'completion_reported',
];

export interface PendingExtension {
  proposedDue: string;
  reason: string;
  by: string;
}

export interface CompletionReport {
  result: string;
  documentRef?: string;
  reportedAt: string;
  reportedOn: string;
}

/** One period of a periodic duty, as it stands. */
export interface OccurrenceRecord {
  period: string;
  due: string;
  reportedAt?: string;
  reportedOn?: string;
  onTime?: boolean;
  /** Its effective due date passed without a report (a late report may still follow). */
  missed?: boolean;
}

/** What TaskAssigned says (lead and deadline may change later), plus what happened since. */
export interface Task extends TaskAssignedData {
  status: TaskStatus;
  originalDeadline: Deadline;
  pendingExtension?: PendingExtension;
  completionReport?: CompletionReport;
  completed?: { reportedOn: string; onTime: boolean | null };
  lastProgress?: { note: string; percent?: number; documentRef?: string; by: string };
  children: string[];
  /** Due dates for which TaskBecameOverdue was recorded (once per due date). */
  overdueFor: string[];
  /** Keys of reminders and escalations already sent (task, rung, due). */
  notificationsSent: string[];
  /** A periodic duty's occurrences, oldest first; the last one not reported or missed is the current one. */
  occurrences?: OccurrenceRecord[];
  /** Đôn đốc letters that cited the task (ReminderLetterIssued), oldest first. */
  letters?: { letterId: string; number?: string; issuedOn: string; due: string; reportBy: string }[];
}

/** Before TaskAssigned the stream does not exist. */
export type TaskState = Task | undefined;

export const isOpen = (task: Task): boolean => OPEN_STATUSES.includes(task.status);
