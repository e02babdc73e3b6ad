import { endOfDayInstant, localDateOf, startOfDayInstant } from '@tdnv/calendar';

/**
 * The system clock. With CLOCK_START it starts at that instant and runs forward in real time, so a
 * demo can begin at 07:59 the day before a deadline and watch the 08:00 reminder arrive.
 */
export class Clock {
  private readonly offsetMs: number;

  constructor(
    readonly timeZone: string,
    start?: Date,
    private readonly realNow: () => number = Date.now,
  ) {
    this.offsetMs = start ? start.getTime() - realNow() : 0;
  }

  now(): Date {
    return new Date(this.realNow() + this.offsetMs);
  }

  /** Today's local date (YYYY-MM-DD) in the deadline time zone. */
  today(): string {
    const now = this.now().getTime();
    // Asked on every command: the answer is kept until the next local midnight.
    if (!this.day || now < this.day.from || now >= this.day.until) {
      const date = localDateOf(new Date(now), this.timeZone);
      this.day = { date, from: startOfDayInstant(date, this.timeZone).getTime(), until: endOfDayInstant(date, this.timeZone).getTime() };
    }
    return this.day.date;
  }

  private day?: { date: string; from: number; until: number };
}
