import { CalendarDataError } from './calendar.errors';
import { DayOff, DayOffKind, HolidayData, HolidayYear, makeUpDaysOf, MakeUpDay, parseHolidayData } from './holiday-data';
import { dayOfWeekOfDayNumber, fromDayNumber, isLocalDate, LocalDate, toDayNumber, toLocalDate } from './local-date';

/** A local decision the data file does not carry (a provincial day off, a correction); wins over the data. */
export interface DayOverride {
  date: LocalDate;
  working: boolean;
  name?: string;
}

export interface CalendarOptions {
  overrides?: readonly DayOverride[];
  /** Bộ luật Dân sự 2015 Điều 148: a period ending on a day off ends on the next working day. Default on. */
  rollForward?: boolean;
}

/** Why a day is or is not worked: the audit trail of a computed deadline. */
export type DayStatus =
  | { date: LocalDate; working: true; reason: 'weekday' }
  | { date: LocalDate; working: false; reason: 'weekend' }
  | { date: LocalDate; working: false; reason: 'day-off'; kind: DayOffKind; name: string }
  | { date: LocalDate; working: true; reason: 'make-up'; name: string }
  | { date: LocalDate; working: boolean; reason: 'override'; name?: string };

/**
 * Working days of Vietnamese state agencies: Monday–Friday, minus public holidays and the days off
 * the Government grants, plus announced make-up Saturdays. Outside the years in the data only
 * weekends are known; hasDataFor(year) lets callers warn about that.
 */
export class WorkingDayCalendar {
  readonly rollForwardEnabled: boolean;
  private readonly data: HolidayData;
  private readonly daysOff = new Map<number, DayOff>();
  private readonly makeUps = new Map<number, MakeUpDay>();
  private readonly overrides = new Map<number, DayOverride>();

  /** `data` is the JSON of vn-holidays.data.json; it is validated here (CalendarDataError). */
  constructor(
    data: unknown,
    private readonly options: CalendarOptions = {},
  ) {
    this.data = parseHolidayData(data);
    this.rollForwardEnabled = options.rollForward ?? true;
    for (const year of Object.values(this.data.years)) {
      for (const day of year.daysOff) this.daysOff.set(toDayNumber(day.date), day);
    }
    for (const makeUp of makeUpDaysOf(this.data)) this.makeUps.set(toDayNumber(makeUp.date), makeUp);
    const problems: string[] = [];
    for (const o of options.overrides ?? []) {
      if (!isLocalDate(o.date)) problems.push(`override date ${JSON.stringify(o.date)} is not a real YYYY-MM-DD date`);
      else if (this.overrides.has(toDayNumber(o.date))) problems.push(`override for ${o.date} is given twice`);
      else this.overrides.set(toDayNumber(o.date), o);
    }
    if (problems.length > 0) throw new CalendarDataError(problems);
  }

  /** The same data and overrides with other options (e.g. Điều 148 roll-forward switched off). */
  withOptions(options: CalendarOptions): WorkingDayCalendar {
    return new WorkingDayCalendar(this.data, { ...this.options, ...options });
  }

  isWorkingDay(date: LocalDate): boolean {
    return this.workingAt(toDayNumber(date));
  }

  /** A public holiday or a day off granted for one (nghỉ bù, hoán đổi), not a plain weekend. */
  isHoliday(date: LocalDate): boolean {
    const status = this.dayStatus(date);
    return status.reason === 'day-off' || (status.reason === 'override' && !status.working);
  }

  dayStatus(date: LocalDate): DayStatus {
    const day = toDayNumber(date);
    const override = this.overrides.get(day);
    if (override) return { date, working: override.working, reason: 'override', name: override.name };
    const makeUp = this.makeUps.get(day);
    if (makeUp) return { date, working: true, reason: 'make-up', name: makeUp.name };
    const off = this.daysOff.get(day);
    if (off) return { date, working: false, reason: 'day-off', kind: off.kind, name: off.name };
    return isWeekend(day) ? { date, working: false, reason: 'weekend' } : { date, working: true, reason: 'weekday' };
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: LocalDate): LocalDate {
    return fromDayNumber(this.step(toDayNumber(date), 1));
  }

  /** The last working day strictly before `date`. */
  previousWorkingDay(date: LocalDate): LocalDate {
    return fromDayNumber(this.step(toDayNumber(date), -1));
  }

  /**
   * The n-th working day after `date`; the day of `date` itself is never counted (Bộ luật Dân sự
   * 2015 Điều 147). Negative n gives the |n|-th working day before it ("N ngày làm việc trước hạn");
   * n = 0 returns `date` unchanged.
   */
  addWorkingDays(date: LocalDate, n: number): LocalDate {
    if (!Number.isInteger(n)) throw new RangeError(`working days must be an integer, got ${n}`);
    let day = toDayNumber(date);
    const direction = n < 0 ? -1 : 1;
    for (let left = Math.abs(n); left > 0; left--) day = this.step(day, direction);
    return fromDayNumber(day);
  }

  subtractWorkingDays(date: LocalDate, n: number): LocalDate {
    return this.addWorkingDays(date, -n);
  }

  /**
   * Working days in (a, b] when b is after a, so that workingDaysBetween(a, addWorkingDays(a, n)) = n;
   * minus the working days in [b, a) when b is before a. E.g. how many working days a task is overdue.
   */
  workingDaysBetween(a: LocalDate, b: LocalDate): number {
    const from = toDayNumber(a);
    const to = toDayNumber(b);
    if (to < from) return -this.countWorking(to, from - 1);
    return this.countWorking(from + 1, to);
  }

  /** Bộ luật Dân sự 2015 Điều 148: `date` when it is a working day, else the next working day. */
  rollForward(date: LocalDate): LocalDate {
    return this.isWorkingDay(date) ? date : this.nextWorkingDay(date);
  }

  /** The last day that is still on time: rollForward(due) when the setting is on, else `due`. */
  effectiveDue(due: LocalDate): LocalDate {
    return this.rollForwardEnabled ? this.rollForward(due) : toLocalDate(due);
  }

  /** True when the data file covers this year; otherwise only weekends are known. */
  hasDataFor(year: number): boolean {
    return this.yearData(year) !== undefined;
  }

  /** True when the year's days off are derived from the law, not from an official announcement. */
  isProvisional(year: number): boolean {
    return this.yearData(year)?.provisional ?? false;
  }

  /** The years the data covers, ascending. */
  dataYears(): number[] {
    return Object.keys(this.data.years)
      .map(Number)
      .sort((x, y) => x - y);
  }

  private yearData(year: number): HolidayYear | undefined {
    return this.data.years[String(year)];
  }

  private step(day: number, direction: 1 | -1): number {
    let next = day + direction;
    // Terminates: the data and overrides are finite, and every weekday outside them is worked.
    while (!this.workingAt(next)) next += direction;
    return next;
  }

  private countWorking(fromDay: number, toDay: number): number {
    let count = 0;
    for (let day = fromDay; day <= toDay; day++) if (this.workingAt(day)) count++;
    return count;
  }

  /** The hot path of every loop: integer look-ups only, no string building. */
  private workingAt(day: number): boolean {
    const override = this.overrides.get(day);
    if (override) return override.working;
    if (this.makeUps.has(day)) return true;
    if (this.daysOff.has(day)) return false;
    return !isWeekend(day);
  }
}

function isWeekend(day: number): boolean {
  const weekday = dayOfWeekOfDayNumber(day);
  return weekday === 0 || weekday === 6;
}
