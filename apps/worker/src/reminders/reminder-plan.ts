import { taskStream } from '@tdnv/domain';
import { EventStore, StoredEvent } from '@tdnv/event-store';
import { RungJob, rungJobId } from '@tdnv/queues';
import { LadderContext, foldReminderView, nextStep } from '@tdnv/reminders';
import { taskIdOf } from './reminder-tasks.store';

/** A task's one wanted job (none when the ladder is finished or the task closed). */
export interface DesiredJob {
  taskId: string;
  /** `fireAt` is absolute (clock ms): the delay is taken when Redis is written, so a plan made before the clock moved cannot re-time a job back. */
  job?: { data: RungJob; id: string; fireAt: number };
}

/** The tasks a batch of the log touches, in first-seen order. */
export function touchedTasks(batch: readonly StoredEvent[]): string[] {
  const touched = new Set<string>();
  for (const event of batch) {
    const taskId = taskIdOf(event);
    if (taskId) touched.add(taskId);
  }
  return [...touched];
}

/**
 * The task streams a batch holds from their first event on, without a gap: for those the batch
 * already carries everything up to its end, so the stream need not be read again (a freshly
 * imported notice is thousands of such tasks). Events after the batch come in a later batch,
 * which plans the task again.
 */
export function wholeStreamsIn(batch: readonly StoredEvent[]): Map<string, StoredEvent[]> {
  const streams = new Map<string, StoredEvent[]>();
  const broken = new Set<string>();
  for (const event of batch) {
    const taskId = taskIdOf(event);
    if (!taskId || broken.has(taskId)) continue;
    const events = streams.get(taskId);
    const expected = events ? events[events.length - 1].revision + 1 : 0;
    if (event.revision !== expected || event.stream !== taskStream(taskId)) {
      streams.delete(taskId);
      broken.add(taskId);
    } else if (events) events.push(event);
    else streams.set(taskId, [event]);
  }
  return streams;
}

/**
 * At most this many task streams are read and folded at once, and the planner gives the event loop
 * back every SLICE_MS: a batch of a thousand tasks folded back to back (their reads all answered
 * together) held the worker's loop for 100–500 ms, and the projections and sends that share it
 * waited (the projection lag's tail in `npm run bench -- multi-instance`).
 */
const PLAN_CONCURRENCY = 2;
const SLICE_MS = 2;

/** Each task's next step as a job: pure apart from reading the streams the batch does not hold. */
export async function planJobs(
  store: EventStore,
  taskIds: string[],
  ctx: LadderContext,
  known?: Map<string, StoredEvent[]>,
): Promise<DesiredJob[]> {
  const plans: DesiredJob[] = new Array<DesiredJob>(taskIds.length);
  let next = 0;
  let sliceStart = performance.now();
  const runner = async (): Promise<void> => {
    while (next < taskIds.length) {
      const i = next++;
      plans[i] = await planOne(store, taskIds[i], ctx, known);
      if (performance.now() - sliceStart > SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        sliceStart = performance.now();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PLAN_CONCURRENCY, taskIds.length) }, runner));
  return plans;
}

async function planOne(store: EventStore, taskId: string, ctx: LadderContext, known?: Map<string, StoredEvent[]>): Promise<DesiredJob> {
  const events = known?.get(taskId) ?? (await store.readStream(taskStream(taskId))).events;
  const step = nextStep(foldReminderView(events), ctx);
  if (step.type === 'ignore') return { taskId };
  const data = { taskId, rung: step.rung.rung, due: step.rung.due };
  return { taskId, job: { data, id: rungJobId(data), fireAt: step.rung.fireAt.getTime() } };
}
