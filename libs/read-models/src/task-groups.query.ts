import { Actor } from '@tdnv/domain';
import { BUCKETS, bucketCondition } from './buckets';
import { ReadModelQueryError } from './read-model.errors';
import { SqlExecutor, SqlValue } from './sql-database';
import { filteredSource, TaskListFilter, taskTotals, TaskTotals } from './task-list.query';

/** One directive of a notice as VPCP reads its inbox: "3.b.2 — 41/56 cơ quan đã hoàn thành, 9 quá hạn". */
export interface DirectiveGroup {
  noticeId: string;
  noticeNumber: string;
  directiveIndex: number;
  /** The directive's place in the document ("3.b.2(1)"), when the notice was registered with it. */
  path: string | null;
  text: string;
  /** Tasks of the directive in the filter (sub-tasks roll up into their parent task). */
  count: number;
  /** The one task, when the directive gave a single task: the row links straight to it. */
  taskId: string | null;
  /** The lead of a single task; the group code when the directive fanned out. */
  lead: string | null;
  fanout: string | null;
  key: boolean;
  /** Earliest and latest current deadlines of the tasks. */
  due: { min: string | null; max: string | null; phrase: string | null };
  counts: Record<(typeof BUCKETS)[number], number>;
  /** Agencies whose task of this directive is overdue (first 60). */
  overdueAgencies: string[];
  pendingExtensions: number;
  pendingCompletions: number;
}

interface GroupRow {
  notice_id: string;
  notice_number: string;
  directive_index: number;
  text: string;
  n: number;
  task_id: string;
  lead: string;
  fanout: string | null;
  key_flag: number;
  min_due: string | null;
  max_due: string | null;
  phrase: string | null;
  pending_extensions: number;
  pending_completions: number;
  [bucket: string]: unknown;
}

const OVERDUE_SHOWN = 60;

const decodeOffset = (cursor: string | undefined): number => {
  if (!cursor) return 0;
  const offset = Number(Buffer.from(cursor, 'base64url').toString('utf8').replace(/^g:/, ''));
  if (!Number.isInteger(offset) || offset < 0 || offset > 1_000_000)
    throw new ReadModelQueryError('validation', 'cursor không hợp lệ (hãy dùng nextCursor của trang trước)');
  return offset;
};

/**
 * The inbox grouped by directive (groupBy=directive): one row per (notice, directive) with its
 * roll-up per VPCP bucket, ordered as the task list is (directives with open tasks first, earliest
 * open deadline first). Groups are few (hundreds), so pages are counted by offset.
 */
