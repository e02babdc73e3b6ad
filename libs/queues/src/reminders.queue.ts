/**
 * Queues of the reminder workflow (issue 5), defined once for the API and the worker. Job data only
 * says what to look at; the truth (what was sent, the current deadline) is in the task's stream.
 * BullMQ job ids may not contain ':' — task ids, rungs and dates never do, and `__` separates them.
 */
export const REMINDER_QUEUES = {
  /** One delayed job per open task: its next rung. Digest jobs gather one agency's slot. */
  reminders: 'reminders',
  /** Emails to send, with retries and backoff. */
  notifications: 'notifications',
  /** The checkpointed scheduling consumer (catch-up nudges) and the periodic reconciliation. */
  scheduling: 'reminder-scheduling',
} as const;

export const REMINDER_JOBS = {
  rung: 'rung',
  digest: 'digest',
  send: 'send',
  catchUp: 'catch-up',
  reconcile: 'reconcile',
} as const;

export interface RungJob {
  taskId: string;
  rung: string;
  due: string;
}

export interface DigestJob {
  agency: string;
  /** The send slot (ISO instant) the digest gathers. */
  slot: string;
  gen: number;
}

export interface NotificationItem {
  taskId: string;
  kind: 'reminder' | 'escalation';
  rung: string;
  due: string;
}

export interface SendJob {
  agency: string;
  slot: string;
  to: string[];
  items: NotificationItem[];
}

export const rungJobId = (j: RungJob): string => `rem__${j.taskId}__${j.rung}__${j.due}`;
export const digestJobId = (j: DigestJob): string => `dig__${j.agency}__${Date.parse(j.slot)}__g${j.gen}`;

/** Redis keys of the workflow, under the same BullMQ prefix so a test's cleanup removes them too. */
/**
 * What the scheduler wrote for a task's pending job: its id and the real-clock instant it was set to
 * fire at. Keeping the instant ourselves lets a re-plan see drift (a moved CLOCK_START, a changed
 * calendar) without reading BullMQ's internal delayed-set scores; the re-time goes through
 * `Job.changeDelay`.
 */
export interface PendingJob {
  id: string;
  realFireAt: number;
}

export const pendingEntry = (job: PendingJob): string => `${job.id}|${job.realFireAt}`;

export function parsePendingEntry(value: string | null): PendingJob | undefined {
  if (!value) return undefined;
  const bar = value.lastIndexOf('|');
  // An entry written before the instant was kept has none: it counts as due for a look.
  return bar < 0 ? { id: value, realFireAt: NaN } : { id: value.slice(0, bar), realFireAt: Number(value.slice(bar + 1)) };
}

export const reminderKeys = (prefix = 'bull') => ({
  /** Hash taskId → its one pending rung job: `id|realFireAtMs` (see PendingJob). */
  pending: `${prefix}:reminders:pending`,
  digestItems: (agency: string, slot: string) => `${prefix}:reminders:digest:${agency}:${Date.parse(slot)}`,
  digestGen: (agency: string, slot: string) => `${prefix}:reminders:digest-gen:${agency}:${Date.parse(slot)}`,
  /** Item claims: a send owns an item while it tries, so two sends never mail the same rung. */
  claim: (key: string) => `${prefix}:reminders:claim:${key}`,
  /** Set as soon as the SMTP server accepted a mail: a retried send records it without mailing again. */
  mailed: (messageId: string) => `${prefix}:reminders:mailed:${messageId}`,
  /** Hash of counters read by the API's /metrics: reminders, escalations, failures. */
  stats: `${prefix}:reminders:stats`,
});
