import { AgencyHit } from './agency.port';
import { TableContext } from './appendix-table.parser';
import { parseDeadlinePhrase } from './deadline.parser';
import { emitDirective } from './directive.emit';
import { AgencyScope } from './document-scope';
import { NO_LEAD_IN_ROW } from './messages.vi';
import { readOwnerHeading, readPostposedOwner } from './owner.resolver';
import { statusFromProgress } from './report-status';

/**
 * Appendix tables flattened by a PDF extractor one cell line at a time (seed 004): a "TT" line and
 * the header cells, then each row as "N <first words>" followed by the lines of every column in
 * turn. Columns are found by what they contain: the progress/deadline cell ("Đang thực hiện/2025",
 * "Hoàn thành/2023", "Thường xuyên") and, when the header has a "Cơ quan chủ trì" column, the
 * agency name just before it. Without that column the lead comes from the group heading
 * ("I. Các nhiệm vụ, giải pháp do Bộ Thông tin và Truyền thông chủ trì").
 */

interface Line {
  text: string;
  start: number;
  end: number;
}

const STATUS_START = /^(?:Đang|Hoàn|Chưa|Thường|Đã)(?![\p{L}])/u;
/** A status cell glued to the result on one line: "Hoàn thành Đã hoàn thành tại địa chỉ: …". */
const STATUS_THEN_TEXT =
  /^((?:Đang thực hiện|Hoàn thành|Chưa thực hiện|Chưa triển khai|Thường xuyên|Đã hoàn thành)(?:\/\S+)?)\s+(\p{Lu}.*)$/u;
const STATUS_FULL =
  /^(?:Đang thực hiện|Đang nghiên cứu(?: thực hiện)?|Đang triển khai|Hoàn thành|Chưa thực hiện|Chưa triển khai|Thường xuyên|Đã hoàn thành)(?:\/(?:\d{4}(?:[-–]\d{4})?|Hàng năm|Hằng năm|Thường xuyên))?$/u;
const GROUP = /^([IVX]+)\.\s+(.+)$/u;
const HEADER_LAST = /^Kết quả/u;
/** Words that start a task-column line although they are capitalised (proper nouns). */
const PROPER_START =
  /^(?:Chính phủ|Trung ương|Nhà nước|Việt Nam|Internet|Đảng|Bộ|Quốc|Thủ tướng|Mạng Truyền|Cổng|Nền tảng|Hệ thống thông tin|Cơ sở dữ liệu|Luật|Nghị|Quyết|AI|VR|Big|Data|QR|Chiến lược)/u;

function readLines(source: string): Line[] {
  const out: Line[] = [];
  let offset = 0;
  for (const raw of source.split('\n')) {
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text) out.push({ text, start: offset + lead, end: offset + lead + text.length });
    offset += raw.length + 1;
  }
  return out;
}

