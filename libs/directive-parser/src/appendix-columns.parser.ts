import { AgencyDirectory, AgencyHit } from './agency.port';
import { DeadlineContext, parseDeadlinePhrase } from './deadline.parser';
import { BuildSink, emitDirective } from './directive.builder';
import { readOwnerHeading, readPostposedOwner } from './owner.resolver';

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
const STATUS_FULL =
  /^(?:Đang thực hiện|Đang nghiên cứu(?: thực hiện)?|Đang triển khai|Hoàn thành|Chưa thực hiện|Chưa triển khai|Thường xuyên|Đã hoàn thành)(?:\/(?:\d{4}(?:[-–]\d{4})?|Hàng năm|Hằng năm|Thường xuyên))?$/u;
const GROUP = /^([IVX]+)\.\s+(.+)$/u;
const HEADER_LAST = /^Kết quả/u;
/** Words that start a task-column line although they are capitalised (proper nouns). */
const PROPER_START = /^(?:Chính phủ|Trung ương|Nhà nước|Việt Nam|Internet|Đảng|Bộ|Quốc|Thủ tướng|Mạng Truyền|Cổng|Nền tảng|Hệ thống thông tin|Cơ sở dữ liệu|Luật|Nghị|Quyết|AI|VR|Big|Data|QR|Chiến lược)/u;

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
function leadBefore(lines: Line[], s: number, dir: AgencyDirectory): { from: number; hits: AgencyHit[] } | null {
  for (let k = Math.max(1, s - 5); k < s; k += 1) {
    const list = readOwnerHeading(joinCell(lines.slice(k, s)), dir);
    if (list) return { from: k, hits: list.hits };
  }
  return null;
}

/** Where the "Dự kiến kết quả" column starts inside the lines before the status (heuristic). */
function expectedResultStart(lines: Line[], s: number): number {
  for (let k = 2; k < s; k += 1) {
    const prev = lines[k - 1].text;
    if (/^\p{Lu}/u.test(lines[k].text) && !PROPER_START.test(lines[k].text) && !/[,(]$/u.test(prev)) return k;
  }
  return s;
}

interface RowState {
  label: string;
  lines: Line[];
}

export function parseColumnTables(source: string, ctx: DeadlineContext, dir: AgencyDirectory, sink: BuildSink): void {
  const lines = readLines(source);
  let group: { label: string; owner: AgencyHit[] } | null = null;
  let hasLead = false;
  let inTable = false;
  let row: RowState | null = null;
  let expected = 1;
  const flush = () => {
    if (row && group !== undefined) emitRow(row, group, hasLead, ctx, dir, sink);
    row = null;
  };
  for (let i = 0; i < lines.length; i += 1) {
    const text = lines[i].text;
    const hEnd = headerEnd(lines, i);
    if (hEnd > 0) {
      hasLead = /chủ trì/iu.test(joinCell(lines.slice(i, hEnd)));
      inTable = true;
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

function emitRow(
  row: RowState,
  group: { label: string; owner: AgencyHit[] } | null,
  hasLead: boolean,
  ctx: DeadlineContext,
  dir: AgencyDirectory,
  sink: BuildSink,
): void {
  const { lines } = row;
  let s = lines.findIndex((_, k) => statusAt(lines, k) > 0);
  const statusLen = s >= 0 ? statusAt(lines, s) : 0;
  if (s < 0) s = lines.length;
  const lead = hasLead ? leadBefore(lines, s, dir) : null;
  const taskEnd = lead ? lead.from : hasLead ? s : expectedResultStart(lines, s);
  const taskLines = lines.slice(0, taskEnd);
  const leadHits = lead ? lead.hits : group?.owner ?? [];
  emitDirective(
    {
      path: ['PL', group?.label, row.label].filter(Boolean).join('.'),
      text: joinCell(taskLines),
      start: taskLines[0]?.start ?? 0,
      end: lines[lines.length - 1]?.end ?? 0,
      lead: leadHits,
      unresolvedLead: [],
      coordinators: [],
      deadline: parseDeadlinePhrase(joinStatus(lines.slice(s, s + statusLen)), ctx),
      warnings: leadHits.length ? [] : ['table row names no lead agency'],
    },
    dir,
    sink,
  );
}
