import { addDays, WorkingDayCalendar, endOfDayInstant, instantAt, localDateOf } from '@tdnv/calendar';
import { Audience, ReminderPolicy } from './reminder-policy';
import { ReminderView } from './reminder-view';

export type RungKind = 'reminder' | 'escalation' | 'overdue';

/** One step of a task's ladder for its current due date. `overdue` appends TaskBecameOverdue, the others send. */
export interface Rung {
  rung: string;
  kind: RungKind;
  /** The due date the rung belongs to; 'none' for a task without deadline (assignment email only). */
  due: string;
  fireAt: Date;
  to: Audience[];
  /** Never skipped as "already past": the assignment email and the overdue transition. */
  mandatory: boolean;
}

export interface LadderContext {
  policy: ReminderPolicy;
  calendar: WorkingDayCalendar;
  timeZone: string;
  now: Date;
}

export const NO_DUE = 'none';
const MAX_WEEKS = 520;

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
const atTime = (day: string, time: string, timeZone: string) => memoInstant(day, time, timeZone, () => instantAt(day, time, timeZone));
const endOfDay = (day: string, timeZone: string) => memoInstant(day, 'end', timeZone, () => endOfDayInstant(day, timeZone));

/** The first send slot (08:00 on a working day) at or after `instant`. */
export function slotAtOrAfter(instant: Date, ctx: Omit<LadderContext, 'now'>): Date {
  const day = localDateOf(instant, ctx.timeZone);
  if (ctx.calendar.isWorkingDay(day)) {
    const slot = atTime(day, ctx.policy.sendAt, ctx.timeZone);
    if (slot.getTime() >= instant.getTime()) return slot;
  }
  return atTime(ctx.calendar.nextWorkingDay(day), ctx.policy.sendAt, ctx.timeZone);
}

/**
 * Every rung of the task's current deadline, in firing order. Weekly rungs are generated up to the
 * first one after `now`, so the ladder stays finite. Pure: the same view and context give the same ladder.
 */
export function ladderOf(view: ReminderView, ctx: LadderContext): Rung[] {
  const due = view.task.deadline.due;
  const rungs = due === null ? [] : deadlineRungs(due, ctx);
  if (!ctx.policy.assignmentEmail) return [...rungs];
  const fireAt = slotAtOrAfter(new Date(view.leadSince), ctx);
  const assigned: Rung = { rung: `assigned-${view.task.lead.toLowerCase()}`, kind: 'reminder', due: due ?? NO_DUE, fireAt, to: ['focal'], mandatory: true };
  // Stable order: the assignment email goes before a rung of the same slot.
  const at = rungs.findIndex((r) => r.fireAt.getTime() >= fireAt.getTime());
  return at < 0 ? [...rungs, assigned] : [...rungs.slice(0, at), assigned, ...rungs.slice(at)];
}

/**
 * The rungs of a due date depend only on the date, the policy, the calendar and (for the weekly
 * rungs) which week `now` is in; 100,000 tasks share a few hundred due dates, so they are memoised
 * with the range of `now` they hold for. The rungs are frozen because they are shared.
 */
interface Memo {
  rungs: readonly Rung[];
  /** The ladder is the same for every now in [from, until). */
  from: number;
  until: number;
}
const memos = new WeakMap<ReminderPolicy, WeakMap<WorkingDayCalendar, Map<string, Memo>>>();

function deadlineRungs(due: string, ctx: LadderContext): readonly Rung[] {
  let byCalendar = memos.get(ctx.policy);
  if (!byCalendar) memos.set(ctx.policy, (byCalendar = new WeakMap()));
  let byDue = byCalendar.get(ctx.calendar);
  if (!byDue) byCalendar.set(ctx.calendar, (byDue = new Map()));
  const key = `${ctx.timeZone}|${due}`;
  const now = ctx.now.getTime();
  const hit = byDue.get(key);
  if (hit && hit.from <= now && now < hit.until) return hit.rungs;
  const memo = computeDeadlineRungs(due, ctx);
  if (byDue.size > 10_000) byDue.clear();
  byDue.set(key, memo);
  return memo.rungs;
}

function computeDeadlineRungs(due: string, ctx: LadderContext): Memo {
  const { policy, calendar, timeZone } = ctx;
  const rungs: Rung[] = [];
  const effective = calendar.effectiveDue(due);
  const at = (day: string) => atTime(day, policy.sendAt, timeZone);
  for (const n of policy.beforeDue) {
    const rung = n === 0 ? 'due-day' : `before-${n}`;
    rungs.push({ rung, kind: 'reminder', due, fireAt: at(calendar.subtractWorkingDays(effective, n)), to: ['focal'], mandatory: false });
  }
  rungs.push({ rung: 'overdue', kind: 'overdue', due, fireAt: endOfDay(effective, timeZone), to: [], mandatory: true });
  let last = effective;
  for (const e of policy.escalations) {
    last = calendar.addWorkingDays(effective, e.afterWorkingDays);
    rungs.push({ rung: `overdue-${e.afterWorkingDays}`, kind: 'escalation', due, fireAt: at(last), to: e.to, mandatory: false });
  }
  let from = -Infinity;
  let until = Infinity;
  const lastRung = policy.escalations[policy.escalations.length - 1];
  if (policy.weeklyWhileOverdue && lastRung) {
    for (let week = 1; week <= MAX_WEEKS; week++) {
      const fireAt = at(calendar.rollForward(addDays(last, 7 * week)));
      rungs.push({ rung: `weekly-${week}`, kind: 'escalation', due, fireAt, to: lastRung.to, mandatory: false });
      if (fireAt.getTime() > ctx.now.getTime()) {
        until = fireAt.getTime();
        break;
      }
      from = fireAt.getTime();
    }
  }
  // Stable: rungs on the same slot keep the ladder's order.
  const sorted = rungs.map((r, i) => ({ r, i })).sort((a, b) => a.r.fireAt.getTime() - b.r.fireAt.getTime() || a.i - b.i).map(({ r }) => Object.freeze(r));
  return { rungs: sorted, from, until };
}
