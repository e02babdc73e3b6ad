import { Actor, RegisteredDirective } from '@tdnv/domain';
import { addToCounts, emptyCounts } from './buckets';
import { ReadModelQueryError } from './read-model.errors';
import { SqlExecutor } from './sql-database';
import { UNIT_NOUN } from './appendix-cells';
import { TASK_ROW_SELECT, TaskRow, toTaskItem } from './task-item';
import { maySeeRow, seesEverything } from './visibility';

interface NoticeRow {
  notice_id: string;
  number: string;
  issued_at: string;
  title: string;
  leader: string | null;
  directives: string;
}

/** The columns of a task that change over time, read from its history row as of an instant. */
const CHANGING = new Set(['status', 'lead', 'due', 'due_phrase', 'due_kind', 'effective_due', 'completed_on', 'result']);
/** What the history does not keep is unknown as of then: no pending request, no percent, no kind of result. */
const UNKNOWN = new Set(['pending_due', 'result_kind', 'percent']);
const AS_OF_SELECT = TASK_ROW_SELECT.split(', ')
  .map((column) => {
    const name = column.slice(2);
    if (CHANGING.has(name)) return `h.${name} AS ${name}`;
    if (UNKNOWN.has(name)) return `NULL AS ${name}`;
    if (name === 'open_rank') return `CASE WHEN h.status IN ('completed', 'cancelled') THEN 1 ELSE 0 END AS open_rank`;
    if (name === 'last_update_at' || name === 'updated_at') return `h.occurred_at AS ${name}`;
    return column;
  })
  .join(', ');

/** A notice's tasks as they stood at `asOf` (their latest history row recorded by then); later ones are absent. */
function taskRowsAsOf(db: SqlExecutor, noticeId: string, asOf: string): Promise<TaskRow[]> {
  return db.all<TaskRow>(
    `SELECT ${AS_OF_SELECT} FROM rm_tasks t JOIN rm_task_history h ON h.task_id = t.task_id
     WHERE t.notice_id = ? AND h.position = (SELECT MAX(h2.position) FROM rm_task_history h2 WHERE h2.task_id = t.task_id AND h2.occurred_at <= ?)
     ORDER BY t.directive_index, t.task_id`,
    [noticeId, asOf],
  );
}

/**
 * A notice's directives with their tasks and a roll-up per directive, now or as of an instant
 * (then a past date's answer does not change later: the tasks, their leads and results as they
 * stood, judged on that day). An agency sees its own
 * tasks in the list, but the roll-up counts every non-confidential task, since "41/63 tỉnh" is
 * the point of the page; confidential tasks are counted only for those who may see them.
 */
export async function noticeProgress(db: SqlExecutor, actor: Actor, noticeId: string, today: string, asOf?: string) {
  const [notice] = await db.all<NoticeRow>(
    'SELECT notice_id, number, issued_at, title, leader, directives FROM rm_notices WHERE notice_id = ?',
    [noticeId],
  );
  const rows = asOf
    ? await taskRowsAsOf(db, noticeId, asOf)
    : await db.all<TaskRow>(`SELECT ${TASK_ROW_SELECT} FROM rm_tasks t WHERE t.notice_id = ? ORDER BY t.directive_index, t.task_id`, [
        noticeId,
      ]);
  const visible = rows.filter((row) => maySeeRow(actor, row));
  if (!notice || (!seesEverything(actor) && visible.length === 0))
    throw new ReadModelQueryError('not-found', `Không tìm thấy thông báo ${noticeId}`);
  const directives = JSON.parse(notice.directives) as RegisteredDirective[];
  return {
    noticeId: notice.notice_id,
    number: notice.number,
    issuedAt: notice.issued_at,
    title: notice.title,
    leader: notice.leader,
    // A confidential directive's text is shown only to those who see one of its tasks.
    directives: directives
      .filter((d) => !d.confidential || seesEverything(actor) || visible.some((r) => Number(r.directive_index) === d.index))
      .map((directive) => {
        const all = rows.filter((r) => Number(r.directive_index) === directive.index && !r.parent_task_id);
        const counted = all.filter((r) => !Number(r.confidential) || maySeeRow(actor, r));
        const counts = emptyCounts();
        for (const row of counted) addToCounts(counts, row, today, 'current');
        const completed = counts.done_on_time + counts.done_late;
        const noun = UNIT_NOUN[counted.find((r) => r.fanout)?.fanout ?? ''] ?? 'cơ quan';
        const open = counts.total - completed - counts.cancelled;
        return {
          index: directive.index,
          text: directive.text,
          lead: directive.lead,
          coordinators: directive.coordinators,
          deadline: directive.deadline,
          key: directive.key,
          rollup: {
            ...counts,
            completed,
            open,
            summary: `${completed}/${counts.total - counts.cancelled} ${noun} đã hoàn thành`,
          },
          tasks: visible.filter((r) => Number(r.directive_index) === directive.index).map((r) => toTaskItem(r, today)),
        };
      }),
  };
}
