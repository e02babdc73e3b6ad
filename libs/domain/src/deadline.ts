import type { Recurrence } from './task/recurrence';

/**
 * Thời hạn (deadline). `due` is a local date (YYYY-MM-DD) in TZ_DEADLINES; the task is due at the end
 * of that day. `rule` keeps how the date was derived, for audit.
 */
export type DeadlineKind = 'date' | 'month' | 'quarter' | 'year' | 'relative' | 'recurring' | 'range' | 'urgent' | 'none';

export interface Deadline {
  /** For a periodic duty (kind `recurring`): the due date of its current occurrence. */
  due: string | null;
  phrase?: string;
  kind: DeadlineKind;
  rule?: string;
  /** A periodic duty's rhythm (nhiệm vụ định kỳ): the series of occurrences `due` moves along. */
  recurrence?: Recurrence;
}

export const NO_DEADLINE: Deadline = { due: null, kind: 'none' };

/** Pure helpers the decider needs from the working-day calendar, injected so the domain stays I/O-free. */
export interface DeadlinePolicy {
  /** The last day that still counts as on time (Điều 148 roll-forward when enabled). */
  effectiveDue(due: string): string;
}

export const IDENTITY_DEADLINE_POLICY: DeadlinePolicy = { effectiveDue: (due) => due };
