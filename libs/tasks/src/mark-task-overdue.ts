import { runStreamCommand } from '@tdnv/command-handling';
import { SCHEDULER, DeadlinePolicy, taskStream, decideTask, TaskEvent, evolveTask, TaskState } from '@tdnv/domain';
import { EventStore } from '@tdnv/event-store';

/**
 * The one path by which a task becomes overdue (TaskBecameOverdue through the decider), taken by
 * both the overdue sweep and the reminder ladder's overdue rung. The idempotency key (task, due)
 * makes any number of callers append the event once. Resolves true when the task is (now) overdue
 * for `due`; false when the due date moved or the task can no longer become overdue.
 */
export async function markTaskOverdue(
  store: EventStore,
  taskId: string,
  due: string,
  at: { now: Date; today: string },
  policy: DeadlinePolicy,
): Promise<boolean> {
  return runStreamCommand<TaskState, boolean>(store, {
    stream: taskStream(taskId),
    initial: undefined,
    evolve: (s, e) => evolveTask(s, e as TaskEvent),
    context: { actor: SCHEDULER, now: at.now, today: at.today, idempotencyKey: `overdue|${taskId}|${due}`, requestHash: `overdue|${due}` },
    respond: (state) => state?.overdueFor.includes(due) ?? false,
    decide: (state) =>
      state?.deadline.due === due
        ? {
            events: decideTask(
              { type: 'MarkTaskOverdue', actor: SCHEDULER, now: at.now.toISOString(), today: at.today, payload: {} },
              state,
              policy,
            ),
          }
        : { events: [] },
  }).catch((error: Error) => (error.name === 'RefusedWithStateError' ? false : Promise.reject(error)));
}
