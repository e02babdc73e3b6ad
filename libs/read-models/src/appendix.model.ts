import { Actor, RegisteredDirective } from '@tdnv/domain';
import { deadlineCell, leadCell, listName, NO_REPORT, resultCell, roman, vnDate } from './appendix-cells';
import { periodicDeadlineCell, periodicFactsOf } from './appendix-periodic';
import { appendixStatistics, AppendixStatistics } from './appendix-statistics';
import { addToCounts, emptyCounts, DeadlineMode } from './buckets';
import { documentKindName, pathWithin, sectionLabel, sectionOf } from './notice-outline';
import { noticesOf, SourceNotice } from './notices.query';
import { reportRows, ReportRow, ReportScope } from './report-rows.query';
import { SqlExecutor } from './sql-database';

export const APPENDIX_HEADERS = ['TT', 'Nội dung công việc', 'Cơ quan chủ trì', 'Thời gian hoàn thành', 'Kết quả thực hiện'] as const;

/**
 * One line of the table: a source document's heading (several documents), a section of it, a
 * directive, or one agency's result under a directive given to many (with `detail`).
 */
export interface AppendixLine {
  kind: 'document' | 'section' | 'directive' | 'member';
  tt: string;
  text: string;
  lead: string;
  deadline: string;
  result: string;
}

export interface Appendix {
  /** The issuing body of the report the appendix belongs to ("VĂN PHÒNG CHÍNH PHỦ"). */
  issuer: string;
  title: string;
  /** The subject, in capitals, one entry per line. */
  subject: string[];
  /** "(Kèm theo Báo cáo số … ngày … của …)", when the request names the report. */
  attachedTo?: string;
  summary: string;
  lines: AppendixLine[];
  statistics: AppendixStatistics;
}

export interface AppendixRequest extends ReportScope {
  today: string;
  deadline: DeadlineMode;
  /** "Báo cáo số 15/BC-VPCP ngày 20/11/2026 của Văn phòng Chính phủ". */
  attachedTo?: string;
  issuer?: string;
  /** Each agency's result on a line of its own under a directive given to many. */
  detail?: boolean;
}