function joinCell(lines: Line[]): string {
  return lines
    .map((l) => l.text)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "Đang thực / hiện/2021- / 2025" → "Đang thực hiện/2021-2025". */
function joinStatus(lines: Line[]): string {
  return joinCell(lines).replace(/\s*([-–/])\s*/gu, '$1');
}

/** Index after the header block that starts at `i` ("TT" … "Kết quả …"), or -1. */
function headerEnd(lines: Line[], i: number): number {
  if (lines[i]?.text !== 'TT') return -1;
  for (let j = i + 1; j < Math.min(lines.length, i + 16); j += 1) if (HEADER_LAST.test(lines[j].text)) return j + 1;
  return -1;
}

/** The status cell: the longest run of lines from `s` that reads as one complete status. */
function statusAt(lines: Line[], s: number): number {
  if (!STATUS_START.test(lines[s].text)) return 0;
  let best = 0;
  for (let k = 1; k <= 4 && s + k <= lines.length; k += 1) if (STATUS_FULL.test(joinStatus(lines.slice(s, s + k)))) best = k;
  return best;
}

/** The lead cell just before the status: the longest run of lines that is exactly agency names. */
function leadBefore(lines: Line[], s: number, dir: AgencyScope): { from: number; hits: AgencyHit[] } | null {
  for (let k = Math.max(1, s - 5); k < s; k += 1) {
    const list = readOwnerHeading(joinCell(lines.slice(k, s)), dir);
    if (list) return { from: k, hits: list.hits };
  }
  return null;
}

const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * Where the "Dự kiến kết quả" column starts inside the lines before the status (heuristic): a
 * capitalised line that is not a proper name, or the first line from which the rest repeats the
 * task's own words ("Xây dựng Cổng dữ liệu quốc gia" / "Cổng dữ liệu quốc gia").
 */
function expectedResultStart(lines: Line[], s: number): number {
  const lineWords = lines.slice(0, s).map((l) => words(l.text));
  const task = new Set(lineWords[0] ?? []);
  for (let k = 1; k < s; k += 1) {
    if (/^\p{Lu}/u.test(lines[k].text)) {
      if (repeatsTask(lineWords, k, task)) return k;
      if (k >= 2 && !PROPER_START.test(lines[k].text) && !/[,(]$/u.test(lines[k - 1].text)) return k;
    }
    for (const w of lineWords[k]) task.add(w);
  }
  return s;
}

/** The lines from `k` only restate the task's own words (`task`: the words of the lines before `k`). */
function repeatsTask(lineWords: string[][], k: number, task: Set<string>): boolean {
  let count = 0;
  for (let i = k; i < lineWords.length; i += 1) {
    for (const w of lineWords[i]) if (!task.has(w)) return false;
    count += lineWords[i].length;
  }
  return count >= 3;
}

interface RowState {
  label: string;
  lines: Line[];
  /** Index in `lines` where a page break (a repeated header) fell inside the row. */
  breakAt?: number;
}

export function parseColumnTables(source: string, t: TableContext): void {
  const dir = t.dir;
  const lines = readLines(source);
  let group: { label: string; owner: AgencyHit[] } | null = null;
  let hasLead = false;
  let inTable = false;
  let row: RowState | null = null;
  let expected = 1;
  const flush = () => {
    if (row && group !== undefined) emitRow(row, group, hasLead, t);
    row = null;
  };
  for (let i = 0; i < lines.length; i += 1) {
    const text = lines[i].text;
    const hEnd = headerEnd(lines, i);
    if (hEnd > 0) {
      hasLead = /chủ trì/iu.test(joinCell(lines.slice(i, hEnd)));
      inTable = true;
      if (row) (row as RowState).breakAt ??= (row as RowState).lines.length;
      i = hEnd - 1;
      continue;
    }
    const g = GROUP.exec(text);
    if (g && (inTable || lines[i + 1]?.text === 'TT')) {
      flush();
      group = { label: g[1], owner: readPostposedOwner(g[2], dir)?.hits ?? [] };
      expected = 1;
      continue;
    }
    if (!inTable) continue;
    const n = /^(\d{1,3})(?:\s+(.*))?$/u.exec(text);
    if (n && Number(n[1]) === expected) {
      flush();
      expected += 1;
      const first = n[2] ? [{ text: n[2], start: lines[i].end - n[2].length, end: lines[i].end }] : [];
      row = { label: n[1], lines: first };
      continue;
    }
    // A bare page number before a repeated header is not content.
    if (/^\d{1,3}$/u.test(text) && lines[i + 1]?.text === 'TT') continue;
    if (row) (row as RowState).lines.push(lines[i]);
  }
  flush();
}

/** A status line with the result glued after it is read as two lines. */
function splitGluedStatus(lines: Line[]): Line[] {
  return lines.flatMap((l) => {
    const m = STATUS_THEN_TEXT.exec(l.text);
    if (!m) return [l];
    const cut = l.start + m[1].length;
    return [
      { text: m[1], start: l.start, end: cut },
      { text: m[2], start: l.end - m[2].length, end: l.end },
    ];
  });
}

function emitRow(row: RowState, group: { label: string; owner: AgencyHit[] } | null, hasLead: boolean, t: TableContext): void {
  const lines = splitGluedStatus(row.lines);
  let s = lines.findIndex((_, k) => statusAt(lines, k) > 0);
  const statusLen = s >= 0 ? statusAt(lines, s) : 0;
  if (s < 0) s = lines.length;
  const lead = hasLead ? leadBefore(lines, s, t.dir) : null;
  const taskEnd = lead ? lead.from : hasLead ? s : expectedResultStart(lines, s);
  const taskLines = lines.slice(0, taskEnd);
  let resultLines = lines.slice(s + statusLen);
  // A page break right after the status, before any result: what follows ends the task's text
  // ("… theo quy định tại Luật" / "An ninh mạng").
  const shift = row.breakAt !== undefined && row.breakAt !== row.lines.length ? row.lines.length - row.breakAt : 0;
  if (shift && resultLines.length === shift && !/[.;:]$/u.test(taskLines[taskLines.length - 1]?.text ?? '.')) {
    taskLines.push(...resultLines);
    resultLines = [];
  }
  const leadHits = lead ? lead.hits : (group?.owner ?? []);
  const statusCell = joinStatus(lines.slice(s, s + statusLen));
  const deadline = parseDeadlinePhrase(statusCell, t.ctx);
  emitDirective(
    {
      path: ['PL', group?.label, row.label].filter(Boolean).join('.'),
      text: joinCell(taskLines),
      start: taskLines[0]?.start ?? 0,
      end: lines[lines.length - 1]?.end ?? 0,
      lead: leadHits,
      unresolvedLead: [],
      coordinators: [],
      deadline,
      warnings: leadHits.length ? [] : [NO_LEAD_IN_ROW],
      status: statusFromProgress(statusCell, joinCell(resultLines), t.reportedOn, deadline.due),
    },
    t.dir,
    t.sink,
  );
}
