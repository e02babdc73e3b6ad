import { AgencyHit } from './agency.port';
import { DeadlineContext, parseDeadlinePhrase } from './deadline.parser';
import { BuildSink, emitDirective } from './directive.emit';
import { DirectiveStatus } from './directive.types';
import { AgencyScope } from './document-scope';
import { NO_LEAD_IN_ROW } from './messages.vi';
import { readPostposedOwner } from './owner.resolver';
import { readStatus, statusFromProgress } from './report-status';
import { cleanCell, readAgencyCell } from './table-cell.reader';

/**
 * Task tables exported as tab-separated text (seed 000, appendices of decisions, plans and
 * reports): a header row whose first cell is TT/STT, then group rows numbered I, II, … and task
 * rows numbered 1, 2 (or "1."). Columns are recognised by their header, in any order and any
 * subset: content, lead, coordinators, time, product, result/status, note. A page break repeats
 * the header (and may leave a page number) and continues the row on a line whose first cell is
 * empty. Every task row is one directive; a result column gives its status.
 */

type Role = 'label' | 'content' | 'lead' | 'coordinators' | 'due' | 'product' | 'result' | 'note';

const HEADER_ROLES: Array<[RegExp, Role]> = [
  [/^(?:S?TT|Số TT|Số thứ tự)$/iu, 'label'],
  [/chủ trì/iu, 'lead'],
  [/phối hợp/iu, 'coordinators'],
  [/sản phẩm|dự kiến kết quả|kết quả dự kiến|hình thức/iu, 'product'],
  [/kết quả thực hiện|tình hình thực hiện|kết quả đạt được|kết quả đến|kết quả triển khai|^kết quả$/iu, 'result'],
  [/thời gian|thời hạn|tiến độ/iu, 'due'],
  [/ghi chú/iu, 'note'],
  [/nội dung|nhiệm vụ|công việc|tên /iu, 'content'],
];

type Columns = Partial<Record<Role, number>>;

interface Row {
  label: string;
  cells: string[];
  start: number;
  end: number;
}

interface TableState {
  index: number;
  columns: Columns;
  group: { label: string; owner: AgencyHit[] } | null;
  row: Row | null;
}

export interface TableContext {
  ctx: DeadlineContext;
  dir: AgencyScope;
  sink: BuildSink;
  /** The report's date: when a row's status was reported. */
  reportedOn: string | null;
}

const ROMAN = /^[IVXL]+\.?$/u;
const ROW_LABEL = /^\d{1,3}(?:\.\d{1,2})*\.?$/u;
const PAGE_NUMBER = /^\s*(?:Trang\s+)?\d{1,3}\s*$/u;

function readColumns(cells: string[]): Columns | null {
  if (!/^(?:S?TT|Số TT|Số thứ tự)$/iu.test(cells[0] ?? '')) return null;
  const columns: Columns = {};
  cells.forEach((c, i) => {
    const role = HEADER_ROLES.find(([re]) => re.test(c))?.[1];
    if (role && columns[role] === undefined) columns[role] = i;
  });
  return columns.content === undefined ? null : columns;
}

function cell(row: Row, i: number | undefined): string {
  return i === undefined ? '' : cleanCell(row.cells[i] ?? '');
}

const PROGRESS = /^(?:Đang|Hoàn thành|Đã hoàn thành|Chưa)(?![\p{L}])/u;

/** A result column gives the status; without one, a time column that reads "Hoàn thành/2024" does. */
function statusOf(row: Row, c: Columns, t: TableContext, due: string | null): DirectiveStatus | undefined {
  if (c.result !== undefined) return readStatus(cell(row, c.result), t.reportedOn, due);
  const progress = cell(row, c.due);
  return PROGRESS.test(progress) ? statusFromProgress(progress, cell(row, c.note), t.reportedOn, due) : undefined;
}

function emitRow(state: TableState, t: TableContext): void {
  const row = state.row;
  state.row = null;
  if (!row) return;
  const { columns: c, group } = state;
  const leadCell = readAgencyCell(cell(row, c.lead), t.dir);
  const lead = leadCell.hits.length || leadCell.unresolved.length ? leadCell : { hits: group?.owner ?? [], unresolved: [] };
  const deadline = parseDeadlinePhrase(cell(row, c.due), t.ctx);
  const prefix = state.index > 1 ? `PL${state.index}` : 'PL';
  emitDirective(
    {
      path: [prefix, group?.label, row.label.replace(/\.$/, '')].filter(Boolean).join('.'),
      text: cell(row, c.content),
      start: row.start,
      end: row.end,
      lead: lead.hits,
      unresolvedLead: lead.unresolved,
      coordinators: readAgencyCell(cell(row, c.coordinators), t.dir).hits,
      deadline,
      warnings: lead.hits.length || lead.unresolved.length ? [] : [NO_LEAD_IN_ROW],
      status: statusOf(row, c, t, deadline.due),
    },
    t.dir,
    t.sink,
  );
}

function appendContinuation(row: Row, cells: string[], end: number): void {
  cells.forEach((c, i) => {
    if (!c.trim()) return;
    row.cells[i] = row.cells[i] && row.cells[i].trim() ? `${row.cells[i].trim()} ${c.trim()}` : c;
  });
  row.end = end;
}

export function parseTabTables(source: string, t: TableContext): void {
  let state: TableState | null = null;
  let tables = 0;
  let offset = 0;
  for (const line of source.split('\n')) {
    const start = offset;
    offset += line.length + 1;
    if (!line.includes('\t')) {
      // A page number between two pages of one table does not end it.
      if (line.trim() && state && !PAGE_NUMBER.test(line)) {
        emitRow(state, t);
        state = null;
      }
      continue;
    }
    const cells = line.split('\t');
    const columns = /^\s*(?:S?TT|Số TT|Số thứ tự)\s*$/iu.test(cells[0]) ? readColumns(cells.map(cleanCell)) : null;
    if (columns) {
      if (!state) state = { index: (tables += 1), columns, group: null, row: null };
      continue;
    }
    if (!state) continue;
    const first = cleanCell(cells[0]);
    if (ROMAN.test(first)) {
      emitRow(state, t);
      const title = cleanCell(cells[state.columns.content ?? 1] ?? '');
      state.group = { label: first.replace(/\.$/u, ''), owner: readPostposedOwner(title, t.dir)?.hits ?? [] };
    } else if (ROW_LABEL.test(first)) {
      emitRow(state, t);
      state.row = { label: first, cells, start, end: start + line.length };
    } else if (!first && state.row) {
      appendContinuation(state.row, cells, start + line.length);
    }
  }
  if (state) emitRow(state, t);
}
