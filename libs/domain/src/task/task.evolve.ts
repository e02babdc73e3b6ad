import { TaskEvent } from './task.events';
import { Task, TaskState } from './task.state';

/** Folds one event into the task. Never mutates `state`. */
export function evolveTask(state: TaskState, event: TaskEvent): TaskState {
  if (event.type === 'TaskAssigned') {
    return { ...event.data, status: 'assigned', originalDeadline: event.data.deadline, children: [], overdueFor: [], notificationsSent: [] };
  }
  if (!state) return state;
  return evolveExisting(state, event);
}

function evolveExisting(task: Task, event: Exclude<TaskEvent, { type: 'TaskAssigned' }>): Task {
  switch (event.type) {
    case 'TaskAcknowledged':
      return { ...task, status: 'acknowledged' };
    case 'TaskDeclined':
      return { ...task, status: 'reassignment_requested' };
    case 'TaskReassigned':
      return { ...task, status: 'assigned', lead: event.data.to, pendingExtension: undefined };
    case 'ProgressReported':
      return {
        ...task,
        status: task.status === 'acknowledged' ? 'in_progress' : task.status,
        lastProgress: {
          note: event.data.note,
          percent: event.data.percent,
          documentRef: event.data.documentRef,
          by: event.data.by,
        },
      };
    case 'ExtensionRequested':
      return {
        ...task,
        pendingExtension: { proposedDue: event.data.proposedDue, reason: event.data.reason, by: event.data.by },
      };
    case 'ExtensionApproved':
    case 'ExtensionRejected':
      return { ...task, pendingExtension: undefined };
    case 'DeadlineChanged':
      return { ...task, deadline: event.data.to };
    case 'CompletionReported': {
      const { result, documentRef, reportedAt, reportedOn } = event.data;
      return { ...task, status: 'completion_reported', completionReport: { result, documentRef, reportedAt, reportedOn } };
    }
    case 'CompletionReturned':
      return { ...task, status: 'in_progress', completionReport: undefined };
    case 'TaskCompleted':
      return { ...task, status: 'completed', completed: { reportedOn: event.data.reportedOn, onTime: event.data.onTime } };
    case 'TaskCancelled':
      return { ...task, status: 'cancelled', pendingExtension: undefined };
    case 'TaskDelegated':
      return { ...task, children: [...task.children, event.data.childTaskId] };
    case 'TaskBecameOverdue':
      return { ...task, overdueFor: [...task.overdueFor, event.data.due] };
    case 'ReminderSent':
    case 'EscalationSent':
      return { ...task, notificationsSent: [...task.notificationsSent, event.data.key] };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}
