import { bucketOf } from './buckets';

/** A row of rm_tasks as the queries select it (every column but the fold state and the search key). */
export interface TaskRow {
  task_id: string;
  notice_id: string;
  notice_number: string;
  directive_index: number;
  text: string;
  lead: string;
  coordinators: string;
  delegated_by: string | null;
  parent_task_id: string | null;
  fanout: string | null;
  status: string;
  open_rank: number;
  key_flag: number;
  confidential: number;
  due: string | null;
  due_phrase: string | null;
  due_kind: string;
  effective_due: string | null;
  due_key: string;
  original_due: string | null;
  original_phrase: string | null;
  original_effective_due: string | null;
  pending_due: string | null;
  completed_on: string | null;
  result: string | null;
  result_kind: string | null;
  percent: number | null;
  assigned_at: string;
  assigned_on: string;
  last_update_at: string;
  updated_at: string;
}

export const TASK_ROW_SELECT =
  't.task_id, t.notice_id, t.notice_number, t.directive_index, t.text, t.lead, t.coordinators, t.delegated_by, t.parent_task_id, ' +
  't.fanout, t.status, t.open_rank, t.key_flag, t.confidential, t.due, t.due_phrase, t.due_kind, t.effective_due, t.due_key, ' +
  't.original_due, t.original_phrase, t.original_effective_due, t.pending_due, t.completed_on, t.result, t.result_kind, ' +
  't.percent, t.assigned_at, t.assigned_on, t.last_update_at, t.updated_at';

export function toTaskItem(row: TaskRow, today: string) {
  return {
    taskId: row.task_id,
    noticeId: row.notice_id,
    noticeNumber: row.notice_number,
    directiveIndex: Number(row.directive_index),
    text: row.text,
    lead: row.lead,
    coordinators: JSON.parse(row.coordinators) as string[],
    ...(row.delegated_by ? { delegatedBy: row.delegated_by } : {}),
    ...(row.parent_task_id ? { parentTaskId: row.parent_task_id } : {}),
    ...(row.fanout ? { fanout: row.fanout } : {}),
    state: row.status,
    bucket: bucketOf(row, today, 'current'),
    key: Number(row.key_flag) === 1,
    confidential: Number(row.confidential) === 1,
    deadline: { due: row.due, phrase: row.due_phrase, kind: row.due_kind, effectiveDue: row.effective_due },
    originalDeadline: { due: row.original_due, phrase: row.original_phrase },
    pendingExtension: row.pending_due ? { proposedDue: row.pending_due } : null,
    completedOn: row.completed_on,
    result: row.result,
    resultKind: row.result_kind,
    percent: row.percent === null ? null : Number(row.percent),
    assignedAt: row.assigned_at,
    lastUpdateAt: row.last_update_at,
    updatedAt: row.updated_at,
  };
}

export type TaskItem = ReturnType<typeof toTaskItem>;
