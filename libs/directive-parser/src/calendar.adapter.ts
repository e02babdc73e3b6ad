import { WorkingDayCalendar, addDays, addMonths, defaultCalendar, endOfQuarter, lastDayOfMonth } from '../../calendar/src';
import { DeadlineCalendar } from './calendar.port';

/** The deadline port backed by the shared working-day calendar (libs/calendar). */
export function calendarPort(calendar: WorkingDayCalendar = defaultCalendar()): DeadlineCalendar {
  return {
    addWorkingDays: (from, n) => calendar.addWorkingDays(from, n),
    rollForward: (date) => calendar.rollForward(date),
    lastDayOfMonth,
    endOfQuarter,
    addDays,
    addMonths,
  };
}
