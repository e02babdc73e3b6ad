import { Actor } from '@tdnv/domain';
import { addToCounts, emptyCounts, DeadlineMode } from './buckets';
import { reportRows, ReportRow, ReportScope } from './report-rows.query';
import { SqlExecutor } from './sql-database';

export const APPENDIX_HEADERS = ['TT', 'Nội dung công việc', 'Cơ quan chủ trì', 'Thời gian hoàn thành', 'Kết quả thực hiện'] as const;

export interface AppendixRow {
  tt: string;
  text: string;
  lead: string;
  deadline: string;
  result: string;
}

export interface AppendixGroup {
  /** "I", "II"…: one group per notice, as in seed 000. */
  tt: string;
  heading: string;
  rows: AppendixRow[];
}

export interface Appendix {
  title: string;
  subtitle: string;
  summary: string;
  groups: AppendixGroup[];
}

const ROMAN: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
export function roman(n: number): string {
  let out = '';
  for (const [value, letters] of ROMAN) for (; n >= value; n -= value) out += letters;
  return out;
}

/** "2026-03-31" → "31/03/2026". */
export const vnDate = (date: string): string => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

function deadlineText(row: ReportRow): string {
  const current = row.due_phrase || (row.due ? vnDate(row.due) : 'Thường xuyên');
  if (row.due === row.original_due) return current;
  const original = row.original_phrase || (row.original_due ? vnDate(row.original_due) : 'không thời hạn');
  return `${row.due ? vnDate(row.due) : current} (điều chỉnh từ ${original})`;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const share = (n: number, total: number): string => `${pad(n)}/${pad(total)} nhiệm vụ`;
const percent = (n: number, total: number): number => (total ? Math.round((n * 100) / total) : 0);

/** Seed 004's sentence: "04/36 nhiệm vụ … (chiếm tỷ lệ 11%)", one clause per official bucket. */
export function summarySentence(rows: ReportRow[], today: string, mode: DeadlineMode): string {
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
  return `Tổng số ${pad(total)} nhiệm vụ. Trong đó: ${parts.join('; ')}.${cancelled}`;
}

export interface AppendixRequest extends ReportScope {
  today: string;
  deadline: DeadlineMode;
}

/**
 * The Phụ lục of seed 000: grouped by notice (I, II…), numbered within each group, the latest
 * accepted or reported result in the last column. Confidential tasks are never exported, whoever asks.
 */
export async function buildAppendix(db: SqlExecutor, actor: Actor, request: AppendixRequest, names: { agency(code: string): string | undefined }): Promise<Appendix> {
  const rows = await reportRows(db, actor, { ...request, publicOnly: true });
  const notices = new Map<string, { number: string; issued_at: string; title: string }>();
  const ids = [...new Set(rows.map((r) => r.notice_id))];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const found = await db.all<{ notice_id: string; number: string; issued_at: string; title: string }>(
      `SELECT notice_id, number, issued_at, title FROM rm_notices WHERE notice_id IN (${chunk.map(() => '?').join(', ')})`,
      chunk,
    );
    for (const n of found) notices.set(n.notice_id, n);
  }
  const listed = rows.filter((r) => r.status !== 'cancelled');
  const groups: AppendixGroup[] = [];
  for (const row of listed) {
    let group = groups[groups.length - 1];
    if (!group || group.heading !== headingOf(row, notices.get(row.notice_id))) {
      group = { tt: roman(groups.length + 1), heading: headingOf(row, notices.get(row.notice_id)), rows: [] };
      groups.push(group);
    }
    group.rows.push({ tt: String(group.rows.length + 1), text: row.text, lead: names.agency(row.lead) ?? row.lead, deadline: deadlineText(row), result: row.result ?? 'Chưa có báo cáo' });
  }
  const asOfDate = vnDate(request.today);
  return {
    title: 'Phụ lục',
    subtitle: `TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ ĐƯỢC GIAO (tính đến ngày ${asOfDate})`,
    summary: summarySentence(rows, request.today, request.deadline),
    groups,
  };
}

function headingOf(row: ReportRow, notice?: { number: string; issued_at: string; title: string }): string {
  if (!notice) return `Thông báo số ${row.notice_number}`;
  return `Thông báo số ${notice.number} ngày ${vnDate(notice.issued_at)}: ${notice.title}`;
}
