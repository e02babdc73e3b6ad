/** Typed errors so callers (parser, HTTP edge, config validation) can tell bad input from bugs. */

/** A value that is not a real calendar date written YYYY-MM-DD (e.g. 2024-02-30, '2024-2-3'). */
export class InvalidLocalDateError extends Error {
  constructor(readonly value: unknown) {
    super(`Not a valid local date (YYYY-MM-DD): ${JSON.stringify(value)}`);
    this.name = 'InvalidLocalDateError';
  }
}

/** A time zone name that Intl does not know (checked once, e.g. TZ_DEADLINES at start-up). */
export class InvalidTimeZoneError extends Error {
  constructor(readonly timeZone: string) {
    super(`Unknown time zone: ${JSON.stringify(timeZone)} (expected an IANA name such as Asia/Ho_Chi_Minh)`);
    this.name = 'InvalidTimeZoneError';
  }
}

/** The holiday data file is inconsistent; raised when the calendar is built so a bad edit fails fast. */
export class CalendarDataError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid holiday data:\n- ${problems.join('\n- ')}`);
    this.name = 'CalendarDataError';
  }
}
