import { WorkingDayCalendar, addDays, addMonths, defaultCalendar, endOfQuarter, lastDayOfMonth } from '@tdnv/calendar';
import { DeadlineCalendar, localDate } from './calendar.port';

/** The holiday data names every day of the Tết break "Tết Nguyên đán (…)". */
const LUNAR_NEW_YEAR = /^Tết Nguyên đán/u;

/** First day off of the Tết break in `year` (it always falls between 20 January and 20 February). */
function lunarNewYearStart(calendar: WorkingDayCalendar, year: number): string | null {
  if (!calendar.hasDataFor(year)) return null;
  for (let day = 0; day < 45; day += 1) {
    const date = addDays(localDate(year, 1, 15), day);
    const status = calendar.dayStatus(date);
    if (status.reason === 'day-off' && LUNAR_NEW_YEAR.test(status.name)) return date;
  }
  return null;
}

/** The deadline port backed by the shared working-day calendar (libs/calendar). */
export function calendarPort(calendar: WorkingDayCalendar = defaultCalendar()): DeadlineCalendar {
  const beforeTet = new Map<number, string | null>();
  return {
    addWorkingDays: (from, n) => calendar.addWorkingDays(from, n),
    rollForward: (date) => calendar.rollForward(date),
    lastDayOfMonth,
    endOfQuarter,
    addDays,
    addMonths,
    beforeLunarNewYear: (year) => {
      if (!beforeTet.has(year)) {
        const start = lunarNewYearStart(calendar, year);
        beforeTet.set(year, start ? calendar.previousWorkingDay(start) : null);
      }
      return beforeTet.get(year) ?? null;
    },
  };
}
