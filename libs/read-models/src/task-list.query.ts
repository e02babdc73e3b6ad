import { normalizeVietnamese } from '@tdnv/agencies';
import { Actor, OPEN_STATUSES, TaskStatus } from '@tdnv/domain';
import { Bucket, bucketCondition } from './buckets';
import { ReadModelQueryError } from './read-model.errors';
import { SqlExecutor, SqlValue } from './sql-database';
import { TASK_ROW_SELECT, TaskItem, TaskRow, toTaskItem } from './task-item';
import { accessRowSees, seesEverything, visibilityFilter } from './visibility';

export const TASK_SORTS = ['due', '-due', 'assignedAt', '-assignedAt', 'updatedAt', '-updatedAt'] as const;
export type TaskSort = (typeof TASK_SORTS)[number];

export const PENDING_REVIEWS = ['extension', 'completion'] as const;
export type PendingReview = (typeof PENDING_REVIEWS)[number];

/**
 * A request awaiting review: an extension request (of an open task) or a completion report. Literal
 * SQL, so SQLite and PostgreSQL match it with the partial indexes of tasks.tables.ts.
 */
const PENDING_CONDITIONS: Record<PendingReview, string> = {
  extension: 't.pending_extension = 1',
  completion: "t.status = 'completion_reported'",
};

/**
 * Whose review queue a request is in: the delegating agency decides its sub-tasks' requests, VPCP
 * every other task's (ACT.reviewer of the access policy: VPCP may also act on a sub-task, but
 * deciding it is the delegator's job, so it is not in VPCP's queue). Others decide nothing.
 */
function reviewerCondition(actor: Actor): string {
  if (actor.role === 'vpcp') return 't.delegated_by IS NULL';
  if (actor.role === 'agency' && actor.agency) return 'a.is_delegator = 1';
  return '1 = 0';
}

export interface TaskListFilter {
  agency?: string;
  role?: 'lead' | 'coordinator';
  state?: TaskStatus | 'open';
  bucket?: Bucket;
  noticeId?: string;
  dueFrom?: string;
  dueTo?: string;
  key?: boolean;
  /** Open tasks the agency has not updated for this many days (chưa cập nhật). */
  staleDays?: number;
  /** The caller's review queue: requests (extension or completion) that the caller decides. */
  pending?: PendingReview;
  /** The tasks of one directive of the notice (with noticeId): a grouped row opened. */
  directiveIndex?: number;
  /** Counts over the whole filter (first page only): total, overdue, without deadline. */
  totals?: boolean;
  q?: string;
  sort?: TaskSort;
  cursor?: string;
  limit?: number;
}

/** Keyset columns per sort; `due` puts open tasks first, earliest (so overdue) deadline first. */
const SORT_COLUMNS: Record<TaskSort, { columns: (keyof TaskRow)[]; desc: boolean }> = {
  due: { columns: ['open_rank', 'due_key', 'task_id'], desc: false },
  '-due': { columns: ['open_rank', 'due_key', 'task_id'], desc: true },
  assignedAt: { columns: ['assigned_at', 'task_id'], desc: false },
  '-assignedAt': { columns: ['assigned_at', 'task_id'], desc: true },
  updatedAt: { columns: ['last_update_at', 'task_id'], desc: false },
  '-updatedAt': { columns: ['last_update_at', 'task_id'], desc: true },
};

const encodeCursor = (values: unknown[]): string => Buffer.from(JSON.stringify(values)).toString('base64url');

function decodeCursor(cursor: string, length: number): SqlValue[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(values) && values.length === length && values.every((v) => typeof v === 'string' || typeof v === 'number'))
      return values as SqlValue[];
  } catch {
    // Reported below.
  }
  throw new ReadModelQueryError('validation', 'cursor không hợp lệ (hãy dùng nextCursor của trang trước)');
}

