import { TaskEvent, evolveTask, Task, TaskState } from '@tdnv/domain';

/** One notification recorded in the task's stream (ReminderSent / EscalationSent). */
export interface SentNotification {
  kind: 'reminder' | 'escalation';
  rung: string;
  due: string;
  to: string[];
  sentAt: string;
}

/** A periodic duty's period recorded as missed (PeriodicReportMissed), and when. */
export interface MissedPeriod {
  period: string;
  due: string;
  at: string;
}

/**
 * What the reminder workflow needs to know about a task, folded from its stream: the task itself,
 * when its current deadline was set (rungs that were already past then are skipped), what was sent,
 * and how many reminders went out since the agency last did something.
 */
export interface ReminderView {
  task: Task;
  /** When the current due date was set: assignment, a changed deadline, a reassignment, a periodic duty's roll to its next period. */
  deadlineSetAt: string;
  /** When the current lead got the task (assignment or reassignment): its assignment email is due then. */
  leadSince: string;
  /** When the task was registered (TaskAssigned): periods already missed then are history, not news. */
  registeredAt: string;
  /**
   * Registered by VPCP as historical (an import of past work) and no deadline set since: no
   * reminder, no escalation, no assignment email. A deadline VPCP sets later, or a new lead, is news again.
   */
  historical: boolean;
  missed: MissedPeriod[];
  sent: SentNotification[];
  remindersSinceUpdate: number;
}

/** The lead agency acting on the task counts as an update (it read its mail). */
const UPDATES = new Set([
  'TaskAcknowledged',
  'TaskDeclined',
  'ProgressReported',
  'ExtensionRequested',
  'CompletionReported',
  'TaskDelegated',
  'PeriodicReportSubmitted',
]);

export interface LoggedEvent {
  type: string;
  data: unknown;
  metadata: { occurredAt: string };
}

/** A periodic duty's roll to its next period sets a new due date (a late report of an old period carries no `next`). */
function setsDeadline(event: LoggedEvent): boolean {
  switch (event.type) {
    case 'TaskAssigned':
    case 'DeadlineChanged':
    case 'TaskReassigned':
    case 'PeriodicReportMissed':
      return true;
    case 'PeriodicReportSubmitted':
      return (event.data as { next?: unknown }).next !== undefined;
    default:
      return false;
  }
}

export function foldReminderView(events: readonly LoggedEvent[]): ReminderView | undefined {
  let task: TaskState;
  let deadlineSetAt = '';
  let leadSince = '';
  let registeredAt = '';
  let historical = false;
  let remindersSinceUpdate = 0;
  const sent: SentNotification[] = [];
  const missed: MissedPeriod[] = [];
  for (const event of events) {
    task = evolveTask(task, event as unknown as TaskEvent);
    const at = event.metadata.occurredAt;
    if (setsDeadline(event)) deadlineSetAt = at;
    if (event.type === 'TaskAssigned' || event.type === 'TaskReassigned') leadSince = at;
    if (event.type === 'TaskAssigned') {
      registeredAt = at;
      historical = task?.historical === true;
    }
    if (event.type === 'DeadlineChanged' || event.type === 'TaskReassigned') historical = false;
    if (UPDATES.has(event.type)) remindersSinceUpdate = 0;
    if (event.type === 'PeriodicReportMissed') {
      const d = event.data as { period: string; due: string };
      missed.push({ period: d.period, due: d.due, at });
    }
    if (event.type === 'ReminderSent' || event.type === 'EscalationSent') {
      const d = event.data as { rung: string; due: string; to: string[] };
      const kind = event.type === 'ReminderSent' ? 'reminder' : 'escalation';
      sent.push({ kind, rung: d.rung, due: d.due, to: d.to, sentAt: at });
      if (kind === 'reminder' && !d.rung.startsWith('assigned')) remindersSinceUpdate++;
    }
  }
  return task && { task, deadlineSetAt, leadSince, registeredAt, historical, missed, sent, remindersSinceUpdate };
}

export const wasSent = (view: ReminderView, rung: string, due: string): boolean => view.sent.some((s) => s.rung === rung && s.due === due);
