import { Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import type Redis from 'ioredis';
import { daysBetween, localDateOf } from '@tdnv/calendar';
import { taskStream, notificationKey } from '@tdnv/domain';
import { EventStore } from '@tdnv/event-store';
import { Mailer, messageIdFor, renderMail, TemplateItem } from '@tdnv/notifications';
import { NotificationItem, reminderKeys, SendJob } from '@tdnv/queues';
import { LadderContext, foldReminderView, ReminderView, stillWanted, RecipientResolver } from '@tdnv/reminders';
import { Coalescer } from './coalescer';
import { NotificationRecorder } from './notification-recorder';

export interface SendProcessorDeps {
  store: EventStore;
  redis: Redis;
  mailer: Mailer;
  resolver: RecipientResolver;
  context: () => LadderContext;
  publicUrl: string;
  prefix?: string;
  /** Told which tasks just had a notification recorded, so their next rung is scheduled at once. */
  afterRecord: (taskIds: string[]) => Promise<unknown>;
}

const CLAIM_MS = 3_600_000;

/**
 * Sends one email (one task, or one agency's digest) and then records ReminderSent/EscalationSent
 * for each item. Before sending it drops items that are no longer wanted (task closed, deadline
 * moved, already recorded) and claims the rest, so two jobs can never mail the same rung; a failed
 * SMTP send throws and BullMQ retries with backoff, still holding the claim.
 */
export class SendProcessor {
  private readonly logger = new Logger('notifications');
  private readonly keys: ReturnType<typeof reminderKeys>;

  private readonly recorder: NotificationRecorder;
  /** Counters and the next rungs of the items recorded by concurrent sends, in one go. */
  private readonly settled = new Coalescer<NotificationItem[]>(async (batches) => {
    const items = batches.flat();
    const stats = this.deps.redis.pipeline();
    const reminders = items.filter((i) => i.kind === 'reminder').length;
    if (reminders) stats.hincrby(this.keys.stats, 'reminders', reminders);
    if (items.length > reminders) stats.hincrby(this.keys.stats, 'escalations', items.length - reminders);
    // The counters are a convenience; the next rungs must be scheduled even while Redis is away.
    await stats.exec().catch((error: Error) => this.logger.warn(`reminder counters not updated: ${error.message}`));
    await this.deps.afterRecord([...new Set(items.map((i) => i.taskId))]);
    return batches.map(() => undefined);
  });

  constructor(private readonly deps: SendProcessorDeps) {
    this.keys = reminderKeys(deps.prefix);
    this.recorder = new NotificationRecorder(deps.store);
  }

  process = async (job: Job<SendJob>): Promise<string> => {
    const send = job.data;
    const wanted: { item: NotificationItem; view: ReminderView }[] = [];
    for (const item of send.items) {
      const view = foldReminderView((await this.deps.store.readStream(taskStream(item.taskId))).events);
      if (view && stillWanted(view, item) && (await this.claim(item, job.id!))) wanted.push({ item, view });
    }
    if (wanted.length === 0) return 'nothing left to send';
    const ctx = this.deps.context();
    const items = wanted.map(({ item, view }) => this.templateItem(item, view, ctx));
    const mail = renderMail(await this.deps.resolver.agencyName(send.agency), items);
    const messageId = messageIdFor(wanted.map(({ item }) => notificationKey(item.taskId, item.rung, item.due)));
    const mailed = this.keys.mailed(messageId);
    let marked: Promise<void> | undefined;
    if (send.to.length === 0) this.logger.warn(`no recipient on file for ${send.agency}; recorded without mailing: ${mail.subject}`);
    // A worker that died after the SMTP server accepted the mail, before recording it: the retry
    // only records. (What is left is the moment between the SMTP answer and this key: milliseconds.)
    else if (!(await this.deps.redis.exists(mailed))) {
      try {
        await this.deps.mailer.send({ to: send.to, messageId, ...mail });
      } catch (error) {
        await this.deps.redis.hincrby(this.keys.stats, 'failures', 1);
        throw error;
      }
      marked = this.markMailed(mailed);
    }
    // Recorded beside the mark, not after it: a mark waiting on a Redis that is restarting must
    // not hold back the record, or the mail is planned and sent again meanwhile.
    await Promise.all([marked, ...wanted.map(({ item }) => this.recorder.record(item, send.to, ctx))]);
    await this.settled.add(wanted.map(({ item }) => item));
    return `sent ${wanted.length} item(s) to ${send.to.join(', ') || 'nobody'}`;
  };

  /** The mark only narrows the window in which a retry mails again; the event store is the record. */
  private async markMailed(key: string): Promise<void> {
    await this.deps.redis
      .set(key, '1', 'PX', CLAIM_MS)
      .catch((error: Error) => this.logger.warn(`sent mail not marked in Redis: ${error.message}`));
  }

  private async claim(item: NotificationItem, jobId: string): Promise<boolean> {
    const key = this.keys.claim(notificationKey(item.taskId, item.rung, item.due));
    if ((await this.deps.redis.set(key, jobId, 'PX', CLAIM_MS, 'NX')) === 'OK') return true;
    return (await this.deps.redis.get(key)) === jobId;
  }

  private templateItem(item: NotificationItem, view: ReminderView, ctx: LadderContext): TemplateItem {
    const task = view.task;
    // A periodic duty's item names its period ("kỳ 12/2026").
    const period = task.occurrences?.find((o) => o.due === item.due)?.period;
    const base = {
      taskId: item.taskId,
      kind: item.kind,
      rung: item.rung,
      noticeNumber: task.noticeNumber,
      text: task.text,
      due: item.due,
      period,
      link: `${this.deps.publicUrl}/tasks/${encodeURIComponent(item.taskId)}`,
    };
    if (item.due === 'none') return base;
    const today = localDateOf(ctx.now, ctx.timeZone);
    const effectiveDue = ctx.calendar.effectiveDue(item.due);
    const workingDaysOverdue = today > effectiveDue ? ctx.calendar.workingDaysBetween(effectiveDue, today) : undefined;
    return { ...base, effectiveDue, daysLeft: daysBetween(today, effectiveDue), workingDaysOverdue };
  }
}
