import { Deadline } from '../deadline';

/** Event type strings are permanent once released: rename a class, never a `type`. */
export interface TaskAssigned {
  type: 'TaskAssigned';
  data: {
    taskId: string;
    noticeId: string;
    noticeNumber: string;
    directiveIndex: number;
    text: string;
    lead: string;
    coordinators: string[];
    deadline: Deadline;
    key: boolean;
    confidential: boolean;
    /** The group code the lead came from ("Các Bộ, ngành, địa phương"), when fanned out. */
    fanout?: string;
    parentTaskId?: string;
    /** The agency that delegated this child task; it reviews the child's completion. */
    delegatedBy?: string;
    /** The delegating agency's note to its unit, apart from `text` (which stays the Government's words). */
    delegationNote?: string;
    /** Registered as history (an old notice, a past report): no reminder is sent for it. */
    historical?: boolean;
    assignedAt: string;
  };
}
export interface TaskAcknowledged {
  type: 'TaskAcknowledged';
  data: { taskId: string; by: string };
}
export interface TaskDeclined {
  type: 'TaskDeclined';
  data: { taskId: string; by: string; reason: string };
}
export interface TaskReassigned {
  type: 'TaskReassigned';
  data: { taskId: string; from: string; to: string; reason: string };
}
/** A file attached to a report: the event records its hash and metadata, never the bytes. */
export interface AttachmentRef {
  id: string;
  name: string;
  size: number;
  sha256: string;
  contentType: string;
}
export interface ProgressReported {
  type: 'ProgressReported';
  data: { taskId: string; by: string; note: string; percent?: number; documentRef?: string; attachments?: AttachmentRef[] };
}
export interface ExtensionRequested {
  type: 'ExtensionRequested';
  data: { taskId: string; by: string; currentDue: string | null; proposedDue: string; reason: string };
}
export interface ExtensionApproved {
  type: 'ExtensionApproved';
  /** `comment`: the reviewer's words, when given (a rejection has its `reason` instead). */
  data: { taskId: string; due: string; comment?: string };
}
export interface ExtensionRejected {
  type: 'ExtensionRejected';
  data: { taskId: string; reason: string };
}
export interface DeadlineChanged {
  type: 'DeadlineChanged';
  data: { taskId: string; from: Deadline; to: Deadline; reason: string; cause: 'extension' | 'amendment' };
}
export interface CompletionReported {
  type: 'CompletionReported';
  data: {
    taskId: string;
    by: string;
    result: string;
    documentRef?: string;
    attachments?: AttachmentRef[];
    reportedAt: string;
    reportedOn: string;
  };
}
export interface CompletionReturned {
  type: 'CompletionReturned';
  data: { taskId: string; reason: string };
}
export interface TaskCompleted {
  type: 'TaskCompleted';
  data: {
    taskId: string;
    reportedAt: string;
    reportedOn: string;
    due: string | null;
    /** Against the current (possibly extended) deadline; null when the task has no deadline. */
    onTime: boolean | null;
    /** The reviewer's words on accepting, when given. */
    comment?: string;
  };
}
export interface TaskCancelled {
  type: 'TaskCancelled';
  data: { taskId: string; reason: string };
}
export interface TaskDelegated {
  type: 'TaskDelegated';
  data: { taskId: string; childTaskId: string; unit: string; due: string | null; note?: string };
}
export interface TaskBecameOverdue {
  type: 'TaskBecameOverdue';
  data: { taskId: string; due: string };
}
export interface ReminderSent {
  type: 'ReminderSent';
  data: { taskId: string; key: string; rung: string; due: string; to: string[] };
}
export interface EscalationSent {
  type: 'EscalationSent';
  data: { taskId: string; key: string; rung: string; due: string; to: string[] };
}

/**
 * A periodic duty's report for one period (a month, quarter, half or year). `onTime` is against
 * the occurrence's effective due date; `next` is the occurrence that opens after it (none: the
 * series has ended). A late report of an earlier, missed period carries no `next`.
 */
export interface PeriodicReportSubmitted {
  type: 'PeriodicReportSubmitted';
  data: {
    taskId: string;
    by: string;
    period: string;
    due: string;
    note: string;
    documentRef?: string;
    reportedAt: string;
    reportedOn: string;
    onTime: boolean;
    next?: { period: string; due: string } | null;
  };
}
/** The period's effective due date passed without a report: recorded once, and the next period opens. */
export interface PeriodicReportMissed {
  type: 'PeriodicReportMissed';
  data: { taskId: string; period: string; due: string; next: { period: string; due: string } | null };
}

/**
 * A công văn đôn đốc (đôn đốc letter) to the lead agency cites this task among its overdue ones.
 * `letterId` is shared by every task the letter cites; `number` is the letter's number once it has
 * one; `reportBy` is the date by which the agency is asked to report.
 */
export interface ReminderLetterIssued {
  type: 'ReminderLetterIssued';
  data: { taskId: string; letterId: string; number?: string; agency: string; issuedOn: string; due: string; reportBy: string };
}

export type TaskEvent =
  | TaskAssigned
  | TaskAcknowledged
  | TaskDeclined
  | TaskReassigned
  | ProgressReported
  | ExtensionRequested
  | ExtensionApproved
  | ExtensionRejected
  | DeadlineChanged
  | CompletionReported
  | CompletionReturned
  | TaskCompleted
  | TaskCancelled
  | TaskDelegated
  | TaskBecameOverdue
  | ReminderSent
  | EscalationSent
  | PeriodicReportSubmitted
  | PeriodicReportMissed
  | ReminderLetterIssued;

export type TaskEventType = TaskEvent['type'];
