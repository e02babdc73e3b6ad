import { normalizeVietnamese } from '@tdnv/agencies';
import { localDateOf } from '@tdnv/calendar';
import { DeadlinePolicy, isOpen, Task, TaskEvent } from '@tdnv/domain';
import { kindOf } from './buckets';
import { canonicalJson } from './canonical-json';
import { memoize } from './memo';

/** Columns of `rm_tasks`, in insert order. `state` is the domain fold, so the next batch continues from it. */
export const TASK_COLUMNS = [
  'task_id',
  'position',
  'notice_id',
  'notice_number',
  'directive_index',
  'text',
  'search_text',
  'lead',
  'coordinators',
  'delegated_by',
  'parent_task_id',
  'fanout',
  'status',
  'open_rank',
  'key_flag',
  'confidential',
  'due',
  'due_phrase',
  'due_kind',
  'effective_due',
  'due_key',
  'original_due',
  'original_phrase',
  'original_effective_due',
  'pending_due',
  'pending_extension',
  'completed_on',
  'result',
  'result_kind',
  'percent',
  'assigned_at',
  'assigned_on',
  'last_update_at',
  'updated_at',
  'state',
] as const;

export const HISTORY_COLUMNS = [
  'task_id',
  'position',
  'occurred_at',
  'status',
  'lead',
  'due',
  'due_phrase',
  'effective_due',
  'completed_on',
  'result',
  'due_kind',
] as const;

/**
 * Task fields that rm_tasks holds verbatim in their own columns: the `state` JSON leaves them out
 * (a leaner row to write on every batch) and `stateOf` puts them back from the columns.
 */
const IN_COLUMNS = {
  taskId: 'task_id',
  noticeId: 'notice_id',
  noticeNumber: 'notice_number',
  text: 'text',
  lead: 'lead',
  assignedAt: 'assigned_at',
  status: 'status',
} as const;
const OMITTED: ReadonlySet<string> = new Set(Object.keys(IN_COLUMNS));
export const STATE_COLUMNS = ['state', ...Object.values(IN_COLUMNS)] as const;

/** The fold state of a stored row (selected with STATE_COLUMNS). */
export function stateOf(row: Record<(typeof STATE_COLUMNS)[number], string>): Task {
  const task = JSON.parse(row.state) as Record<string, unknown>;
  for (const [field, column] of Object.entries(IN_COLUMNS)) task[field] = row[column];
  return task as unknown as Task;
}

/** Sort key of a task without deadline: after every dated task. */
export const NO_DUE_KEY = '9999-12-31';

/** What the fold keeps beside the domain state. */
export interface TaskTracking {
  position: bigint;
  /** Last report by the agency (or the assignment): "chưa cập nhật" counts from here. */
  lastUpdateAt: string;
  updatedAt: string;
}

/** Agency activity that counts as an update of the task; reminders and the overdue sweep do not. */
const UPDATES: ReadonlySet<TaskEvent['type']> = new Set([
  'TaskAssigned',
  'TaskAcknowledged',
  'TaskDeclined',
  'TaskReassigned',
  'ProgressReported',
  'ExtensionRequested',
  'CompletionReported',
  'TaskDelegated',
]);
export const countsAsUpdate = (type: string): boolean => UPDATES.has(type as TaskEvent['type']);

/** Events that change what a report shows; the others add no history row. */
const SILENT: ReadonlySet<string> = new Set(['ReminderSent', 'EscalationSent', 'TaskBecameOverdue', 'ReminderLetterIssued']);
export const changesHistory = (type: string): boolean => !SILENT.has(type);

/** "Kết quả thực hiện": the accepted or reported result, else the latest progress note. */
export function resultOf(task: Task): { result: string | null; kind: string | null } {
  if (task.completionReport) {
    const ref = task.completionReport.documentRef ? ` (${task.completionReport.documentRef})` : '';
    return { result: task.completionReport.result + ref, kind: task.status === 'completed' ? 'accepted' : 'reported' };
  }
  if (task.lastProgress) {
    const ref = task.lastProgress.documentRef ? ` (${task.lastProgress.documentRef})` : '';
    return { result: task.lastProgress.note + ref, kind: 'progress' };
  }
  return { result: null, kind: null };
}

/*
 * Derived columns, memoised (see memo.ts): the effective due date per policy (tests use several
 * policies), the local date per time zone, the search key of a text.
 */
const effectiveDues = new WeakMap<DeadlinePolicy, (due: string) => string>();
const localDates = new Map<string, (instant: string) => string>();
const searchKey = memoize((text) => ` ${normalizeVietnamese(text)} `);

export function effectiveDueOf(policy: DeadlinePolicy, due: string): string {
  let fn = effectiveDues.get(policy);
  if (!fn) effectiveDues.set(policy, (fn = memoize((d) => policy.effectiveDue(d))));
  return fn(due);
}

export function localDateIn(timeZone: string, instant: string): string {
  let fn = localDates.get(timeZone);
  if (!fn) localDates.set(timeZone, (fn = memoize((i) => localDateOf(new Date(i), timeZone))));
  return fn(instant);
}

/**
 * An extension request awaiting VPCP: only an open task's request can be approved or rejected (a
 * task completed while its request was pending keeps the request in its fold state).
 */
export const pendingExtension = (task: Task): boolean => task.pendingExtension !== undefined && isOpen(task);

export function taskRowValues(
  task: Task,
  tracking: TaskTracking,
  policy: DeadlinePolicy,
  timeZone: string,
): (string | number | bigint | null)[] {
  const due = task.deadline.due;
  const originalDue = task.originalDeadline.due;
  const effectiveDue = due ? effectiveDueOf(policy, due) : null;
  const { result, kind } = resultOf(task);
  const open = isOpen(task);
  return [
    task.taskId,
    tracking.position,
    task.noticeId,
    task.noticeNumber,
    task.directiveIndex,
    task.text,
    searchKey(`${task.text} ${task.noticeNumber}`),
    task.lead,
    JSON.stringify(task.coordinators),
    task.delegatedBy ?? null,
    task.parentTaskId ?? null,
    task.fanout ?? null,
    task.status,
    open ? 0 : 1,
    task.key ? 1 : 0,
    task.confidential ? 1 : 0,
    due,
    task.deadline.phrase ?? null,
    kindOf(task.deadline),
    effectiveDue,
    effectiveDue ?? NO_DUE_KEY,
    originalDue,
    task.originalDeadline.phrase ?? null,
    originalDue ? effectiveDueOf(policy, originalDue) : null,
    task.pendingExtension?.proposedDue ?? null,
    pendingExtension(task) ? 1 : 0,
    task.status === 'completed' ? (task.completed?.reportedOn ?? null) : null,
    result,
    kind,
    task.lastProgress?.percent ?? null,
    task.assignedAt,
    localDateIn(timeZone, task.assignedAt),
    tracking.lastUpdateAt,
    tracking.updatedAt,
    canonicalJson(task, OMITTED),
  ];
}

export function historyRowValues(
  task: Task,
  position: bigint,
  occurredAt: string,
  policy: DeadlinePolicy,
): (string | number | bigint | null)[] {
  const due = task.deadline.due;
  return [
    task.taskId,
    position,
    occurredAt,
    task.status,
    task.lead,
    due,
    task.deadline.phrase ?? null,
    due ? effectiveDueOf(policy, due) : null,
    task.status === 'completed' ? (task.completed?.reportedOn ?? null) : null,
    resultOf(task).result,
    kindOf(task.deadline),
  ];
}
