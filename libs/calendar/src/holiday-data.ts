import { CalendarDataError } from './calendar.errors';
import { dayOfWeek, isLocalDate, LocalDate } from './local-date';

/**
 * Shape of vn-holidays.data.json, and its validation. The file is edited by hand when the
 * Government announces a year's schedule, so every rule a reviewer would check is checked here.
 */
export type DayOffKind = 'holiday' | 'compensatory' | 'swap' | 'extra';

export interface DayOff {
  date: LocalDate;
  name: string;
  /** holiday: ngày lễ, Tết by law; compensatory: nghỉ bù; swap: hoán đổi (see makeUpOn); extra: one-off. */
  kind: DayOffKind;
  /** For a swap: the Saturday worked instead (ngày làm bù). */
  makeUpOn?: LocalDate;
  note?: string;
}

export interface HolidayYear {
  provisional: boolean;
  confidence: 'high' | 'medium' | 'low';
  sources: string[];
  notes?: string;
  daysOff: DayOff[];
}

export interface HolidayData {
  years: Record<string, HolidayYear>;
}

/** A make-up working day, derived from the swap that it pays back. */
export interface MakeUpDay {
  date: LocalDate;
  forDate: LocalDate;
  name: string;
}

const KINDS: readonly DayOffKind[] = ['holiday', 'compensatory', 'swap', 'extra'];
const CONFIDENCE = ['high', 'medium', 'low'];

/** Checks untyped JSON and returns it typed; throws CalendarDataError listing every problem. */
export function parseHolidayData(json: unknown): HolidayData {
  const problems: string[] = [];
  const years = isRecord(json) && isRecord(json['years']) ? json['years'] : undefined;
  if (!years) throw new CalendarDataError(['top level must be an object with a "years" object']);
  const seen = new Map<LocalDate, string>();
  for (const [year, value] of Object.entries(years)) {
    if (!/^\d{4}$/.test(year)) problems.push(`year key ${JSON.stringify(year)} is not YYYY`);
    checkYear(year, value, seen, problems);
  }
  if (problems.length > 0) throw new CalendarDataError(problems);
  return json as unknown as HolidayData;
}

/** All make-up Saturdays of the data, each tied to the swapped day it pays back. */
export function makeUpDaysOf(data: HolidayData): MakeUpDay[] {
  return Object.values(data.years).flatMap((y) =>
    y.daysOff.flatMap((d) => (d.makeUpOn ? [{ date: d.makeUpOn, forDate: d.date, name: `Làm bù cho ngày ${d.date}` }] : [])),
  );
}

function checkYear(year: string, value: unknown, seen: Map<LocalDate, string>, problems: string[]): void {
  const at = (what: string) => `${year}: ${what}`;
  if (!isRecord(value)) return void problems.push(at('must be an object'));
  if (typeof value['provisional'] !== 'boolean') problems.push(at('"provisional" must be true or false'));
  if (!CONFIDENCE.includes(value['confidence'] as string)) problems.push(at('"confidence" must be high, medium or low'));
  const sources = value['sources'];
  if (!Array.isArray(sources) || sources.length === 0 || !sources.every((s) => typeof s === 'string')) {
    problems.push(at('"sources" must be a non-empty list of strings'));
  }
  const daysOff = value['daysOff'];
  if (!Array.isArray(daysOff)) return void problems.push(at('"daysOff" must be a list'));
  daysOff.forEach((entry, i) => checkDayOff(entry, at(`daysOff[${i}]`), seen, problems));
}

function checkDayOff(entry: unknown, at: string, seen: Map<LocalDate, string>, problems: string[]): void {
  if (!isRecord(entry)) return void problems.push(`${at} must be an object`);
  const { date, name, kind, makeUpOn } = entry;
  if (!isLocalDate(date)) return void problems.push(`${at}: date ${JSON.stringify(date)} is not a real YYYY-MM-DD date`);
  claim(date, at, seen, problems);
  if (typeof name !== 'string' || name.trim() === '') problems.push(`${at} (${date}): "name" is required`);
  if (!KINDS.includes(kind as DayOffKind)) problems.push(`${at} (${date}): kind must be one of ${KINDS.join(', ')}`);
  const weekend = isWeekend(date);
  // Nghỉ bù and hoán đổi only make sense on a day that would otherwise be worked.
  if ((kind === 'compensatory' || kind === 'swap') && weekend) problems.push(`${at} (${date}): a ${kind} day must be a weekday`);
  if (kind === 'swap') {
    if (!isLocalDate(makeUpOn)) return void problems.push(`${at} (${date}): a swap needs "makeUpOn" (the Saturday worked)`);
    if (!isWeekend(makeUpOn)) problems.push(`${at} (${date}): makeUpOn ${makeUpOn} must be a Saturday or Sunday`);
    claim(makeUpOn, `${at}.makeUpOn`, seen, problems);
  } else if (makeUpOn !== undefined) {
    problems.push(`${at} (${date}): only a swap has "makeUpOn"`);
  }
}

/** A date may appear once in the whole file: a day cannot be both off and a make-up day, or off twice. */
function claim(date: LocalDate, at: string, seen: Map<LocalDate, string>, problems: string[]): void {
  const first = seen.get(date);
  if (first) problems.push(`${at}: ${date} already appears at ${first}`);
  else seen.set(date, at);
}

function isWeekend(date: LocalDate): boolean {
  const d = dayOfWeek(date);
  return d === 0 || d === 6;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
