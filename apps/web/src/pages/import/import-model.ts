import { AgencyIndex } from '../../api/agencies';
import { DirectiveStatus, ParsedDirective, ParseResult } from '../../api/types';

/** What the preview's table and its summary both read: the rows being edited, the parse, the catalogue, today. */
export interface PreviewData {
  rows: Row[];
  parsed: ParseResult;
  agencies?: AgencyIndex;
  /** YYYY-MM-DD, to tell deadlines already past. */
  today: string;
}

/** One editable row of the preview table; the parsed directive stays beside it to compute the edits. */
export interface Row {
  path: string;
  text: string;
  lead: string[];
  coordinators: string[];
  due: string;
  drop: boolean;
  key: boolean;
  /** What the report says was done on this row, as VPCP leaves it before import. */
  status: RowStatus;
  /** Names outside the catalogue (parsed.unresolvedLead) already given a catalogue code in the preview, by name. */
  mapped: Record<string, string>;
  parsed: ParsedDirective;
}

export type StatusKind = DirectiveStatus['kind'];

/** A row's status as edited: `result` is the result (done) or the progress (in progress); `date` the day it was done. */
export interface RowStatus {
  kind: StatusKind;
  result: string;
  /** YYYY-MM-DD; '' while none is typed. Used when `kind` is done. */
  date: string;
}

/** The status the parser read (a row of a report's table), or "not done" when the document says nothing. */
export function parsedStatus(d: ParsedDirective, reportDate?: string | null): RowStatus {
  const s = d.status;
  return { kind: s?.kind ?? 'open', result: s?.result ?? '', date: s?.completedOn ?? s?.reportedOn ?? reportDate ?? '' };
}

const sameStatus = (a: RowStatus, b: RowStatus) =>
  a.kind === b.kind && (a.kind === 'open' || a.result.trim() === b.result.trim()) && (a.kind !== 'done' || a.date === b.date);

/** The body's `status` (ReportedStatusDto): the result for done and in progress, the day of completion for done. */
export function statusInput(s: RowStatus): { kind: StatusKind; result?: string; reportedOn?: string } {
  return {
    kind: s.kind,
    ...(s.kind !== 'open' && s.result.trim() ? { result: s.result.trim() } : {}),
    ...(s.kind === 'done' && s.date ? { reportedOn: s.date } : {}),
  };
}

/** A group lead (all ministries…) is kept as its group code so it fans out on registration. */
const parsedLead = (d: ParsedDirective): string[] => (d.fanout ? [d.fanout] : d.lead.map((a) => a.code));
const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** `reportDate`: the document's date, the day a done row is dated when the row names none. */
export function toRows(directives: ParsedDirective[], reportDate?: string | null): Row[] {
  return directives.map((d) => ({
    path: d.path,
    text: d.text,
    lead: parsedLead(d),
    coordinators: d.coordinators.map((a) => a.code),
    due: d.deadline.due ?? '',
    drop: false,
    key: false,
    status: parsedStatus(d, reportDate),
    mapped: {},
    parsed: d,
  }));
}

export interface DirectiveEdit {
  path: string;
  drop?: boolean;
  text?: string;
  lead?: string[];
  coordinators?: string[];
  deadline?: { due?: string; phrase?: string; kind?: string };
  key?: boolean;
  status?: ReturnType<typeof statusInput>;
}

/** Only what the specialist changed is sent, by path; the server re-parses the same text. */
export function editsOf(rows: Row[]): DirectiveEdit[] {
  const edits: DirectiveEdit[] = [];
  for (const r of rows) {
    if (r.drop) {
      edits.push({ path: r.path, drop: true });
      continue;
    }
    const e: DirectiveEdit = { path: r.path };
    if (r.text.trim() !== r.parsed.text) e.text = r.text.trim();
    if (!same(r.lead, parsedLead(r.parsed))) e.lead = r.lead;
    if (
      !same(
        r.coordinators,
        r.parsed.coordinators.map((a) => a.code),
      )
    )
      e.coordinators = r.coordinators;
    if (r.due !== (r.parsed.deadline.due ?? '')) e.deadline = deadlineOf(r);
    if (r.key) e.key = true;
    if (!sameStatus(r.status, parsedStatus(r.parsed))) e.status = statusInput(r.status);
    if (Object.keys(e).length > 1) edits.push(e);
  }
  return edits;
}

