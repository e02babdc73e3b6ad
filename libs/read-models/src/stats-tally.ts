import { DeadlinePolicy, Task } from '@tdnv/domain';
import { kindOf, standingOf } from './buckets';
import { effectiveDueOf, localDateIn } from './task-row';

/**
 * Stats tallies: the number of tasks per (grouping, group, confidentiality, standing), kept by the
 * tasks projection in the same transaction as the rows, so /stats sums a few thousand counters
 * instead of scanning every task.
 *
 * - dim: `agency` (group = lead), `notice` (group = notice id, label = its number), `month` (group
 *   = month of assignment, YYYY-MM);
 * - period: `*` the standing now; `D2026-03-15` the changes recorded on that local day. The
 *   standing at the end of each month is kept beside them as one list per group
 *   (stats-tally.store.ts TALLY_ENDS_TABLE), so the standing at the end of any day is one month's
 *   lists plus at most 31 days of changes, and a day in the past keeps its answer;
 * - standing (buckets.ts `standingOf`) under the current (`cur`) and original (`orig`) deadline,
 *   so one counter serves both deadline modes;
 * - part: an open task is counted twice. In the part `''` its due date is cut to the month
 *   (`O2026-03`), and in the part `c2026-03` (current deadline) or `o2026-03` (original) to the day
 *   (`O2026-03-15`). A day judges a due date against itself, 30, 60 and 120 days before: only the
 *   months of those four days need the days, the other months are wholly before or after them.
 *   So /stats reads every group's months and the days of four months, not every due date.
 *
 * Every task is counted (VPCP's view); `conf` lets the public view leave confidential ones out.
 * An agency's own figures are counted from its access rows (stats-access.query.ts): per-agency
 * counters would hold about one row per task, because an agency has a task or two per notice.
 */
export const TALLY_DIMS = ['agency', 'notice', 'month'] as const;
export type TallyDim = (typeof TALLY_DIMS)[number];

/** What of a task the tallies depend on; equal signatures, equal cells. */
export interface TallyFacts {
  signature: string;
  groups: Record<TallyDim, string>;
  label: string;
  conf: number;
  cur: string;
  orig: string;
}

export function tallyFacts(task: Task, policy: DeadlinePolicy, timeZone: string): TallyFacts {
  const due = task.deadline.due;
  const originalDue = task.originalDeadline.due;
  const row = {
    status: task.status,
    effective_due: due ? effectiveDueOf(policy, due) : null,
    original_effective_due: originalDue ? effectiveDueOf(policy, originalDue) : null,
    completed_on: task.status === 'completed' ? (task.completed?.reportedOn ?? null) : null,
    due_kind: kindOf(task.deadline),
  };
  const groups = { agency: task.lead, notice: task.noticeId, month: localDateIn(timeZone, task.assignedAt).slice(0, 7) };
  const conf = task.confidential ? 1 : 0;
  const cur = standingOf(row, 'current');
  const orig = standingOf(row, 'original');
  const signature = [groups.agency, groups.notice, groups.month, conf, cur, orig].join('\u0000');
  return { signature, groups, label: task.noticeNumber, conf, cur, orig };
}

/** One counter's change on one local day. */
export interface TallyDelta {
  dim: TallyDim;
  part: string;
  grp: string;
  conf: number;
  cur: string;
  orig: string;
  label: string;
  day: string;
  n: number;
}

/** An open standing cut to its due month ("O2026-03-15" → "O2026-03"); the others as they are. */
export const monthStanding = (standing: string): string => (standing[0] === 'O' ? standing.slice(0, 8) : standing);

/** The counters a task's facts are counted in, per grouping: its months, and its days. */
function cells(facts: TallyFacts): { part: string; cur: string; orig: string }[] {
  const out = [{ part: '', cur: monthStanding(facts.cur), orig: monthStanding(facts.orig) }];
  if (facts.cur[0] === 'O') out.push({ part: `c${facts.cur.slice(1, 8)}`, cur: facts.cur, orig: '' });
  if (facts.orig[0] === 'O') out.push({ part: `o${facts.orig.slice(1, 8)}`, cur: '', orig: facts.orig });
  return out;
}

/**
 * The tally changes of one batch of events, netted per counter and day. Each event that changes a
 * task's facts takes the old counters down and the new ones up, on the event's local day.
 */
export class TallyBatch {
  private readonly facts = new Map<string, TallyFacts | undefined>();
  private readonly deltas = new Map<string, TallyDelta>();

  constructor(private readonly context: { policy: DeadlinePolicy; timeZone: string }) {}

  /** Records `before` → `after` of one task, for an event that occurred at `occurredAt`. */
  change(taskId: string, before: Task | undefined, after: Task, occurredAt: string): void {
    const old = this.facts.has(taskId) ? this.facts.get(taskId) : before && tallyFacts(before, this.context.policy, this.context.timeZone);
    const next = tallyFacts(after, this.context.policy, this.context.timeZone);
    this.facts.set(taskId, next);
    if (old?.signature === next.signature) return;
    const day = localDateIn(this.context.timeZone, occurredAt);
    if (old) this.add(old, day, -1);
    this.add(next, day, 1);
  }

  private add(facts: TallyFacts, day: string, n: number): void {
    for (const dim of TALLY_DIMS) {
      const grp = facts.groups[dim];
      for (const { part, cur, orig } of cells(facts)) {
        const key = `${dim}\u0000${part}\u0000${grp}\u0000${facts.conf}\u0000${cur}\u0000${orig}\u0000${day}`;
        const delta = this.deltas.get(key);
        if (delta) delta.n += n;
        else this.deltas.set(key, { dim, part, grp, conf: facts.conf, cur, orig, label: dim === 'notice' ? facts.label : '', day, n });
      }
    }
  }

  /** The changes that did not cancel out within the batch. */
  changes(): TallyDelta[] {
    return [...this.deltas.values()].filter((delta) => delta.n !== 0);
  }
}
