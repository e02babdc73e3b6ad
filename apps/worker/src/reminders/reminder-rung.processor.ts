import { Job, Queue } from 'bullmq';
import type Redis from 'ioredis';
import { createHash } from 'node:crypto';
import { localDateOf } from '@tdnv/calendar';
import { taskStream } from '@tdnv/domain';
import { EventStore } from '@tdnv/event-store';
import { DigestJob, digestJobId, NotificationItem, REMINDER_JOBS, reminderKeys, RungJob, SendJob } from '@tdnv/queues';
import { LadderContext, foldReminderView, decideFired, RecipientResolver } from '@tdnv/reminders';
import { markTaskOverdue } from '@tdnv/tasks';
import { Coalescer } from './coalescer';
import { ReminderScheduler } from './reminder-scheduler';

export interface RungProcessorDeps {
  store: EventStore;
  scheduler: ReminderScheduler;
  reminders: Queue;
  redis: Redis;
  notifications: Queue;
  resolver: RecipientResolver;
  context: () => LadderContext;
  prefix?: string;
}

/**
 * Fired jobs of the `reminders` queue. A rung job re-reads its task and acts only if it is still
 * the next step; a digest job gathers one agency's items of one send slot into one email per
 * recipient list. Sending itself is the `notifications` queue's job (retries, backoff).
 */
export class RungProcessor {
  private readonly keys: ReturnType<typeof reminderKeys>;

  /** A slot fires thousands of rung jobs at once: their sends are queued with one addBulk per batch. */
  private readonly enqueued = new Coalescer<{ name: string; data: SendJob; opts: { jobId: string } }>(async (jobs) => {
    await this.deps.notifications.addBulk(jobs);
    return jobs.map(() => undefined);
  });

  constructor(private readonly deps: RungProcessorDeps) {
    this.keys = reminderKeys(deps.prefix);
  }

  process = async (job: Job): Promise<unknown> => {
    if (job.name === REMINDER_JOBS.rung) return this.fired(job.data as RungJob);
    if (job.name === REMINDER_JOBS.digest) return this.digest(job.data as DigestJob);
    return undefined;
  };

  private async fired(job: RungJob): Promise<string> {
    const { store, scheduler, context } = this.deps;
    const ctx = context();
    const { events } = await store.readStream(taskStream(job.taskId));
    const view = foldReminderView(events);
    const decision = decideFired(view, job, ctx);
    if (decision.type === 'ignore') {
      if (decision.reason === 'fired before its time') throw new Error(`${job.rung} of ${job.taskId} fired before its time`);
      await scheduler.replan([job.taskId]); // a stale job means the schedule moved: make sure the right one is there
      return `ignored: ${decision.reason}`;
    }
    if (decision.type === 'mark-overdue') {
      await markTaskOverdue(store, job.taskId, decision.due, { now: ctx.now, today: localDateOf(ctx.now, ctx.timeZone) }, ctx.calendar);
      await scheduler.replan([job.taskId]);
      return 'overdue';
    }
    const slot = ctx.now.toISOString();
    for (const send of decision.sends) {
      const to = await this.deps.resolver.resolve(view!.task, send.to);
      const item: NotificationItem = { taskId: job.taskId, kind: send.kind, rung: send.rung, due: send.due };
      if (ctx.policy.digest) await this.gather(view!.task.lead, decision.at, item, to);
      else await this.enqueueSend({ agency: view!.task.lead, slot, to, items: [item] });
    }
    return `sent ${decision.sends.map((s) => s.rung).join(', ')}`;
  }

  /**
   * Digest mode: the item joins its agency's bucket for the slot. SADD and reading the bucket's
   * generation are one MULTI, and the digest job takes the bucket and bumps the generation in one
   * MULTI, so an item lands either in the digest being taken or in the next one — never in neither.
   */
  private async gather(agency: string, at: Date, item: NotificationItem, to: string[]): Promise<void> {
    const slot = at.toISOString();
    const client = this.deps.redis;
    const result = await client
      .multi()
      .sadd(this.keys.digestItems(agency, slot), JSON.stringify({ item, to }))
      .get(this.keys.digestGen(agency, slot))
      .exec();
    const gen = Number(result?.[1]?.[1] ?? 0);
    const data: DigestJob = { agency, slot, gen };
    const delay = Math.max(0, at.getTime() + this.deps.context().policy.digestWindowSeconds * 1000 - this.deps.context().now.getTime());
    await this.deps.reminders.add(REMINDER_JOBS.digest, data, { jobId: digestJobId(data), delay });
  }

  private async digest(job: DigestJob): Promise<string> {
    const client = this.deps.redis;
    const items = this.keys.digestItems(job.agency, job.slot);
    const taken = await client
      .multi()
      .smembers(items)
      .del(items)
      .incr(this.keys.digestGen(job.agency, job.slot))
      .expire(this.keys.digestGen(job.agency, job.slot), 7 * 86400)
      .exec();
    const members = ((taken?.[0]?.[1] as string[]) ?? []).map((m) => JSON.parse(m) as { item: NotificationItem; to: string[] });
    const byRecipients = new Map<string, SendJob>();
    for (const { item, to } of members) {
      const key = to.join(',');
      const send = byRecipients.get(key) ?? { agency: job.agency, slot: job.slot, to, items: [] };
      send.items.push(item);
      byRecipients.set(key, send);
    }
    for (const send of byRecipients.values()) await this.enqueueSend(send);
    return `${members.length} item(s) in ${byRecipients.size} email(s)`;
  }

  /** The job completes only once its send is queued; the id makes a replayed enqueue a no-op. */
  private async enqueueSend(send: SendJob): Promise<void> {
    send.items.sort((a, b) => a.taskId.localeCompare(b.taskId) || a.rung.localeCompare(b.rung));
    const keys = send.items.map((i) => `${i.taskId}|${i.rung}|${i.due}`).join('\n');
    const id = `ntf__${createHash('sha256')
      .update(`${send.agency}\n${send.to.join(',')}\n${keys}`)
      .digest('hex')
      .slice(0, 32)}`;
    await this.enqueued.add({ name: REMINDER_JOBS.send, data: send, opts: { jobId: id } });
  }
}
