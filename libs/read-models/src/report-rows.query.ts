import { Actor } from '@tdnv/domain';
import { SqlExecutor, SqlValue } from './sql-database';
import { TaskRow } from './task-item';
import { maySeeRow, visibilityFilter } from './visibility';

/** What stats and the appendix need of a task, now or as of a past instant: columns of rm_tasks. */
export type ReportRow = Pick<
  TaskRow,
  | 'task_id'
  | 'notice_id'
  | 'notice_number'
  | 'directive_index'
  | 'text'
  | 'lead'
  | 'coordinators'
  | 'delegated_by'
  | 'confidential'
  | 'key_flag'
  | 'status'
  | 'due'
  | 'due_phrase'
  | 'due_kind'
  | 'effective_due'
  | 'original_due'
  | 'original_phrase'
  | 'original_effective_due'
  | 'completed_on'
  | 'result'
  | 'assigned_on'
  | 'parent_task_id'
  | 'fanout'
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

const STATIC =
  't.task_id, t.notice_id, t.notice_number, t.directive_index, t.text, t.coordinators, t.delegated_by, t.confidential, t.key_flag, t.original_due, t.original_phrase, t.original_effective_due, t.assigned_on, t.parent_task_id, t.fanout';
const CHANGING = ['status', 'lead', 'due', 'due_phrase', 'due_kind', 'effective_due', 'completed_on', 'result'];

/**
 * Now, each task is its row of rm_tasks. As of an instant, it is its latest history row recorded up
 * to then (rm_task_history keeps one per event), joined to the fields that never change; tasks
 * assigned later are absent. The conditions stay on the outer query, so a narrow scope (a notice,
 * an agency's access rows) picks its tasks first and looks up only their history.
 */
function source(asOf: string | undefined): { from: string; changing: string; where: string[]; params: SqlValue[] } {
  if (!asOf) return { from: 'rm_tasks t', changing: 't', where: [], params: [] };
  return {
    from: 'rm_tasks t JOIN rm_task_history h ON h.task_id = t.task_id',
    changing: 'h',
    where: ['h.position = (SELECT MAX(h2.position) FROM rm_task_history h2 WHERE h2.task_id = t.task_id AND h2.occurred_at <= ?)'],
    params: [asOf],
  };
}

/**
 * The rows of a report scope the actor may see, as conditions on `t` (rm_tasks); `changing` is the
 * alias of the columns that change over time (`t`, or the history rows `h` of an asOf answer).
 * `visible: false` leaves the actor's visibility out, for a caller that joins the access rows itself;
 * `alias` puts the scope on another row with the same columns (an access row's copies).
 */
export function reportConditions(
  actor: Actor,
  scope: ReportScope,
  options: { changing?: string; visible?: boolean; alias?: string } = {},
): { where: string[]; params: SqlValue[] } {
  const t = options.alias ?? 't';
  const where: string[] = [];
  const params: SqlValue[] = [];
  const add = (sql: string, ...values: SqlValue[]): void => {
    where.push(sql);
    params.push(...values);
  };
  if (options.visible !== false) {
    const visible = visibilityFilter(actor);
    add(visible.sql, ...visible.params);
  }
  if (scope.publicOnly) add(`${t}.confidential = 0`);
  if (scope.noticeId) add(`${t}.notice_id = ?`, scope.noticeId);
  if (scope.agency) add(`${options.changing ?? t}.lead = ?`, scope.agency);
  if (scope.from) add(`${t}.assigned_on >= ?`, scope.from);
  if (scope.to) add(`${t}.assigned_on <= ?`, scope.to);
  return { where, params };
}

/**
 * The tasks an agency may have seen at `asOf`: those it has an access row for now, and those it led
 * before a reassignment (rm_task_former_leads). `changedOnly`: only those whose rows changed after
 * `asOf` (an access row unchanged since says as much as the history: stats-access.query.ts).
 */
function agencyTasksThen(agency: string, asOf: string, changedOnly: boolean): { sql: string; params: SqlValue[] } {
  if (!changedOnly) {
    return {
      sql: 't.task_id IN (SELECT a.task_id FROM rm_task_access a WHERE a.agency = ? UNION SELECT f.task_id FROM rm_task_former_leads f WHERE f.agency = ?)',
      params: [agency, agency],
    };
  }
  const unchanged = 'SELECT 1 FROM rm_task_access u WHERE u.agency = f.agency AND u.task_id = f.task_id AND u.changed_at <= ?';
  return {
    sql: `t.task_id IN (SELECT a.task_id FROM rm_task_access a WHERE a.agency = ? AND a.changed_at > ? UNION SELECT f.task_id FROM rm_task_former_leads f WHERE f.agency = ? AND NOT EXISTS (${unchanged}))`,
    params: [agency, asOf, agency, asOf],
  };
}

/**
 * The rows of a scope, now or as of an instant. As of an instant an agency sees what it saw then:
 * the tasks it led then or has an access row for are read, and the policy (maySeeRow) decides on
 * the lead of then, so a later reassignment does not change a past answer. `changedOnly` (with
 * asOf, for an agency or a lead filter): only the tasks whose access rows changed after asOf.
 */
export async function reportRows(
  db: SqlExecutor,
  actor: Actor,
  scope: ReportScope,
  options: { changedOnly?: boolean } = {},
): Promise<ReportRow[]> {
  const from = source(scope.asOf);
  const asAgencyThen = scope.asOf !== undefined && actor.role === 'agency' && actor.agency !== undefined;
  const conditions = reportConditions(actor, scope, { changing: from.changing, visible: !asAgencyThen });
  const where = [...from.where, ...conditions.where];
  const params = [...from.params, ...conditions.params];
  // The agency whose tasks of then are read: the asker, or the lead asked about (stats-access.query.ts).
  const through = asAgencyThen ? actor.agency : options.changedOnly ? scope.agency : undefined;
  if (through && scope.asOf) {
    const then = agencyTasksThen(through, scope.asOf, options.changedOnly === true);
    where.push(then.sql);
    params.push(...then.params);
  }
  const columns = `${STATIC}, ${CHANGING.map((c) => `${from.changing}.${c}`).join(', ')}`;
  const rows = await db.all<ReportRow>(
    `SELECT ${columns} FROM ${from.from} WHERE ${where.join(' AND ')} ORDER BY t.notice_id, t.directive_index, t.task_id`,
    params,
  );
  return asAgencyThen ? rows.filter((row) => maySeeRow(actor, row)) : rows;
}
