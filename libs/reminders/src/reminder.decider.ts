import { awaitsLead } from '@tdnv/domain';
import { Audience } from './reminder-policy';
import { LadderContext, ladderOf, Rung } from './reminder-ladder';
import { awaitsMissedReport, MISSED_RUNG } from './missed-periods';
import { ReminderView, SentNotification } from './reminder-view';

/**
 * The reminder workflow as a decider (STYLE.md, "Workflows as deciders too"): given the task's
 * view, the policy, the calendar and now, what to schedule, send or ignore. No I/O; the scheduler
 * and the processors are adapters around these two functions.
 */
export type NextStep = { type: 'schedule'; rung: Rung } | { type: 'ignore'; reason: string };

export interface Send {
  kind: 'reminder' | 'escalation';
  rung: string;
  due: string;
  to: Audience[];
}

export type FiredDecision =
  /** `at` is the rung's slot: a digest gathers the items of one slot. */
  { type: 'send'; sends: Send[]; at: Date } | { type: 'mark-overdue'; due: string } | { type: 'ignore'; reason: string };

/** A job may fire a little before its instant when two processes' clocks differ. */
const EARLY_TOLERANCE_MS = 5_000;

export const UNANSWERED_RUNG = 'unanswered';

function isDone(view: ReminderView, rung: Rung): boolean {
  if (rung.kind === 'overdue') return view.task.overdueFor.includes(rung.due);
  // The assignment email is once per lead, whatever later happens to the due date.
  if (rung.rung.startsWith('assigned-')) return view.sent.some((s) => s.rung === rung.rung);
  return view.sent.some((s) => s.rung === rung.rung && s.due === rung.due);
}

/**
 * The one pending step of a task: its next rung. Rungs already past when the deadline was set are
 * skipped (no burst of late reminders); when several rungs were missed (a worker was down), only the
 * latest is sent, except the mandatory rungs (the assignment email, the overdue transition, a missed
 * period's escalation), which are never skipped. A task registered as historical gets nothing.
 */
export function nextStep(view: ReminderView | undefined, ctx: LadderContext): NextStep {
  if (!view) return { type: 'ignore', reason: 'no such task' };
  if (view.historical) return { type: 'ignore', reason: 'registered as historical' };
  // Reminders go to agencies that still have work to do; a reported completion waits for VPCP.
  if (!awaitsLead(view.task)) return { type: 'ignore', reason: `task is ${view.task.status}` };
  const ladder = ladderOf(view, ctx);
  let lastDone = -1;
  ladder.forEach((r, i) => {
    if (isDone(view, r)) lastDone = i;
  });
  const floor = new Date(view.deadlineSetAt).getTime();
  const open = ladder.slice(lastDone + 1).filter((r) => r.mandatory || r.fireAt.getTime() >= floor);
  const now = ctx.now.getTime();
  const due = open.filter((r) => r.fireAt.getTime() <= now);
  const pick = due.find((r) => r.mandatory) ?? due[due.length - 1] ?? open[0];
  return pick ? { type: 'schedule', rung: pick } : { type: 'ignore', reason: 'the ladder is finished' };
}

/** A fired job acts only if it is still the task's next step; otherwise it is stale and does nothing. */
export function decideFired(view: ReminderView | undefined, job: { rung: string; due: string }, ctx: LadderContext): FiredDecision {
  const step = nextStep(view, ctx);
  if (step.type === 'ignore') return step;
  const { rung } = step;
  if (rung.rung !== job.rung || rung.due !== job.due)
    return { type: 'ignore', reason: `stale: the next step is ${rung.rung} for ${rung.due}` };
  if (rung.fireAt.getTime() > ctx.now.getTime() + EARLY_TOLERANCE_MS) return { type: 'ignore', reason: 'fired before its time' };
  if (rung.kind === 'overdue') return { type: 'mark-overdue', due: rung.due };
  const sends: Send[] = [{ kind: rung.kind, rung: rung.rung, due: rung.due, to: rung.to }];
  const n = ctx.policy.escalateAfterRemindersWithoutUpdate;
  const unanswered = rung.kind === 'reminder' && !rung.rung.startsWith('assigned-') && n > 0 && view!.remindersSinceUpdate + 1 >= n;
  if (unanswered && !view!.sent.some((s) => s.rung === UNANSWERED_RUNG && s.due === rung.due))
    sends.push({ kind: 'escalation', rung: UNANSWERED_RUNG, due: rung.due, to: ctx.policy.unansweredTo });
  return { type: 'send', sends, at: rung.fireAt };
}

/** Whether a queued send is still wanted when it is about to go out (the task may have closed meanwhile). */
export function stillWanted(view: ReminderView | undefined, send: { rung: string; due: string }): boolean {
  if (!view || view.historical || !awaitsLead(view.task)) return false;
  if (view.sent.some((s) => s.rung === send.rung && s.due === send.due)) return false;
  // A missed period's escalation is about a past due date, until its late report comes in.
  if (send.rung === MISSED_RUNG) return awaitsMissedReport(view.task, send.due);
  return send.rung.startsWith('assigned-') || send.due === view.task.deadline.due;
}

/** The upcoming rungs for GET /tasks/:id/reminders: the next step and the rest of the ladder after it. */
export function upcoming(view: ReminderView | undefined, ctx: LadderContext): Rung[] {
  const step = nextStep(view, ctx);
  if (step.type === 'ignore') return [];
  const ladder = ladderOf(view!, ctx);
  const from = ladder.findIndex((r) => r.rung === step.rung.rung && r.due === step.rung.due);
  return ladder.slice(from);
}

export type { SentNotification };
