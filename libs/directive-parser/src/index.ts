import { AgencyCatalogue } from '@tdnv/agencies';
import { WorkingDayCalendar } from '@tdnv/calendar';
import { agencyDirectory } from './agency.adapter';
import { AgencyDirectory } from './agency.port';
import { calendarPort } from './calendar.adapter';
import { DeadlineCalendar } from './calendar.port';
import { parseWith } from './directive.parser';
import { ParseResult } from './directive.types';

export * from './directive.types';
export type { AgencyDirectory } from './agency.port';
export type { DeadlineCalendar } from './calendar.port';
export { parseDeadlinePhrase } from './deadline.parser';
export { agencyDirectory } from './agency.adapter';
export { calendarPort } from './calendar.adapter';
export { parseWith } from './directive.parser';

export interface ParseOptions {
  /** Issue date (YYYY-MM-DD) used for relative and recurring deadlines; default: the header's date line. */
  issuedAt?: string;
  catalogue?: AgencyCatalogue;
  calendar?: WorkingDayCalendar;
}

// Building the alias index is the costly part of a catalogue; the default one is built once, and
// one given (immutable, e.g. the API's catalogue with its recorded units) once per instance.
let defaultDirectory: AgencyDirectory | undefined;
const directories = new WeakMap<AgencyCatalogue, AgencyDirectory>();
let defaultCalendarPort: DeadlineCalendar | undefined;

/** Parses the text of a notice into its directives (see directive.types.ts). Pure and deterministic. */
export function parse(text: string, options: ParseOptions = {}): ParseResult {
  const directory = options.catalogue ? directoryOf(options.catalogue) : (defaultDirectory ??= agencyDirectory());
  const calendar = options.calendar ? calendarPort(options.calendar) : (defaultCalendarPort ??= calendarPort());
  return parseWith(text, { directory, calendar, issuedAt: options.issuedAt ?? null });
}

function directoryOf(catalogue: AgencyCatalogue): AgencyDirectory {
  let directory = directories.get(catalogue);
  if (!directory) directories.set(catalogue, (directory = agencyDirectory(catalogue)));
  return directory;
}
