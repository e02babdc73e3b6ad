import { Actor, RegisteredDirective } from '@tdnv/domain';
import { addToCounts, emptyCounts } from './buckets';
import { ReadModelQueryError } from './read-model.errors';
import { SqlExecutor } from './sql-database';
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

/** The noun of a roll-up: "41/63 tỉnh đã hoàn thành" for the provinces, "bộ, ngành" for the ministries. */
const UNIT_NOUN: Record<string, string> = {
  ALL_PROVINCES: 'tỉnh',
  ALL_MINISTRIES: 'bộ, ngành',
  ALL_MINISTRIES_AND_PROVINCES: 'bộ, ngành, địa phương',
};

/**
 * A notice's directives with their tasks and a roll-up per directive. An agency sees its own
 * tasks in the list, but the roll-up counts every non-confidential task, since "41/63 tỉnh" is
 * the point of the page; confidential tasks are counted only for those who may see them.
 */
export async function noticeProgress(db: SqlExecutor, actor: Actor, noticeId: string, today: string) {
  const [notice] = await db.all<NoticeRow>('SELECT notice_id, number, issued_at, title, leader, directives FROM rm_notices WHERE notice_id = ?', [noticeId]);
  const rows = await db.all<TaskRow>(`SELECT ${TASK_ROW_SELECT} FROM rm_tasks t WHERE t.notice_id = ? ORDER BY t.directive_index, t.task_id`, [noticeId]);
  const visible = rows.filter((row) => maySeeRow(actor, row));
  if (!notice || (!seesEverything(actor) && visible.length === 0)) throw new ReadModelQueryError('not-found', `Không tìm thấy thông báo ${noticeId}`);
  const directives = JSON.parse(notice.directives) as RegisteredDirective[];
  return {
    noticeId: notice.notice_id,
    number: notice.number,
    issuedAt: notice.issued_at,
    title: notice.title,
    leader: notice.leader,
    // A confidential directive's text is shown only to those who see one of its tasks.
    directives: directives.filter((d) => !d.confidential || seesEverything(actor) || visible.some((r) => Number(r.directive_index) === d.index)).map((directive) => {
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
