import { InvalidTimeZoneError } from './calendar.errors';
import { addDays, fromDayNumber, LocalDate, toDayNumber } from './local-date';

/**
 * Instants ↔ local dates in the deadline time zone. Asia/Ho_Chi_Minh is UTC+7 without DST, but the
 * zone is configuration (TZ_DEADLINES), so everything goes through Intl and works for any IANA zone.
 */
export const DEFAULT_DEADLINE_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const MS_PER_DAY = 86_400_000;
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** TZ_DEADLINES, validated, or Asia/Ho_Chi_Minh when unset or blank. */
export function deadlineTimeZone(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const configured = env['TZ_DEADLINES']?.trim();
  const zone = configured ? configured : DEFAULT_DEADLINE_TIME_ZONE;
  formatterFor(zone);
  return zone;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The local calendar date of an instant in a zone. */
export function localDateOf(instant: Date, timeZone: string = DEFAULT_DEADLINE_TIME_ZONE): LocalDate {
  const ms = instantMs(instant);
  return fromDayNumber(Math.floor((ms + offsetMs(ms, timeZone)) / MS_PER_DAY));
}

/**
 * The instant when the wall clock in `timeZone` shows `time` ('HH:mm') on `date`, e.g. the 08:00
 * reminder. Across a DST change it behaves like Temporal's 'compatible' choice: a time skipped by
 * the spring-forward gap moves forward by the gap; a repeated time takes its earlier occurrence.
 */
export function instantAt(date: LocalDate, time: string, timeZone: string = DEFAULT_DEADLINE_TIME_ZONE): Date {
  const m = HH_MM.exec(time);
  if (!m) throw new RangeError(`time must be HH:mm (00:00–23:59), got ${JSON.stringify(time)}`);
  const wallMs = toDayNumber(date) * MS_PER_DAY + (Number(m[1]) * 60 + Number(m[2])) * 60_000;
  // Real zones change offset at most once within a day, so the offsets a day either side are the
  // only candidates; a candidate is valid when the zone really has that offset at that instant.
  const before = offsetMs(wallMs - MS_PER_DAY, timeZone);
  const after = offsetMs(wallMs + MS_PER_DAY, timeZone);
  const valid = [wallMs - before, wallMs - after].filter((t) => wallMs - t === offsetMs(t, timeZone));
  if (valid.length > 0) return new Date(Math.min(...valid));
  return new Date(wallMs - before);
}

/** First instant of the day in the zone (00:00, or the first existing time if midnight is skipped). */
export function startOfDayInstant(date: LocalDate, timeZone: string = DEFAULT_DEADLINE_TIME_ZONE): Date {
  return instantAt(date, '00:00', timeZone);
}

/**
 * The end of a due day: the first instant of the next local day. A task due on D is on time
 * strictly before this instant and overdue from it on (00:00 of D+1 local).
 */
export function endOfDayInstant(date: LocalDate, timeZone: string = DEFAULT_DEADLINE_TIME_ZONE): Date {
  return startOfDayInstant(addDays(date, 1), timeZone);
}

/** Offset of the zone from UTC at an instant, in milliseconds (+7 h for Asia/Ho_Chi_Minh). */
export function offsetMs(instant: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(instant));
  const field = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value ?? NaN);
  const wall = Date.UTC(field('year'), field('month') - 1, field('day'), field('hour') % 24, field('minute'), field('second'));
  // Intl has second precision; drop the instant's milliseconds so the difference is exact.
  return wall - Math.floor(instant / 1000) * 1000;
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new InvalidTimeZoneError(timeZone);
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function instantMs(instant: Date): number {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('instant is an invalid Date');
  return ms;
}
