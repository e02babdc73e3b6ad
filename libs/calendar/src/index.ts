/** Shared working-day calendar: local dates, time zones, Vietnamese public holidays, deadlines. */
export * from './calendar.errors';
export * from './local-date';
export * from './zoned-time';
export * from './holiday-data';
export * from './working-day-calendar';
export * from './default-calendar';
export * from './deadline-policy';
