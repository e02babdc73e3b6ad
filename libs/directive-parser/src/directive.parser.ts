import { AgencyDirectory } from './agency.port';
import { parseColumnTables } from './appendix-columns.parser';
import { TableContext, parseTabTables } from './appendix-table.parser';
import { DeadlineCalendar } from './calendar.port';
import { DeadlineContext } from './deadline.parser';
import { buildUnitDirectives, newSink } from './directive.builder';
import { ParseResult } from './directive.types';
import { findBodyEnd, findHeaderEnd } from './document-regions';
import { scoped } from './document-scope';
import { isMarker, readMarker } from './list-marker';
import { readNoticeHeader } from './notice-header.parser';
import { joinPageBreaks, readParagraphs } from './paragraph.reader';
import { readUnits } from './structure.parser';

/** The resolved dependencies of one parse: a catalogue and a working-day calendar, both pure. */
export interface ParserDependencies {
  directory: AgencyDirectory;
  calendar: DeadlineCalendar;
  /** Issue date given by the caller; wins over the header's date line. */
  issuedAt?: string | null;
}

/** A short item whose text ends without punctuation is a heading ("b) Bộ Thông tin và Truyền thông"). */
function isHeading(text: string): boolean {
  const m = readMarker(text);
  if (!m || m.kind === 'dash' || m.kind === 'plus') return false;
  const rest = text.slice(m.length).trim();
  return rest.split(/\s+/).length <= 15 && !/[.;:!?]$/u.test(rest);
}

/**
 * Parses a Thông báo kết luận, Chỉ thị, Công điện, Quyết định, Công văn, Kế hoạch or report into
 * directives: the header gives the kind and the scope agency names are read in (issuer, the
 * province a notice is about, the addressees), the body gives prose directives, and task tables
 * give one directive per row. Pure: the same text and dependencies always give the same result.
 * Spans index the text after Unicode NFC normalization and CRLF → LF (identical for ordinary
 * UTF-8 input).
 */
export function parseWith(input: string, deps: ParserDependencies): ParseResult {
  const text = input.normalize('NFC').replace(/\r\n?/g, '\n');
  const paragraphs = readParagraphs(text);
  const headerEnd = findHeaderEnd(paragraphs);
  const bodyEnd = findBodyEnd(paragraphs, headerEnd);
  const { notice, scope } = readNoticeHeader(paragraphs.slice(0, headerEnd), paragraphs, deps.directory, deps.issuedAt ?? null, bodyEnd);
  const dir = scoped(deps.directory, scope);
  const ctx: DeadlineContext = { issuedAt: notice.issuedAt, calendar: deps.calendar };
  // Tables first: a report or a plan with a task table gives its tasks there and nowhere else.
  const tables: TableContext = { ctx, dir, sink: newSink(), reportedOn: notice.kind === 'bao_cao' ? notice.issuedAt : null };
  // Most notices have no appendix: look for the table layouts' marks before reading line by line.
  if (text.includes('\t')) parseTabTables(text, tables);
  if (/^[ \t]*TT[ \t]*$/m.test(text)) parseColumnTables(text, tables);
  const sink = newSink();
  const body = joinPageBreaks(paragraphs.slice(headerEnd, bodyEnd), isMarker, isHeading);
  const context = { kind: notice.kind, hasTaskTable: tables.sink.directives.length > 0 };
  for (const unit of readUnits(body, dir)) buildUnitDirectives(unit, ctx, dir, sink, context);
  return {
    notice,
    directives: [...sink.directives, ...tables.sink.directives],
    unresolved: [...sink.unresolved, ...tables.sink.unresolved],
    skipped: sink.skipped,
  };
}
