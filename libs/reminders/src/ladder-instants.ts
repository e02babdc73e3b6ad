import { WorkingDayCalendar, endOfDayInstant, instantAt, localDateOf } from '@tdnv/calendar';
import type { ReminderPolicy } from './reminder-policy';

/**
 * Zone arithmetic goes through Intl and costs microseconds; 100,000 tasks share a few hundred
 * (date, time) pairs, so the instants are memoised. Still pure: same input, same instant.
 */
const instants = new Map<string, number>();
function memoInstant(day: string, time: string, timeZone: string, compute: () => Date): Date {
  const key = `${day}|${time}|${timeZone}`;
  let ms = instants.get(key);
  if (ms === undefined) {
    if (instants.size > 50_000) instants.clear();
    ms = compute().getTime();
    instants.set(key, ms);
  }
  return new Date(ms);
}
export const atTime = (day: string, time: string, timeZone: string): Date =>
  memoInstant(day, time, timeZone, () => instantAt(day, time, timeZone));
export const endOfDay = (day: string, timeZone: string): Date => memoInstant(day, 'end', timeZone, () => endOfDayInstant(day, timeZone));

export interface SlotContext {
  policy: ReminderPolicy;
  calendar: WorkingDayCalendar;
  timeZone: string;
}

/** The first send slot (08:00 on a working day) at or after `instant`. */
export function slotAtOrAfter(instant: Date, ctx: SlotContext): Date {
  const day = localDateOf(instant, ctx.timeZone);
  if (ctx.calendar.isWorkingDay(day)) {
    const slot = atTime(day, ctx.policy.sendAt, ctx.timeZone);
    if (slot.getTime() >= instant.getTime()) return slot;
  }
  return atTime(ctx.calendar.nextWorkingDay(day), ctx.policy.sendAt, ctx.timeZone);
}

/** The end of a due date's last day on time (Điều 148 roll-forward applied): a task is overdue from then. */
export const endOfEffectiveDue = (due: string, ctx: SlotContext): Date => endOfDay(ctx.calendar.effectiveDue(due), ctx.timeZone);
