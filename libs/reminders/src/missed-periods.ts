import { Task } from '@tdnv/domain';
import { atTime, endOfEffectiveDue, slotAtOrAfter } from './ladder-instants';
import type { LadderContext, Rung } from './reminder-ladder';
import type { ReminderView } from './reminder-view';

/** The one escalation of a periodic duty's missed period (PeriodicReportMissed), keyed by that period's due date. */
export const MISSED_RUNG = 'missed';

/** The period due on `due` was recorded missed and is still unreported: its escalation is still news. */
export function awaitsMissedReport(task: Task, due: string): boolean {
  return (task.occurrences ?? []).some((o) => o.due === due && o.missed === true && !o.reportedAt);
}

/**
 * One escalation per missed period, never repeated: at the policy's first escalation rung after the
 * period's due date, or at the first send slot after the miss was recorded when that came later (a
 * worker that was down). Mandatory, so a later rung cannot skip it. Periods already missed when the
 * task was registered are history: only the latest of them is escalated.
 */
export function missedRungs(view: ReminderView, ctx: LadderContext): Rung[] {
  if (view.missed.length === 0) return [];
  const first = ctx.policy.escalations[0];
  const to = first?.to ?? ctx.policy.unansweredTo;
  const registered = Date.parse(view.registeredAt);
  const rungs: Rung[] = [];
  let history: Rung | undefined;
  for (const { due, at } of view.missed) {
    if (!awaitsMissedReport(view.task, due)) continue;
    const effective = ctx.calendar.effectiveDue(due);
    const nominal = first
      ? atTime(ctx.calendar.addWorkingDays(effective, first.afterWorkingDays), ctx.policy.sendAt, ctx.timeZone)
      : new Date(0);
    const recorded = slotAtOrAfter(new Date(at), ctx);
    const fireAt = nominal.getTime() >= recorded.getTime() ? nominal : recorded;
    const rung: Rung = { rung: MISSED_RUNG, kind: 'escalation', due, fireAt, to, mandatory: true };
    if (endOfEffectiveDue(due, ctx).getTime() <= registered) history = rung;
    else rungs.push(rung);
  }
  return history ? [history, ...rungs] : rungs;
}
