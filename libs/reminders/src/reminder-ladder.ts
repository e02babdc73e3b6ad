import { addDays, WorkingDayCalendar, localDateOf } from '@tdnv/calendar';
import { atTime, endOfDay, slotAtOrAfter } from './ladder-instants';
import { missedRungs } from './missed-periods';
import { Audience, ReminderPolicy } from './reminder-policy';
import { ReminderView } from './reminder-view';

export { slotAtOrAfter } from './ladder-instants';

export type RungKind = 'reminder' | 'escalation' | 'overdue';

/** One step of a task's ladder for its current due date. `overdue` appends TaskBecameOverdue, the others send. */
export interface Rung {
  rung: string;
  kind: RungKind;
  /** The due date the rung belongs to; 'none' for a task without deadline (assignment email only). */
  due: string;
  fireAt: Date;
  to: Audience[];
  /** Never skipped as "already past": the assignment email, the overdue transition, a missed period's escalation. */
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
const DAY_MS = 86_400_000;

/**
 * Every rung of the task's current deadline, in firing order, with the escalation of each missed
 * period of a periodic duty and the assignment email. Weekly rungs are generated up to the first one
 * after `now`, so the ladder stays finite. Pure: the same view and context give the same ladder.
 */
export function ladderOf(view: ReminderView, ctx: LadderContext): Rung[] {
  const due = view.task.deadline.due;
  const rungs = due === null ? [] : deadlineRungs(due, lateSlot(view, due, ctx), ctx);
  const extra: Rung[] = [];
  if (ctx.policy.assignmentEmail) {
    const fireAt = slotAtOrAfter(new Date(view.leadSince), ctx);
    extra.push({
      rung: `assigned-${view.task.lead.toLowerCase()}`,
      kind: 'reminder',
      due: due ?? NO_DUE,
      fireAt,
      to: ['focal'],
      mandatory: true,
    });
  }
  extra.push(...missedRungs(view, ctx));
  return extra.length ? merged(rungs, extra) : [...rungs];
}

/** Stable order: the extra rungs (the assignment email first) go before a deadline rung of the same slot. */
function merged(rungs: readonly Rung[], extra: Rung[]): Rung[] {
  const out = [...rungs];
  let from = 0;
  for (const rung of [...extra].sort((a, b) => a.fireAt.getTime() - b.fireAt.getTime())) {
    let at = from;
    while (at < out.length && out[at].fireAt.getTime() < rung.fireAt.getTime()) at++;
    out.splice(at, 0, rung);
    from = at + 1;
  }
  return out;
}

/**
 * History is not news: when the due date had already passed when it was set (a notice registered
 * years late, a deadline amended into the past), its escalations count from that moment, the first
 * at the first send slot after it, instead of a burst of rungs counted from the old date. Returns
 * that slot, or undefined for a deadline set in time.
 */
function lateSlot(view: ReminderView, due: string, ctx: LadderContext): number | undefined {
  const setAt = Date.parse(view.deadlineSetAt);
  // Fast path: set more than a day before the nominal date, the due day cannot have ended yet.
  if (!(setAt >= Date.parse(due) - DAY_MS)) return undefined;
  if (setAt < endOfDay(ctx.calendar.effectiveDue(due), ctx.timeZone).getTime()) return undefined;
  return slotAtOrAfter(new Date(setAt), ctx).getTime();
}

/**
 * The rungs of a due date depend only on the date, the policy, the calendar, (for a deadline set
 * late) the slot it was set in, and (for the weekly rungs) which week `now` is in; 100,000 tasks
 * share a few hundred of these, so they are memoised with the range of `now` they hold for. The
 * rungs are frozen because they are shared.
 */
interface Memo {
  rungs: readonly Rung[];
  /** The ladder is the same for every now in [from, until). */
  from: number;
  until: number;
}
const memos = new WeakMap<ReminderPolicy, WeakMap<WorkingDayCalendar, Map<string, Memo>>>();

function deadlineRungs(due: string, late: number | undefined, ctx: LadderContext): readonly Rung[] {
  let byCalendar = memos.get(ctx.policy);
  if (!byCalendar) memos.set(ctx.policy, (byCalendar = new WeakMap()));
  let byDue = byCalendar.get(ctx.calendar);
  if (!byDue) byCalendar.set(ctx.calendar, (byDue = new Map()));
  const key = late === undefined ? `${ctx.timeZone}|${due}` : `${ctx.timeZone}|${due}|${late}`;
  const now = ctx.now.getTime();
  const hit = byDue.get(key);
  if (hit && hit.from <= now && now < hit.until) return hit.rungs;
  const memo = computeDeadlineRungs(due, late, ctx);
  if (byDue.size > 10_000) byDue.clear();
  byDue.set(key, memo);
  return memo.rungs;
}

function computeDeadlineRungs(due: string, late: number | undefined, ctx: LadderContext): Memo {
  const { policy, calendar, timeZone } = ctx;
  const rungs: Rung[] = [];
  const effective = calendar.effectiveDue(due);
  const at = (day: string) => atTime(day, policy.sendAt, timeZone);
  // A deadline set late has no reminders before it: they were all past when it was set.
  if (late === undefined)
    for (const n of policy.beforeDue) {
      const rung = n === 0 ? 'due-day' : `before-${n}`;
      rungs.push({ rung, kind: 'reminder', due, fireAt: at(calendar.subtractWorkingDays(effective, n)), to: ['focal'], mandatory: false });
    }
  rungs.push({ rung: 'overdue', kind: 'overdue', due, fireAt: endOfDay(effective, timeZone), to: [], mandatory: true });
  // Set late, the first escalation goes at the first slot after it was set, the others keep their spacing from there.
  const base = late === undefined ? effective : localDateOf(new Date(late), timeZone);
  const shift = late === undefined ? 0 : (policy.escalations[0]?.afterWorkingDays ?? 0);
  let last = base;
  for (const e of policy.escalations) {
    last = calendar.addWorkingDays(base, e.afterWorkingDays - shift);
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
  const sorted = rungs
    .map((r, i) => ({ r, i }))
    .sort((a, b) => a.r.fireAt.getTime() - b.r.fireAt.getTime() || a.i - b.i)
    .map(({ r }) => Object.freeze(r));
  return { rungs: sorted, from, until };
}