/** The agency whose inbox is listed: an agency sees only its own, VPCP and viewers choose any or none. */
function agencyScope(actor: Actor, filter: TaskListFilter): string | undefined {
  if (actor.role === 'agency' && filter.agency && filter.agency !== actor.agency) {
    throw new ReadModelQueryError(
      'forbidden',
      `Cơ quan ${actor.agency} chỉ xem được nhiệm vụ của mình, không xem được của ${filter.agency}`,
    );
  }
  // An agency sees nothing but the tasks it leads, coordinates or delegated: its access rows.
  return actor.role === 'agency' ? actor.agency : filter.agency;
}

/**
 * FROM clause and the conditions that pick an agency's tasks. With an agency, the list walks
 * rm_task_access `a` (CROSS JOIN keeps it the outer loop in SQLite) in its (agency, open_rank,
 * due_key, task_id) order, so the `due` sort reads one page and stops.
 */
function source(actor: Actor, filter: TaskListFilter, where: string[], params: SqlValue[]): { from: string; sortAlias: 'a' | 't' } {
  const agency = agencyScope(actor, filter);
  if (!agency) {
    if (!seesEverything(actor)) {
      const visible = visibilityFilter(actor);
      where.push(visible.sql);
      params.push(...visible.params);
    }
    return { from: 'rm_tasks t', sortAlias: 't' };
  }
  where.push('a.agency = ?', 't.task_id = a.task_id');
  params.push(agency);
  if (filter.role === 'lead') where.push('a.is_lead = 1');
  if (filter.role === 'coordinator') where.push('a.is_coordinator = 1');
  // visibilityFilter restricted to the agency's own access rows.
  if (actor.role === 'agency') where.push(accessRowSees('a'));
  else if (!seesEverything(actor)) {
    const visible = visibilityFilter(actor);
    where.push(visible.sql);
    params.push(...visible.params);
  }
  return { from: 'rm_task_access a CROSS JOIN rm_tasks t', sortAlias: 'a' };
}

/** A LIKE pattern matching `text` literally: `%`, `_` and the escape character itself are escaped. */
export const likeLiteral = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** `ESCAPE '\'` reads the same on SQLite (which has no default escape) and PostgreSQL (standard strings). */
const LIKE = "LIKE ? ESCAPE '\\'";

/**
 * Every word of the query must start a word of the text, diacritics ignored: "du lieu dan cu" finds
 * "Cơ sở dữ liệu quốc gia về dân cư" (search_text is stored with a leading space for this). The
 * folded key drops punctuation, so a term holding `%` or `_` ("50%", "ma_so") is also looked for
 * as typed in the text, ignoring case (SQLite's lower() folds ASCII letters only). These two are
 * never LIKE wildcards: `q=%` no longer lists everything, and "50%" does not find "500".
 */
function searchConditions(q: string): { sql: string; param: string }[] {
  const words = normalizeVietnamese(q).split(' ').filter(Boolean).slice(0, 10);
  const literal = q
    .split(/\s+/)
    .filter((term) => /[%_]/.test(term))
    .slice(0, 10);
  return [
    ...words.map((word) => ({ sql: `t.search_text ${LIKE}`, param: `% ${likeLiteral(word)}%` })),
    ...literal.map((term) => ({ sql: `lower(t.text) ${LIKE}`, param: `%${likeLiteral(term.toLowerCase())}%` })),
  ];
}

/** The FROM clause and the conditions of a filter, shared by the task list and the directive groups. */
export interface FilteredSource {
  from: string;
  sortAlias: 'a' | 't';
  where: string[];
  params: SqlValue[];
}

