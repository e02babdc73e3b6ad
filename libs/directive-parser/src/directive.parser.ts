import { AgencyDirectory } from './agency.port';
import { parseColumnTables } from './appendix-columns.parser';
import { parseTabTables } from './appendix-table.parser';
import { DeadlineCalendar } from './calendar.port';
import { DeadlineContext } from './deadline.parser';
import { BuildSink, buildUnitDirectives } from './directive.builder';
import { ParseResult } from './directive.types';
import { findBodyEnd, findHeaderEnd } from './document-regions';
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
 * Parses a Thông báo kết luận, Chỉ thị, Công văn or report with an appendix table into directives.
 * Pure: the same text and dependencies always give the same result. Spans index the text after
 * Unicode NFC normalization and CRLF → LF (identical for ordinary UTF-8 input).
 */
export function parseWith(input: string, deps: ParserDependencies): ParseResult {
  const text = input.normalize('NFC').replace(/\r\n?/g, '\n');
  const paragraphs = readParagraphs(text);
  const headerEnd = findHeaderEnd(paragraphs);
  const bodyEnd = findBodyEnd(paragraphs, headerEnd);
  const notice = readNoticeHeader(paragraphs.slice(0, headerEnd), paragraphs, deps.directory, deps.issuedAt ?? null);
  const ctx: DeadlineContext = { issuedAt: notice.issuedAt, calendar: deps.calendar };
  const sink: BuildSink = { directives: [], unresolved: [] };
  const body = joinPageBreaks(paragraphs.slice(headerEnd, bodyEnd), isMarker, isHeading);
  for (const unit of readUnits(body, deps.directory)) buildUnitDirectives(unit, ctx, deps.directory, sink);
  // Most notices have no appendix: look for the table layouts' marks before reading line by line.
  if (text.includes('\t')) parseTabTables(text, ctx, deps.directory, sink);
  if (/^[ \t]*TT[ \t]*$/m.test(text)) parseColumnTables(text, ctx, deps.directory, sink);
  return { notice, directives: sink.directives, unresolved: sink.unresolved, skipped: [] };
}