export async function listDirectiveGroups(
  db: SqlExecutor,
  actor: Actor,
  filter: TaskListFilter,
  now: Date,
  today: string,
): Promise<{ groups: DirectiveGroup[]; nextCursor: string | null; totals?: TaskTotals }> {
  const source = filteredSource(actor, filter, now, today);
  const where = [...source.where, 't.parent_task_id IS NULL'];
  const selectParams: SqlValue[] = [];
  const bucketSums = BUCKETS.map((b) => {
    const c = bucketCondition(b);
    if (c.needsToday) selectParams.push(today);
    return `SUM(CASE WHEN ${c.sql} THEN 1 ELSE 0 END) AS ${b}`;
  });
  const limit = Math.min(Math.max(filter.limit ?? 50, 1), 200);
  const offset = decodeOffset(filter.cursor);
  const rows = await db.all<GroupRow>(
    `SELECT t.notice_id, MIN(t.notice_number) AS notice_number, t.directive_index, MIN(t.text) AS text, COUNT(*) AS n,
       MIN(t.task_id) AS task_id, MIN(t.lead) AS lead, MAX(t.fanout) AS fanout, MAX(t.key_flag) AS key_flag,
       MIN(t.due) AS min_due, MAX(t.due) AS max_due, MIN(t.due_phrase) AS phrase,
       SUM(CASE WHEN t.pending_extension = 1 THEN 1 ELSE 0 END) AS pending_extensions,
       SUM(CASE WHEN t.status = 'completion_reported' THEN 1 ELSE 0 END) AS pending_completions,
       ${bucketSums.join(', ')},
       MIN(t.open_rank) AS open_rank, MIN(CASE WHEN t.open_rank = 0 THEN t.due_key ELSE '9999-12-31' END) AS next_due
     FROM ${source.from} WHERE ${where.join(' AND ')}
     GROUP BY t.notice_id, t.directive_index
     ORDER BY open_rank, next_due, t.notice_id, t.directive_index
     LIMIT ? OFFSET ?`,
    [...selectParams, ...source.params, limit + 1, offset],
  );
  const page = rows.slice(0, limit);
  const overdue = await overdueLeads(db, source, where, today, page);
  const paths = await directivePaths(db, page);
  const groups = page.map((r): DirectiveGroup => {
    const count = Number(r.n);
    return {
      noticeId: r.notice_id,
      noticeNumber: r.notice_number,
      directiveIndex: Number(r.directive_index),
      path: paths.get(`${r.notice_id} ${Number(r.directive_index)}`) ?? null,
      text: r.text,
      count,
      taskId: count === 1 ? r.task_id : null,
      lead: count === 1 ? r.lead : null,
      fanout: r.fanout,
      key: Number(r.key_flag) === 1,
      due: { min: r.min_due, max: r.max_due, phrase: r.phrase },
      counts: Object.fromEntries(BUCKETS.map((b) => [b, Number(r[b] ?? 0)])) as DirectiveGroup['counts'],
      overdueAgencies: overdue.get(`${r.notice_id} ${Number(r.directive_index)}`) ?? [],
      pendingExtensions: Number(r.pending_extensions),
      pendingCompletions: Number(r.pending_completions),
    };
  });
  const nextCursor = rows.length > limit ? Buffer.from(`g:${offset + limit}`).toString('base64url') : null;
  const totals = filter.totals && !filter.cursor ? await taskTotals(db, source, today) : undefined;
  return { groups, nextCursor, ...(totals ? { totals } : {}) };
}

/** The overdue leads of the page's directives, in one query. */
async function overdueLeads(db: SqlExecutor, source: ReturnType<typeof filteredSource>, where: string[], today: string, page: GroupRow[]) {
  const out = new Map<string, string[]>();
  const notices = [...new Set(page.filter((r) => Number(r.open_overdue) > 0).map((r) => r.notice_id))];
  if (notices.length === 0) return out;
  const rows = await db.all<{ notice_id: string; directive_index: number; lead: string }>(
    `SELECT t.notice_id, t.directive_index, t.lead FROM ${source.from}
     WHERE ${[...where, bucketCondition('open_overdue').sql, `t.notice_id IN (${notices.map(() => '?').join(', ')})`].join(' AND ')}
     ORDER BY t.lead`,
    [...source.params, today, ...notices],
  );
  for (const r of rows) {
    const list = out.get(`${r.notice_id} ${Number(r.directive_index)}`) ?? [];
    if (list.length < OVERDUE_SHOWN) list.push(r.lead);
    out.set(`${r.notice_id} ${Number(r.directive_index)}`, list);
  }
  return out;
}

/** Paths as written in the document, from the registered notices of the page (older notices have none). */
async function directivePaths(db: SqlExecutor, page: GroupRow[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const notices = [...new Set(page.map((r) => r.notice_id))];
  if (notices.length === 0) return out;
  const rows = await db.all<{ notice_id: string; directives: string }>(
    `SELECT notice_id, directives FROM rm_notices WHERE notice_id IN (${notices.map(() => '?').join(', ')})`,
    notices,
  );
  for (const row of rows) {
    const directives = JSON.parse(row.directives) as { index?: number; path?: unknown }[];
    directives.forEach((d, i) => {
      if (typeof d.path === 'string' && d.path) out.set(`${row.notice_id} ${d.index ?? i}`, d.path);
    });
  }
  return out;
}
