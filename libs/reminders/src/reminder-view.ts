import { TaskEvent, evolveTask, Task, TaskState } from '@tdnv/domain';

/** One notification recorded in the task's stream (ReminderSent / EscalationSent). */
export interface SentNotification {
  kind: 'reminder' | 'escalation';
  rung: string;
  due: string;
  to: string[];
  sentAt: string;
}

/**
 * What the reminder workflow needs to know about a task, folded from its stream: the task itself,
 * when its current deadline was set (rungs that were already past then are skipped), what was sent,
 * and how many reminders went out since the agency last did something.
 */
export interface ReminderView {
  task: Task;
  deadlineSetAt: string;
  /** When the current lead got the task (assignment or reassignment): its assignment email is due then. */
  leadSince: string;
  sent: SentNotification[];
  remindersSinceUpdate: number;
}

/** The lead agency acting on the task counts as an update (it read its mail). */
const UPDATES = new Set(['TaskAcknowledged', 'TaskDeclined', 'ProgressReported', 'ExtensionRequested', 'CompletionReported', 'TaskDelegated']);

export interface LoggedEvent {
  type: string;
  data: unknown;
  metadata: { occurredAt: string };
}

export function foldReminderView(events: readonly LoggedEvent[]): ReminderView | undefined {
  let task: TaskState;
  let deadlineSetAt = '';
  let leadSince = '';
  let remindersSinceUpdate = 0;
  const sent: SentNotification[] = [];
  for (const event of events) {
    task = evolveTask(task, event as unknown as TaskEvent);
    const at = event.metadata.occurredAt;
    if (event.type === 'TaskAssigned' || event.type === 'DeadlineChanged' || event.type === 'TaskReassigned') deadlineSetAt = at;
    if (event.type === 'TaskAssigned' || event.type === 'TaskReassigned') leadSince = at;
    if (UPDATES.has(event.type)) remindersSinceUpdate = 0;
    if (event.type === 'ReminderSent' || event.type === 'EscalationSent') {
      const d = event.data as { rung: string; due: string; to: string[] };
      const kind = event.type === 'ReminderSent' ? 'reminder' : 'escalation';
      sent.push({ kind, rung: d.rung, due: d.due, to: d.to, sentAt: at });
      if (kind === 'reminder' && !d.rung.startsWith('assigned')) remindersSinceUpdate++;
    }
  }
  return task && { task, deadlineSetAt, leadSince, sent, remindersSinceUpdate };
}

export const wasSent = (view: ReminderView, rung: string, due: string): boolean => view.sent.some((s) => s.rung === rung && s.due === due);