export function filteredSource(actor: Actor, filter: TaskListFilter, now: Date, today: string): FilteredSource {
  const where: string[] = [];
  const params: SqlValue[] = [];
  const add = (sql: string, ...values: SqlValue[]): void => {
    where.push(sql);
    params.push(...values);
  };
  // A delegating agency's queue is found through its access rows, even without an agency filter.
  const { from, sortAlias } = source(actor, filter, where, params);
  if (filter.state === 'open') where.push(`${sortAlias}.open_rank = 0`);
  else if (filter.state) add('t.status = ?', filter.state);
  if (filter.bucket) {
    const condition = bucketCondition(filter.bucket);
    where.push(condition.sql);
    if (condition.needsToday) params.push(today);
  }
  if (filter.noticeId) add('t.notice_id = ?', filter.noticeId);
  if (filter.dueFrom) add('t.due >= ?', filter.dueFrom);
  if (filter.dueTo) add('t.due <= ?', filter.dueTo);
  if (filter.key !== undefined) add('t.key_flag = ?', filter.key ? 1 : 0);
  if (filter.directiveIndex !== undefined) add('t.directive_index = ?', filter.directiveIndex);
  if (filter.pending) where.push(PENDING_CONDITIONS[filter.pending], reviewerCondition(actor));
  if (filter.staleDays !== undefined) {
    where.push(`t.status IN (${OPEN_STATUSES.map(() => '?').join(', ')}) AND t.last_update_at < ?`);
    params.push(...OPEN_STATUSES, new Date(now.getTime() - filter.staleDays * 86_400_000).toISOString());
  }
  if (filter.q) for (const condition of searchConditions(filter.q)) add(condition.sql, condition.param);
  return { from, sortAlias, where, params };
}

export interface TaskTotals {
  total: number;
  overdue: number;
  noDeadline: number;
}

/** Counts over every task of the filter, not only the page shown ("128 nhiệm vụ · 127 quá hạn"). */
export async function taskTotals(db: SqlExecutor, source: FilteredSource, today: string): Promise<TaskTotals> {
  const overdue = bucketCondition('open_overdue').sql;
  const none = bucketCondition('no_deadline').sql;
  const [row] = await db.all<{ total: number; overdue: number | null; no_deadline: number | null }>(
    `SELECT COUNT(*) AS total, SUM(CASE WHEN ${overdue} THEN 1 ELSE 0 END) AS overdue, SUM(CASE WHEN ${none} THEN 1 ELSE 0 END) AS no_deadline
     FROM ${source.from} ${source.where.length ? `WHERE ${source.where.join(' AND ')}` : ''}`,
    [today, ...source.params],
  );
  return { total: Number(row?.total ?? 0), overdue: Number(row?.overdue ?? 0), noDeadline: Number(row?.no_deadline ?? 0) };
}

export async function listTasks(
  db: SqlExecutor,
  actor: Actor,
  filter: TaskListFilter,
  now: Date,
  today: string,
): Promise<{ items: TaskItem[]; nextCursor: string | null; totals?: TaskTotals }> {
  const filtered = filteredSource(actor, filter, now, today);
  const { from, sortAlias } = filtered;
  const where = [...filtered.where];
  const params = [...filtered.params];
  const sort = SORT_COLUMNS[filter.sort ?? 'due'];
  // The sort key is copied into the access rows; other sorts read rm_tasks.
  const keyAlias = sort.columns[0] === 'open_rank' ? sortAlias : 't';
  const columns = sort.columns.map((c) => `${keyAlias}.${c}`);
  if (filter.cursor) {
    where.push(`(${columns.join(', ')}) ${sort.desc ? '<' : '>'} (${columns.map(() => '?').join(', ')})`);
    params.push(...decodeCursor(filter.cursor, columns.length));
  }
  const limit = Math.min(Math.max(filter.limit ?? 50, 1), 200);
  const order = columns.map((c) => `${c} ${sort.desc ? 'DESC' : 'ASC'}`).join(', ');
  const rows = await db.all<TaskRow>(
    `SELECT ${TASK_ROW_SELECT} FROM ${from} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order} LIMIT ?`,
    [...params, limit + 1],
  );
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > limit && last ? encodeCursor(sort.columns.map((c) => (c === 'open_rank' ? Number(last[c]) : last[c]))) : null;
  const totals = filter.totals && !filter.cursor ? await taskTotals(db, filtered, today) : undefined;
  return { items: page.map((row) => toTaskItem(row, today)), nextCursor, ...(totals ? { totals } : {}) };
}
