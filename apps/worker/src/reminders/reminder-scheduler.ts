import { Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import type Redis from 'ioredis';
import { EventStore } from '@tdnv/event-store';
import { parsePendingEntry, pendingEntry, REMINDER_JOBS, reminderKeys } from '@tdnv/queues';
import { LadderContext } from '@tdnv/reminders';
import { overlapped } from './overlapped';
import { DesiredJob, planJobs, touchedTasks, wholeStreamsIn } from './reminder-plan';
import { ReminderTasksStore } from './reminder-tasks.store';

const BATCH = 1000;
/** Completed rung jobs are kept this long so a reconciliation cannot re-add a rung whose send is still in flight. */
export const KEEP_COMPLETED_SECONDS = 12 * 3600;

/**
 * Turns the log into BullMQ delayed jobs: ONE pending job per open task, its next rung (so 100,000
 * tasks are 100,000 jobs, not 900). Every task event re-plans its task, so two schedulers, a
 * replayed batch or a reconciliation all arrive at the same job id. Planning (read, fold, decide)
 * of the next batch overlaps the Redis writes of the current one; the writes stay one batch at a
 * time, so each batch sees the pending jobs the previous one left.
 */
export class ReminderScheduler {
  private readonly logger = new Logger('reminder-scheduler');
  private readonly keys: ReturnType<typeof reminderKeys>;
  private writing: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: EventStore,
    private readonly tasks: ReminderTasksStore,
    private readonly queue: Queue,
    private readonly redis: Redis,
    private readonly context: () => LadderContext,
    prefix?: string,
  ) {
    this.keys = reminderKeys(prefix);
  }

  /** Follows the log from the checkpoint to its end; returns how many events were applied. */
  async catchUp(): Promise<number> {
    let from = this.tasks.checkpoint();
    let applied = 0;
    await overlapped(
      async () => {
        const batch = await this.store.readAll(from, BATCH);
        if (batch.length === 0) return undefined;
        from = batch[batch.length - 1].position;
        return { batch, desired: await planJobs(this.store, touchedTasks(batch), this.context(), wholeStreamsIn(batch)) };
      },
      async ({ batch, desired }) => {
        await this.apply(desired);
        // Only after Redis has the jobs: a crash before this line replays the batch.
        this.tasks.commit(batch);
        applied += batch.length;
      },
    );
    return applied;
  }

  /** Walks every open task and re-creates the pending job where it is missing (after a Redis flush). */
  async reconcile(): Promise<{ tasks: number; added: number }> {
    await this.catchUp();
    let after = '';
    let tasks = 0;
    let added = 0;
    await overlapped(
      async () => {
        const page = this.tasks.openTasks(after, BATCH);
        if (page.length === 0) return undefined;
        after = page[page.length - 1];
        return planJobs(this.store, page, this.context());
      },
      async (desired) => {
        added += await this.apply(desired);
        tasks += desired.length;
      },
    );
    if (added) this.logger.warn(`reconciliation re-created ${added} missing reminder job(s) for ${tasks} open task(s)`);
    return { tasks, added };
  }

  /** Re-plans these tasks from their current streams. Returns jobs added. */
  async replan(taskIds: string[]): Promise<number> {
    if (taskIds.length === 0) return 0;
    return this.apply(await planJobs(this.store, taskIds, this.context()));
  }

  /**
   * Makes Redis agree with the plan in a fixed number of round trips per batch: add the job if
   * missing, re-time it if its time drifted, drop the task's previous job when it is another one.
   */
  private apply(desired: DesiredJob[]): Promise<number> {
    if (desired.length === 0) return Promise.resolve(0);
    // One write at a time per scheduler: a reconciliation's write must not land between a re-plan's
    // read and write (it would re-time the job from a clock reading the re-plan has superseded).
    const run = this.writing.then(() => this.write(desired));
    this.writing = run.catch(() => undefined);
    return run;
  }

  private async write(desired: DesiredJob[]): Promise<number> {
    const client = this.redis;
    const pending = ((await client.hmget(this.keys.pending, ...desired.map((d) => d.taskId))) as (string | null)[]).map(parsePendingEntry);
    // Only a job we believe is there needs a look: a new id is simply added (addBulk keeps an existing id).
    const check = client.pipeline();
    for (let i = 0; i < desired.length; i++) {
      const id = desired[i].job?.id;
      if (id && pending[i]?.id === id) check.exists(this.queue.toKey(id));
    }
    const replies = check.length ? ((await check.exec()) ?? []).map(([, value]) => value) : [];
    const now = this.context().now.getTime();
    const realNow = Date.now();
    const delayOf = (job: { fireAt: number }) => Math.max(0, job.fireAt - now);
    let k = 0;
    const toAdd: Parameters<Queue['addBulk']>[0] = [];
    const retime: { id: string; delay: number }[] = [];
    const stale: string[] = [];
    const set: Record<string, string> = {};
    const unset: string[] = [];
    for (let i = 0; i < desired.length; i++) {
      const { taskId, job } = desired[i];
      const old = pending[i]?.id;
      if (old && old !== job?.id) stale.push(old);
      if (!job) {
        if (old) unset.push(taskId);
        continue;
      }
      const realFireAt = realNow + delayOf(job);
      if (old !== job.id) {
        toAdd.push({ name: REMINDER_JOBS.rung, data: job.data, opts: { jobId: job.id, delay: delayOf(job) } });
        set[taskId] = pendingEntry({ id: job.id, realFireAt });
        continue;
      }
      const exists = replies[k++] === 1;
      if (!exists) {
        toAdd.push({ name: REMINDER_JOBS.rung, data: job.data, opts: { jobId: job.id, delay: delayOf(job) } });
        set[taskId] = pendingEntry({ id: job.id, realFireAt });
      }
      // A clock moved by CLOCK_START or a test, or a changed calendar, shows as drift: the job is re-timed, not duplicated.
      else if (!(Math.abs(pending[i]!.realFireAt - realFireAt) <= 1_000)) {
        retime.push({ id: job.id, delay: delayOf(job) });
        set[taskId] = pendingEntry({ id: job.id, realFireAt });
      }
    }
    await Promise.all([
      toAdd.length ? this.queue.addBulk(toAdd) : undefined,
      // An active job is locked and cannot be removed: it will find itself stale when it runs.
      ...stale.map((id) => this.queue.remove(id).catch(() => 0)),
      ...retime.map(async ({ id, delay }) => (await this.queue.getJob(id))?.changeDelay(Math.max(1, delay)).catch(() => undefined)),
    ]);
    const write = client.pipeline();
    if (Object.keys(set).length) write.hset(this.keys.pending, set);
    if (unset.length) write.hdel(this.keys.pending, ...unset);
    if (write.length) await write.exec();
    return toAdd.length;
  }
}