export interface AppendixNames {
  agency(code: string): string | undefined;
  group?(code: string): string | undefined;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const share = (n: number, total: number): string => `${pad(n)}/${pad(total)} nhiệm vụ`;
const percent = (n: number, total: number): number => (total ? Math.round((n * 100) / total) : 0);

/** Seed 004's sentence: "04/36 nhiệm vụ … (chiếm tỷ lệ 11%)", one clause per official bucket. */
export function summarySentence(rows: ReportRow[], today: string, mode: DeadlineMode, directives?: number): string {
  const counts = emptyCounts();
  for (const row of rows) addToCounts(counts, row, today, mode);
  const total = counts.total - counts.cancelled;
  const clause = (n: number, what: string) => `${share(n, total)} ${what} (chiếm tỷ lệ ${percent(n, total)}%)`;
  const parts = [
    clause(counts.done_on_time, 'đã hoàn thành đúng hạn'),
    clause(counts.done_late, 'đã hoàn thành nhưng quá hạn'),
    clause(counts.open_on_time, 'chưa hoàn thành, còn trong hạn'),
    clause(counts.open_overdue, 'chưa hoàn thành, đã quá hạn'),
  ];
  if (counts.no_deadline) parts.push(clause(counts.no_deadline, 'không có thời hạn cụ thể'));
  const cancelled = counts.cancelled ? ` Ngoài ra, ${pad(counts.cancelled)} nhiệm vụ đã được thu hồi, hủy.` : '';
  const contents = directives !== undefined && directives !== total ? ` (${pad(directives)} nội dung công việc)` : '';
  return `Tổng số ${pad(total)} nhiệm vụ${contents}. Trong đó: ${parts.join('; ')}.${cancelled}`;
}

/** A directive's tasks in the order the directive names its agencies. */
function inWrittenOrder(tasks: ReportRow[], directive: RegisteredDirective | undefined): ReportRow[] {
  if (!directive) return tasks;
  const order = new Map(directive.tasks.map((t, i) => [t.taskId, i]));
  return [...tasks].sort((a, b) => (order.get(a.task_id) ?? order.size) - (order.get(b.task_id) ?? order.size));
}

/** "Báo cáo số 10/BC-BTTTT ngày 01/03/2021: Tình hình thực hiện …". */
const documentHeading = (notice: SourceNotice | undefined, number: string): string =>
  notice
    ? `${notice.kind} số ${notice.number} ngày ${vnDate(notice.issuedAt)}: ${notice.title}`
    : `${documentKindName(undefined, number)} số ${number}`;

/**
 * The Phụ lục as VPCP writes it (seed 000): one row per directive, in the document's sections and
 * order with its paths when the registration gave them, else numbered under one heading per
 * document; a directive given to many agencies is one row that names the group and sums up the
 * results. Sub-tasks an agency gave its own units are its business, not rows. Cancelled tasks are
 * left out of the table and counted in the summary. Confidential tasks are never exported.
 */
export async function buildAppendix(db: SqlExecutor, actor: Actor, request: AppendixRequest, names: AppendixNames): Promise<Appendix> {
  const rows = (await reportRows(db, actor, { ...request, publicOnly: true })).filter((r) => !r.parent_task_id);
  const notices = await noticesOf(db, [...new Set(rows.map((r) => r.notice_id))]);
  const periodic = await periodicFactsOf(db, rows, request);
  // A periodic duty's column says its rhythm and its last period, not the current period's date alone.
  const deadline = (tasks: ReportRow[]) => periodicDeadlineCell(tasks, periodic) ?? deadlineCell(tasks);
  const agency = (code: string) => names.agency(code) ?? code;
  const cellNames = { agency, group: (code: string) => names.group?.(code) };
  const byDirective = new Map<string, ReportRow[]>();
  for (const row of rows.filter((r) => r.status !== 'cancelled')) {
    const key = `${row.notice_id}\u0000${row.directive_index}`;
    byDirective.set(key, [...(byDirective.get(key) ?? []), row]);
  }
  const issued = (id: string) => notices.get(id)?.issuedAt ?? '';
  const documents = [...new Set([...byDirective.values()].map((tasks) => tasks[0].notice_id))].sort(
    (a, b) => issued(a).localeCompare(issued(b)) || a.localeCompare(b),
  );
  const lines: AppendixLine[] = [];
  const blank = { lead: '', deadline: '', result: '' };
  for (const [d, noticeId] of documents.entries()) {
    const notice = notices.get(noticeId);
    const directives = [...byDirective.values()]
      .filter((tasks) => tasks[0].notice_id === noticeId)
      .sort((a, b) => a[0].directive_index - b[0].directive_index);
    if (documents.length > 1)
      lines.push({ kind: 'document', tt: roman(d + 1), text: documentHeading(notice, directives[0][0].notice_number), ...blank });
    const sections = notice?.outline.sections ?? [];
    let section: string | undefined;
    let n = 0;
    for (const found of directives) {
      const directive = notice?.directives.get(found[0].directive_index);
      const tasks = inWrittenOrder(found, directive);
      const at = sectionOf(directive?.path, sections);
      if (at && at.path !== section) lines.push({ kind: 'section', tt: sectionLabel(at), text: at.title, ...blank });
      section = at?.path;
      n += 1;
      const tt = at && directive?.path ? pathWithin(directive.path, at) : String(n);
      lines.push({
        kind: 'directive',
        tt,
        text: directive?.text ?? tasks[0].text,
        lead: leadCell(tasks, directive?.lead, cellNames),
        deadline: deadline(tasks),
        result: resultCell(tasks, agency),
      });
      if (request.detail && tasks.length > 1 && tasks.some((t) => t.fanout)) {
        for (const t of tasks)
          lines.push({
            kind: 'member',
            tt: '',
            text: '',
            lead: listName(agency(t.lead)),
            deadline: deadline([t]),
            result: t.result ?? NO_REPORT,
          });
      }
    }
  }
  const single = documents.length === 1 ? notices.get(documents[0]) : undefined;
  const source = single ? ` TẠI ${single.kind.toLocaleUpperCase('vi')} SỐ ${single.number} NGÀY ${vnDate(single.issuedAt)}` : ' ĐƯỢC GIAO';
  return {
    issuer: (request.issuer ?? 'Văn phòng Chính phủ').toLocaleUpperCase('vi'),
    title: 'Phụ lục',
    subject: [`TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ${source}`, `ĐẾN NGÀY ${vnDate(request.today)}`],
    ...(request.attachedTo
      ? { attachedTo: `(Kèm theo ${request.attachedTo.replace(/^\(?\s*kèm theo\s+/iu, '').replace(/\)\s*$/u, '')})` }
      : {}),
    summary: summarySentence(rows, request.today, request.deadline, byDirective.size),
    lines,
    statistics: appendixStatistics(rows, request, agency),
  };
}

export { roman, vnDate };
