import { daysBetween, defaultCalendar } from '@tdnv/calendar';
import { awaitsLead } from '@tdnv/domain';
import { vnDate } from './appendix-cells';
import { pathWithin, sectionOf } from './notice-outline';
import { noticesOf, SourceNotice } from './notices.query';
import { reportRows, ReportRow } from './report-rows.query';
import { SqlExecutor } from './sql-database';

/**
 * A công văn đôn đốc (đôn đốc letter) to an agency about its overdue tasks, as of a day: the tasks
 * it leads, whose effective due date has passed, on which it still has work to do (the domain's
 * awaitsLead: not awaiting VPCP's review). Confidential tasks are never cited (a letter is copied
 * to others), nor the sub-tasks an agency gave its own units.
 */
export interface LetterTask {
  taskId: string;
  text: string;
  /** "Thông báo số 45/TB-VPCP ngày 12/02/2026", with the directive's place in it when known. */
  source: string;
  due: string;
  daysOverdue: number;
  /** The latest progress the agency reported, or null. */
  latest: string | null;
}

export interface ReminderLetter {
  letterId: string;
  agency: { code: string; name: string };
  /** The day the letter speaks of (its date, "tính đến ngày …"). */
  asOf: string;
  number?: string;
  subject: string;
  reportBy: string;
  tasks: LetterTask[];
}

export interface LetterRequest {
  /** One agency, or every agency with overdue tasks. */
  agency?: string;
  /** ISO instant of `asOfDay`'s end when the letter speaks of a past day; undefined: now. */
  asOf?: string;
  asOfDay: string;
  number?: string;
}

/** Working days the agency is given to report (Quy chế làm việc: a few days for a đôn đốc). */
export const REPORT_WITHIN_WORKING_DAYS = 5;

const calendar = defaultCalendar();

/** The overdue tasks of one agency, or of every agency, as of the request's day. */
async function overdueRows(db: SqlExecutor, request: LetterRequest): Promise<ReportRow[]> {
  const scope = { agency: request.agency, asOf: request.asOf, publicOnly: true };
  const rows = await reportRows(db, { id: 'reminder-letter', role: 'system' }, scope);
  return rows.filter(
    (r) => !r.parent_task_id && r.effective_due !== null && r.effective_due < request.asOfDay && awaitsLead({ status: r.status as never }),
  );
}

const letterIdOf = (agency: string, day: string, number?: string): string =>
  `dondoc-${agency}-${day}${number ? `-${number}` : ''}`.toLowerCase().replace(/[^a-z0-9-]+/g, '-');

function sourceOf(row: ReportRow, notice: SourceNotice | undefined): string {
  if (!notice) return `văn bản số ${row.notice_number}`;
  const path = notice.directives.get(Number(row.directive_index))?.path;
  const section = sectionOf(path, notice.outline.sections);
  const place = path && section ? `, mục ${section.path.split('.').pop()}.${pathWithin(path, section)}` : '';
  return `${notice.kind} số ${notice.number} ngày ${vnDate(notice.issuedAt)}${place}`;
}

/** The letters of the request: one per agency with overdue tasks, agencies in code order. */
export async function draftReminderLetters(
  db: SqlExecutor,
  request: LetterRequest,
  names: { agency(code: string): string | undefined },
): Promise<ReminderLetter[]> {
  const rows = await overdueRows(db, request);
  const notices = await noticesOf(db, [...new Set(rows.map((r) => r.notice_id))]);
  const byAgency = new Map<string, ReportRow[]>();
  for (const row of rows) byAgency.set(row.lead, [...(byAgency.get(row.lead) ?? []), row]);
  const reportBy = calendar.addWorkingDays(request.asOfDay, REPORT_WITHIN_WORKING_DAYS);
  return [...byAgency.keys()].sort().map((code) => {
    const tasks = byAgency
      .get(code)!
      .sort((a, b) => a.effective_due!.localeCompare(b.effective_due!) || a.task_id.localeCompare(b.task_id));
    const sources = new Set(tasks.map((t) => t.notice_id));
    const only = sources.size === 1 ? notices.get(tasks[0].notice_id) : undefined;
    return {
      letterId: letterIdOf(code, request.asOfDay, request.number),
      agency: { code, name: names.agency(code) ?? code },
      asOf: request.asOfDay,
      ...(request.number ? { number: request.number } : {}),
      subject: only
        ? `V/v đôn đốc thực hiện nhiệm vụ tại ${only.kind} số ${only.number}`
        : 'V/v đôn đốc thực hiện các nhiệm vụ được giao đã quá hạn',
      reportBy,
      tasks: tasks.map((t) => ({
        taskId: t.task_id,
        text: t.text.trim().replace(/[.;:]+$/u, ''),
        source: sourceOf(t, notices.get(t.notice_id)),
        due: t.due!,
        daysOverdue: daysBetween(t.effective_due!, request.asOfDay),
        latest: t.result,
      })),
    };
  });
}
