import { Actor } from '@tdnv/domain';
import { SqlExecutor, SqlValue } from './sql-database';
import { TaskRow } from './task-item';
import { visibilityFilter } from './visibility';

/** What stats and the appendix need of a task, now or as of a past instant: columns of rm_tasks. */
export type ReportRow = Pick<
  TaskRow,
  | 'task_id' | 'notice_id' | 'notice_number' | 'directive_index' | 'text' | 'lead' | 'coordinators' | 'delegated_by'
  | 'confidential' | 'key_flag' | 'status' | 'due' | 'due_phrase' | 'effective_due' | 'original_due' | 'original_phrase'
  | 'original_effective_due' | 'completed_on' | 'result' | 'assigned_on'
>;

export interface ReportScope {
  noticeId?: string;
  agency?: string;
  /** Tasks assigned on or after / on or before these local dates. */
  from?: string;
  to?: string;
  /** ISO instant: the answer is built from the events recorded up to it. */
  asOf?: string;
  /** Leaves confidential tasks out whoever asks (public exports). */
  publicOnly?: boolean;
}

const STATIC = 't.task_id, t.notice_id, t.notice_number, t.directive_index, t.text, t.coordinators, t.delegated_by, t.confidential, t.key_flag, t.original_due, t.original_phrase, t.original_effective_due, t.assigned_on';
const CHANGING = 'status, lead, due, due_phrase, effective_due, completed_on, result';

/**
 * As of an instant, each task is its latest history row recorded up to then (rm_task_history keeps
 * one per event), joined to the fields that never change; tasks assigned later are absent.
 */
function source(asOf: string | undefined): { sql: string; params: SqlValue[] } {
  if (!asOf) return { sql: 'rm_tasks t', params: [] };
  const changing = CHANGING.split(', ').map((c) => `h.${c}`).join(', ');
  return {
    sql: `(SELECT ${STATIC}, ${changing} FROM rm_task_history h JOIN rm_tasks t ON t.task_id = h.task_id
           WHERE h.position = (SELECT MAX(h2.position) FROM rm_task_history h2 WHERE h2.task_id = h.task_id AND h2.occurred_at <= ?)) t`,
    params: [asOf],
  };
}

/** The rows of a report scope the actor may see, as conditions on `t` (rm_tasks, or the asOf rows). */
export function reportConditions(actor: Actor, scope: ReportScope): { where: string[]; params: SqlValue[] } {
  const where: string[] = [];
  const params: SqlValue[] = [];
  const add = (sql: string, ...values: SqlValue[]): void => {
    where.push(sql);
    params.push(...values);
  };
  const visible = visibilityFilter(actor);
  add(visible.sql, ...visible.params);
  if (scope.publicOnly) add('t.confidential = 0');
  if (scope.noticeId) add('t.notice_id = ?', scope.noticeId);
  if (scope.agency) add('t.lead = ?', scope.agency);
  if (scope.from) add('t.assigned_on >= ?', scope.from);
  if (scope.to) add('t.assigned_on <= ?', scope.to);
  return { where, params };
}

export async function reportRows(db: SqlExecutor, actor: Actor, scope: ReportScope): Promise<ReportRow[]> {
  const from = source(scope.asOf);
  const conditions = reportConditions(actor, scope);
  const where = conditions.where;
  const params: SqlValue[] = [...from.params, ...conditions.params];
  const columns = `${STATIC.replace(/t\./g, 't.')}, ${CHANGING.split(', ').map((c) => `t.${c}`).join(', ')}`;
  return db.all<ReportRow>(
    `SELECT ${columns} FROM ${from.sql} WHERE ${where.join(' AND ')} ORDER BY t.notice_id, t.directive_index, t.task_id`,
    params,
  );
}