function deadlineOf(r: Row): { due?: string; phrase?: string; kind: string } {
  if (!r.due) return { kind: 'none', phrase: r.parsed.deadline.phrase ?? undefined };
  // A date typed by hand is an exact date; the phrase the parser read stays for the record.
  return { due: r.due, phrase: r.parsed.deadline.phrase ?? undefined, kind: 'date' };
}

/** The body of POST /notices from the rows (used for .docx uploads, whose text the page does not hold). */
export function registerBody(
  rows: Row[],
  header: { number: string; issuedAt: string; title: string; leader?: string; historical?: boolean },
) {
  return {
    ...header,
    directives: rows
      .filter((r) => !r.drop)
      .map((r) => ({
        text: r.text.trim(),
        lead: r.lead,
        coordinators: r.coordinators,
        deadline: r.due !== (r.parsed.deadline.due ?? '') ? deadlineOf(r) : parsedDeadline(r.parsed),
        key: r.key,
        // A report row's status travels with the directive (an open row is sent as none at all).
        ...(r.status.kind !== 'open' ? { status: statusInput(r.status) } : {}),
      })),
  };
}

function parsedDeadline(d: ParsedDirective) {
  const { due, phrase, kind } = d.deadline;
  return { due: due ?? undefined, phrase: phrase ?? undefined, kind: due === null && kind !== 'recurring' ? 'none' : kind };
}

type RowField = 'lead' | 'coordinators' | 'text' | 'status';

/** Problems the page can see before sending: a directive with no lead or no text, a done row with no day. */
export function rowErrors(r: Row, today?: string): Partial<Record<RowField, string>> {
  if (r.drop) return {};
  const out: Partial<Record<RowField, string>> = {};
  if (r.lead.length === 0) out.lead = 'Chưa có cơ quan chủ trì: chọn cơ quan hoặc bỏ chỉ đạo này';
  if (!r.text.trim()) out.text = 'Nội dung không được để trống';
  if (r.status.kind === 'done' && !r.status.date) out.status = 'Nhập ngày hoàn thành (dd/mm/yyyy)';
  else if (r.status.kind === 'done' && today && r.status.date > today) out.status = 'Ngày hoàn thành không được sau hôm nay';
  return out;
}

/**
 * The names outside the catalogue still waiting for a catalogue entry on this row: none once the
 * preview mapped them, or once VPCP chose the lead by hand.
 */
export function unmappedLeads(r: Row) {
  const untouched = same(r.lead, [...parsedLead(r.parsed), ...Object.values(r.mapped)]);
  return untouched ? (r.parsed.unresolvedLead ?? []).filter((u) => !r.mapped[u.name]) : [];
}

/** The row with `code` as the lead for the name `name` stood for. */
export function mapLead(r: Row, name: string, code: string): Row {
  return { ...r, lead: r.lead.includes(code) ? r.lead : [...r.lead, code], mapped: { ...r.mapped, [name]: code } };
}

/** Rows the report says are done or in progress, for the summary. */
export function reportedCounts(rows: Row[]): { done: number; inProgress: number } {
  const kept = rows.filter((r) => !r.drop);
  return {
    done: kept.filter((r) => r.status.kind === 'done').length,
    inProgress: kept.filter((r) => r.status.kind === 'in_progress').length,
  };
}

/** Tasks a row will create (a group fans out into one per member). */
export function tasksOf(r: Row, index: AgencyIndex | undefined): number {
  return r.drop ? 0 : r.lead.reduce((m, c) => m + (index?.get(c)?.members?.length ?? 1), 0);
}

/** Tasks the registration will create, for the summary and the progress bar. */
export function expectedTasks(rows: Row[], index: AgencyIndex | undefined): number {
  return rows.reduce((n, r) => n + tasksOf(r, index), 0);
}
