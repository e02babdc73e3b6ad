import { Clock } from '@tdnv/config';
import { DeadlinePolicy } from '@tdnv/domain';
import { EventStore } from '@tdnv/event-store';
import { markTaskOverdue } from '@tdnv/tasks';
import { OpenDeadlinesStore } from './open-deadlines.store';

const BATCH = 1000;

/**
 * The lifecycle's scheduler row: an open task whose (rolled-forward) due date has passed gets
 * TaskBecameOverdue, once per due date, through the one path that marks tasks overdue.
 */
export async function sweepOverdue(
  store: EventStore,
  deadlines: OpenDeadlinesStore,
  clock: Clock,
  policy: DeadlinePolicy,
): Promise<{ overdue: string[] }> {
  await catchUp(store, deadlines);
  const today = clock.today();
  const overdue: string[] = [];
  for (const { taskId, due } of deadlines.candidates(today)) {
    if (today <= policy.effectiveDue(due)) continue;
    if (await markTaskOverdue(store, taskId, due, { now: clock.now(), today }, policy)) overdue.push(taskId);
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
