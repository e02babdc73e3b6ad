/**
 * What the deadline parser needs from the shared working-day calendar (libs/calendar). Declared as a
 * port so `parse` stays pure and tests can pass a fixed calendar; the default adapter wraps the
 * shared module, there is no second calendar here.
 */
export interface DeadlineCalendar {
  /** N working days counted from the day after `from` (Bộ luật Dân sự, Điều 147). */
  addWorkingDays(from: string, n: number): string;
  /** The same day, or the next working day when it is not one (Điều 148). */
  rollForward(date: string): string;
  lastDayOfMonth(year: number, month: number): string;
  endOfQuarter(year: number, quarter: number): string;
  /** Calendar arithmetic on local dates (YYYY-MM-DD). */
  addDays(date: string, n: number): string;
  addMonths(date: string, n: number): string;
  /**
   * The last working day before the Lunar New Year break that falls in `year` begins (gold/RULES.md
   * "Before a holiday"); null when the holiday data does not cover that year.
   */
  beforeLunarNewYear(year: number): string | null;
}

export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function localDate(year: number, month: number, day: number): string {
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** True for a real calendar date (rejects 30/2). */
export function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

export function splitLocalDate(date: string): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}
