import { DeadlineCalendar, isRealDate, localDate, splitLocalDate } from './calendar.port';

/**
 * First occurrence of a recurring deadline strictly after the issue date (gold/RULES.md): the
 * issue day itself never counts, so a notice signed on 20 March with "trước ngày 20 hằng tháng"
 * is first due on 20 April.
 */

function firstAfter(issuedAt: string, candidates: string[]): string | null {
  const sorted = candidates.filter((d) => d > issuedAt).sort();
  return sorted[0] ?? null;
}

/** The next day-of-month D after the issue date (D clamped to short months). */
export function nextDayOfMonth(issuedAt: string, day: number, cal: DeadlineCalendar): string | null {
  const [y, m] = splitLocalDate(issuedAt);
  const candidates: string[] = [];
  for (let k = 0; k < 3; k += 1) {
    const month = ((m - 1 + k) % 12) + 1;
    const year = y + Math.floor((m - 1 + k) / 12);
    const last = Number(cal.lastDayOfMonth(year, month).slice(8, 10));
    candidates.push(localDate(year, month, Math.min(day, last)));
  }
  return firstAfter(issuedAt, candidates);
}

/** Day D of the last month of each quarter (3, 6, 9, 12). */
export function nextDayOfQuarter(issuedAt: string, day: number): string | null {
  const [y] = splitLocalDate(issuedAt);
  const candidates = [y, y + 1].flatMap((year) => [3, 6, 9, 12].map((mo) => localDate(year, mo, Math.min(day, 30))));
  return firstAfter(issuedAt, candidates);
}

/** Explicit days of the year ("15/6 và 15/12 hằng năm"). */
export function nextExplicitDay(issuedAt: string, days: Array<[number, number]>): string | null {
  const [y] = splitLocalDate(issuedAt);
  const candidates = [y, y + 1].flatMap((year) =>
    days.filter(([d, mo]) => isRealDate(year, mo, d)).map(([d, mo]) => localDate(year, mo, d)),
  );
  return firstAfter(issuedAt, candidates);
}

/** End of the N-month block (N divides 12) containing the issue date: 6 → 30/6 or 31/12. */
export function endOfMonthBlock(issuedAt: string, months: number, cal: DeadlineCalendar): string | null {
  if (months <= 0 || 12 % months !== 0) return null;
  const [y, m] = splitLocalDate(issuedAt);
  const candidates: string[] = [];
  for (let end = months; end <= 24; end += months) {
    const year = y + Math.floor((end - 1) / 12);
    const month = ((end - 1) % 12) + 1;
    if (year === y && month < m) continue;
    candidates.push(cal.lastDayOfMonth(year, month));
  }
  return firstAfter(issuedAt, candidates);
}

/** The next given weekday (Sunday 0) strictly after the issue date. */
export function nextWeekday(issuedAt: string, weekday: number, cal: DeadlineCalendar): string {
  const [y, m, d] = splitLocalDate(issuedAt);
  const today = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  const ahead = (weekday - today + 7) % 7 || 7;
  return cal.addDays(issuedAt, ahead);
}

/** End of the ISO week (Sunday) after the issue date. */
export function endOfWeek(issuedAt: string, cal: DeadlineCalendar): string {
  const [y, m, d] = splitLocalDate(issuedAt);
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  const toSunday = weekday === 0 ? 7 : 7 - weekday;
  return cal.addDays(issuedAt, toSunday);
}
