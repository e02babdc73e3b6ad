import { AgencyDirectory, AgencyHit } from './agency.port';
import { BuildSink, emitDirective } from './directive.builder';
import { DeadlineContext, parseDeadlinePhrase } from './deadline.parser';
import { readPostposedOwner } from './owner.resolver';
import { cleanCell, readAgencyCell } from './table-cell.reader';

/**
 * Appendix tables in the tab-separated layout of seed 000: a header row (TT, Nội dung công việc, Cơ
 * quan chủ trì, Thời gian hoàn thành, Kết quả thực hiện), group rows numbered I, II, …, task rows
 * numbered 1, 2, …; a page break repeats the header and continues the row on a line whose first
 * cells are empty. Every task row is one directive.
 */

interface Columns {
  content: number;
  lead: number;
  coordinators: number;
  due: number;
}

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

const ROMAN = /^[IVXL]+$/u;
const ROW_LABEL = /^\d{1,3}(?:\.\d{1,2})*\.?$/u;

function readColumns(cells: string[]): Columns | null {
  if (!/^S?TT$/iu.test(cells[0] ?? '')) return null;
  const find = (re: RegExp) => cells.findIndex((c) => re.test(c));
  const content = find(/nội dung|nhiệm vụ|công việc/iu);
  if (content < 0) return null;
  return { content, lead: find(/chủ trì/iu), coordinators: find(/phối hợp/iu), due: find(/thời gian|thời hạn|tiến độ/iu) };
}

function cell(row: Row, i: number): string {
  return i >= 0 ? cleanCell(row.cells[i] ?? '') : '';
}

function emitRow(state: TableState, ctx: DeadlineContext, dir: AgencyDirectory, sink: BuildSink): void {
  const row = state.row;
  state.row = null;
  if (!row) return;
  const { columns: c, group } = state;
  const text = cell(row, c.content);
  const leadCell = readAgencyCell(cell(row, c.lead), dir);
  const lead = leadCell.hits.length || leadCell.unresolved.length ? leadCell : { hits: group?.owner ?? [], unresolved: [] };
  const prefix = state.index > 1 ? `PL${state.index}` : 'PL';
  emitDirective(
    {
      path: [prefix, group?.label, row.label.replace(/\.$/, '')].filter(Boolean).join('.'),
      text,
      start: row.start,
      end: row.end,
      lead: lead.hits,
      unresolvedLead: lead.unresolved,
      coordinators: readAgencyCell(cell(row, c.coordinators), dir).hits,
      deadline: parseDeadlinePhrase(cell(row, c.due), ctx),
      warnings: lead.hits.length || lead.unresolved.length ? [] : ['table row names no lead agency'],
    },
    dir,
    sink,
  );
}

function appendContinuation(row: Row, cells: string[], end: number): void {
  cells.forEach((c, i) => {
    if (!c.trim()) return;
    row.cells[i] = row.cells[i] && row.cells[i].trim() ? `${row.cells[i].trim()} ${c.trim()}` : c;
  });
  row.end = end;
}

export function parseTabTables(source: string, ctx: DeadlineContext, dir: AgencyDirectory, sink: BuildSink): void {
  let state: TableState | null = null;
  let tables = 0;
  let offset = 0;
  for (const line of source.split('\n')) {
    const start = offset;
    offset += line.length + 1;
    if (!line.includes('\t')) {
      if (line.trim() && state) {
        emitRow(state, ctx, dir, sink);
        state = null;
      }
      continue;
    }
    const cells = line.split('\t');
    const columns = /^\s*S?TT\s*$/iu.test(cells[0]) ? readColumns(cells.map(cleanCell)) : null;
    if (columns) {
      if (!state) state = { index: (tables += 1), columns, group: null, row: null };
      continue;
    }
    if (!state) continue;
    const first = cleanCell(cells[0]);
    if (ROMAN.test(first)) {
      emitRow(state, ctx, dir, sink);
      const title = cleanCell(cells[state.columns.content] ?? '');
      state.group = { label: first, owner: readPostposedOwner(title, dir)?.hits ?? [] };
    } else if (ROW_LABEL.test(first)) {
      emitRow(state, ctx, dir, sink);
      state.row = { label: first, cells, start, end: start + line.length };
    } else if (!first && state.row) {
      appendContinuation(state.row, cells, start + line.length);
    }
  }
  if (state) emitRow(state, ctx, dir, sink);
}
