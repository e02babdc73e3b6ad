/** Shared working-day calendar: local dates, time zones, Vietnamese public holidays, deadlines. */
export { CalendarDataError, InvalidLocalDateError, InvalidTimeZoneError } from './calendar.errors';
export {
  addDays,
  addMonths,
  compareLocalDates,
  dayOfWeek,
  daysBetween,
  endOfQuarter,
  endOfYear,
  isLocalDate,
  lastDayOfMonth,
  localDate,
  parseLocalDate,
  toLocalDate,
  yearOf,
} from './local-date';
export type { DayOfWeek, LocalDate } from './local-date';
export {
  DEFAULT_DEADLINE_TIME_ZONE,
  deadlineTimeZone,
  endOfDayInstant,
  instantAt,
  isValidTimeZone,
  localDateOf,
  startOfDayInstant,
} from './zoned-time';
export { makeUpDaysOf, parseHolidayData } from './holiday-data';
export type { DayOff, DayOffKind, HolidayData, HolidayYear, MakeUpDay } from './holiday-data';
export { WorkingDayCalendar } from './working-day-calendar';
export type { CalendarOptions, DayOverride, DayStatus } from './working-day-calendar';
export { createCalendar, defaultCalendar } from './default-calendar';
export { createDeadlinePolicy } from './deadline-policy';
export * from './calendar.errors';
export * from './deadline-policy';
export * from './default-calendar';
export * from './local-date';
export * from './working-day-calendar';
export * from './zoned-time';
