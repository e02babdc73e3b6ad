import { Actor } from '../actor';
import { Deadline } from '../deadline';
import { AttachmentRef } from './task.events';

/**
 * Every command carries its actor and the clock's reading: `now` (an instant) and `today` (the
 * local date in TZ_DEADLINES). The domain never reads a clock.
 */
interface Base<T extends string, P = object> {
  type: T;
  actor: Actor;
  now: string;
  today: string;
  payload: P;
}

export type AcknowledgeTask = Base<'AcknowledgeTask'>;
export type DeclineTask = Base<'DeclineTask', { reason: string }>;
/** `toParent` is the catalogue's parent of `agency`, looked up at the edge (a delegator stays among its units). */
export type ReassignTask = Base<'ReassignTask', { agency: string; reason: string; toParent?: string }>;
/** `attachments`: files uploaded beforehand, resolved to their hashes at the edge. */
export type ReportProgress = Base<
  'ReportProgress',
  { note: string; percent?: number; documentRef?: string; attachments?: AttachmentRef[] }
>;
export type RequestExtension = Base<'RequestExtension', { proposedDue: string; reason: string }>;
/**
 * `parentDue`: for a sub-task, the parent task's current due date (null: none), looked up at the
 * edge so that a delegating agency cannot move its unit's deadline past its own.
 */
export type ApproveExtension = Base<'ApproveExtension', { due?: string; parentDue?: string | null; comment?: string }>;
export type RejectExtension = Base<'RejectExtension', { reason: string }>;
export type AmendDeadline = Base<'AmendDeadline', { due: string; reason: string; parentDue?: string | null }>;
export type ReportCompletion = Base<'ReportCompletion', { result: string; documentRef?: string; attachments?: AttachmentRef[] }>;
/** `comment`: the reviewer's optional words on a decision (approve, accept), kept in the event. */
export type AcceptCompletion = Base<'AcceptCompletion', { comment?: string }>;
export type ReturnCompletion = Base<'ReturnCompletion', { reason: string }>;
export type CancelTask = Base<'CancelTask', { reason: string }>;
/** `unitParent` is the catalogue's parent of `unit`, looked up at the edge. */
export type DelegateTask = Base<'DelegateTask', { childTaskId: string; unit: string; unitParent?: string; due: string; note?: string }>;
export type MarkTaskOverdue = Base<'MarkTaskOverdue'>;
/** A periodic duty's report for one period ("2026-12", "2026-Q4", "2026-H2", "2026"). */
export type SubmitPeriodicReport = Base<'SubmitPeriodicReport', { period: string; note: string; documentRef?: string }>;
/** `letterId` names the letter (the same on every task it cites, so a retry records nothing twice). */
export type IssueReminderLetter = Base<'IssueReminderLetter', { letterId: string; number?: string; reportBy: string }>;
export type RecordNotificationSent = Base<
  'RecordNotificationSent',
  { kind: 'reminder' | 'escalation'; rung: string; due: string; to: string[] }
>;

export type TaskCommand =
  | AcknowledgeTask
  | DeclineTask
  | ReassignTask
  | ReportProgress
  | RequestExtension
  | ApproveExtension
  | RejectExtension
  | AmendDeadline
  | ReportCompletion
  | AcceptCompletion
  | ReturnCompletion
  | CancelTask
  | DelegateTask
  | MarkTaskOverdue
  | RecordNotificationSent
  | SubmitPeriodicReport
  | IssueReminderLetter;

export type TaskCommandType = TaskCommand['type'];

/** A deadline moved to a new date keeps the kind `date` and says why. */
export function deadlineOn(due: string, phrase: string): Deadline {
  return { due, kind: 'date', phrase, rule: 'set explicitly' };
}
