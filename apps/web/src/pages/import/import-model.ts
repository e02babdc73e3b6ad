import { AgencyIndex } from '../../api/agencies';
import { ParsedDirective, ParseResult } from '../../api/types';

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
  parsed: ParsedDirective;
}

/** A group lead (all ministries…) is kept as its group code so it fans out on registration. */
const parsedLead = (d: ParsedDirective): string[] => (d.fanout ? [d.fanout] : d.lead.map((a) => a.code));
const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export function toRows(directives: ParsedDirective[]): Row[] {
  return directives.map((d) => ({
    path: d.path,
    text: d.text,
    lead: parsedLead(d),
    coordinators: d.coordinators.map((a) => a.code),
    due: d.deadline.due ?? '',
    drop: false,
    key: false,
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
      })),
  };
}

function parsedDeadline(d: ParsedDirective) {
  const { due, phrase, kind } = d.deadline;
  return { due: due ?? undefined, phrase: phrase ?? undefined, kind: due === null && kind !== 'recurring' ? 'none' : kind };
}

/** Problems the page can see before sending: a directive with no lead or no text. */
export function rowErrors(r: Row): Partial<Record<'lead' | 'coordinators' | 'text', string>> {
  if (r.drop) return {};
  const out: Partial<Record<'lead' | 'coordinators' | 'text', string>> = {};
  if (r.lead.length === 0) out.lead = 'Chưa có cơ quan chủ trì: chọn cơ quan hoặc bỏ chỉ đạo này';
  if (!r.text.trim()) out.text = 'Nội dung không được để trống';
  return out;
}

/** Tasks a row will create (a group fans out into one per member). */
export function tasksOf(r: Row, index: AgencyIndex | undefined): number {
  return r.drop ? 0 : r.lead.reduce((m, c) => m + (index?.get(c)?.members?.length ?? 1), 0);
}

/** Tasks the registration will create, for the summary and the progress bar. */
export function expectedTasks(rows: Row[], index: AgencyIndex | undefined): number {
  return rows.reduce((n, r) => n + tasksOf(r, index), 0);
}
