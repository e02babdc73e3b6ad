import { InvalidLocalDateError } from './calendar.errors';

/**
 * A calendar date without time or zone, written 'YYYY-MM-DD'. A plain string on purpose: dates
 * travel through events, JSON and SQL as text, and the calendar validates at its entry points.
 */
export type LocalDate = string;

/** 0 = Sunday (Chủ nhật) … 6 = Saturday (thứ Bảy), the same numbering as Date#getUTCDay. */
export type DayOfWeek = 0 | 1 | 2 | 3 | 4 | 5 | 6;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** True for a real calendar date written YYYY-MM-DD (rejects 2024-02-30 and 2023-02-29). */
export function isLocalDate(value: unknown): value is LocalDate {
  return typeof value === 'string' && dayNumberOrUndefined(value) !== undefined;
}

/** The date itself when valid, otherwise undefined. */
export function parseLocalDate(text: string): LocalDate | undefined {
  return isLocalDate(text) ? text : undefined;
}

/** The date itself when valid; throws InvalidLocalDateError otherwise. */
export function toLocalDate(text: unknown): LocalDate {
  if (!isLocalDate(text)) throw new InvalidLocalDateError(text);
  return text;
}

/** Builds a date from numbers (month 1–12); throws on an impossible date such as (2024, 2, 30). */
export function localDate(year: number, month: number, day: number): LocalDate {
  return toLocalDate(`${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/**
 * Same day n months later, clamped to the month's last day (2024-01-31 + 1 month = 2024-02-29),
 * as for "định kỳ 6 tháng".
 */
export function addMonths(date: LocalDate, months: number): LocalDate {
  if (!Number.isInteger(months)) throw new RangeError(`months must be an integer, got ${months}`);
  toDayNumber(date);
  const [y, m, d] = [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
  const index = y * 12 + (m - 1) + months;
  const [year, month] = [Math.floor(index / 12), (index % 12) + 1];
  const last = Number(lastDayOfMonth(year, month).slice(8, 10));
  return localDate(year, month, Math.min(d, last));
}

/** Calendar days from a to b (negative when b is before a). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

export function dayOfWeek(date: LocalDate): DayOfWeek {
  return dayOfWeekOfDayNumber(toDayNumber(date));
}

export function compareLocalDates(a: LocalDate, b: LocalDate): -1 | 0 | 1 {
  return Math.sign(toDayNumber(a) - toDayNumber(b)) as -1 | 0 | 1;
}

export function yearOf(date: LocalDate): number {
  toDayNumber(date);
  return Number(date.slice(0, 4));
}

/** "trong tháng 6 năm 2020" → 2020-06-30 (a period means its last day). */
export function lastDayOfMonth(year: number, month: number): LocalDate {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`month must be 1–12, got ${month}`);
  // Day 0 of the next month is the last day of this one.
  return fromDayNumber(Math.floor(Date.UTC(year, month, 0) / MS_PER_DAY));
}

/** "Quý I/2021" → 2021-03-31. */
export function endOfQuarter(year: number, quarter: number): LocalDate {
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) {
    throw new RangeError(`quarter must be 1–4, got ${quarter}`);
  }
  return lastDayOfMonth(year, quarter * 3);
}

/** "trong năm 2020" → 2020-12-31. */
export function endOfYear(year: number): LocalDate {
  return lastDayOfMonth(year, 12);
}

/**
 * Days since 1970-01-01. The calendar walks integers rather than strings in its loops.
 * Throws InvalidLocalDateError on a malformed or impossible date.
 */
export function toDayNumber(date: LocalDate): number {
  const n = dayNumberOrUndefined(date);
  if (n === undefined) throw new InvalidLocalDateError(date);
  return n;
}

export function fromDayNumber(dayNumber: number): LocalDate {
  if (!Number.isInteger(dayNumber)) throw new RangeError(`day number must be an integer, got ${dayNumber}`);
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

export function dayOfWeekOfDayNumber(dayNumber: number): DayOfWeek {
  // 1970-01-01 was a Thursday (4).
  return ((((dayNumber + 4) % 7) + 7) % 7) as DayOfWeek;
}

function dayNumberOrUndefined(text: string): number | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Date.UTC silently rolls 2024-02-30 over to March; a round trip catches it.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return ms / MS_PER_DAY;
}

function pad(n: number, width: number): string {
  if (!Number.isInteger(n) || n < 0) throw new InvalidLocalDateError(n);
  return String(n).padStart(width, '0');
}
