import { Clock } from '../../../../libs/config/src/clock';
import { runStreamCommand } from '../../../../libs/command-handling/src/stream-command';
import { DeadlinePolicy } from '../../../../libs/domain/src/deadline';
import { taskStream } from '../../../../libs/domain/src/ids';
import { decideTask } from '../../../../libs/domain/src/task/task.decide';
import { TaskEvent } from '../../../../libs/domain/src/task/task.events';
import { evolveTask } from '../../../../libs/domain/src/task/task.evolve';
import { TaskState } from '../../../../libs/domain/src/task/task.state';
import { EventStore } from '../../../../libs/event-store/src/event-store.port';
import { OpenDeadlinesStore } from './open-deadlines.store';

const BATCH = 1000;
const SCHEDULER = { id: 'scheduler', role: 'system' as const };

/**
 * The lifecycle's scheduler row: an open task whose (rolled-forward) due date has passed gets
 * TaskBecameOverdue, once per due date. The idempotency key (task, due) makes two workers sweeping
 * at once append one event.
 */
export async function sweepOverdue(store: EventStore, deadlines: OpenDeadlinesStore, clock: Clock, policy: DeadlinePolicy): Promise<{ overdue: string[] }> {
  await catchUp(store, deadlines);
  const today = clock.today();
  const overdue: string[] = [];
  for (const { taskId, due } of deadlines.candidates(today)) {
    if (today <= policy.effectiveDue(due)) continue;
    const result = await runStreamCommand<TaskState, boolean>(store, {
      stream: taskStream(taskId),
      initial: undefined,
      evolve: (s, e) => evolveTask(s, e as TaskEvent),
      context: { actor: SCHEDULER, now: clock.now(), today, idempotencyKey: `overdue|${taskId}|${due}`, requestHash: `overdue|${due}` },
      respond: (state) => state?.overdueFor.includes(due) ?? false,
      decide: (state) =>
        state?.deadline.due === due
          ? { events: decideTask({ type: 'MarkTaskOverdue', actor: SCHEDULER, now: clock.now().toISOString(), today, payload: {} }, state, policy) }
          : { events: [] },
    }).catch((error: Error) => (error.name === 'RefusedWithStateError' ? false : Promise.reject(error)));
    if (result) overdue.push(taskId);
  }
  await catchUp(store, deadlines);
  return { overdue };
}

export async function catchUp(store: EventStore, deadlines: OpenDeadlinesStore): Promise<void> {
  for (;;) {
    const batch = await store.readAll(deadlines.checkpoint(), BATCH);
    if (batch.length === 0) return;
    deadlines.apply(batch);
  }
}
