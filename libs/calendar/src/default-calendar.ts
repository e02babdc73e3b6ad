import data from './vn-holidays.data.json';
import { CalendarOptions, WorkingDayCalendar } from './working-day-calendar';

/**
 * The calendar built from the shipped data file. Imported as JSON (not read from disk) so tsc copies
 * the file into dist and there is no path to get wrong at run time.
 */
let shared: WorkingDayCalendar | undefined;

/** One validated calendar per process, Điều 148 roll-forward on; built on first use. */
export function defaultCalendar(): WorkingDayCalendar {
  shared ??= new WorkingDayCalendar(data);
  return shared;
}

/** A calendar from the shipped data with local overrides or another roll-forward setting. */
export function createCalendar(options: CalendarOptions = {}): WorkingDayCalendar {
  return new WorkingDayCalendar(data, options);
}
