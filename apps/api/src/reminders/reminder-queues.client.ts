import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { AppConfig, APP_CONFIG } from '@tdnv/config';
import { redisConnection, REMINDER_JOBS, REMINDER_QUEUES, reminderKeys } from '@tdnv/queues';
import { NotifyingEventStore } from '@tdnv/event-store';

export interface ReminderStats {
  reminders: number;
  escalations: number;
  failures: number;
}

/**
 * The API's side of the reminder queues: it nudges the worker's scheduling consumer after every
 * append to a task stream, and reads queue depths and the worker's counters for /metrics. Queues
 * are opened on first use so an API that never appends or is never scraped opens no connection.
 */
@Injectable()
export class ReminderQueuesClient implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('reminders');
  private queues?: { reminders: Queue; notifications: Queue; scheduling: Queue; redis: Redis };
  private closed = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly store: NotifyingEventStore,
  ) {}

  onModuleInit(): void {
    this.store.onAppended((results) => {
      // A nudge flushed while the app closes (the store's last coalesced batch) must not reopen the queues.
      if (this.closed || !results.some((r) => r.stream.startsWith('task-'))) return;
      // A lost nudge loses nothing: the consumer also catches up on its own timer.
      this.open()
        .scheduling.add(REMINDER_JOBS.catchUp, {}, { deduplication: { id: REMINDER_JOBS.catchUp } })
        .catch((error: Error) => this.logger.warn(`could not nudge the reminder scheduler: ${error.message}`));
    });
  }

  async jobCounts(): Promise<Record<string, Record<string, number>>> {
    const q = this.open();
    const states = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;
    return {
      [REMINDER_QUEUES.reminders]: await q.reminders.getJobCounts(...states),
      [REMINDER_QUEUES.notifications]: await q.notifications.getJobCounts(...states),
    };
  }

  async stats(): Promise<ReminderStats> {
    const raw = await this.open().redis.hgetall(reminderKeys(this.config.queuePrefix).stats);
    return { reminders: Number(raw.reminders ?? 0), escalations: Number(raw.escalations ?? 0), failures: Number(raw.failures ?? 0) };
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    const q = this.queues;
    this.queues = undefined;
    if (!q) return;
    await Promise.all([q.reminders.close(), q.notifications.close(), q.scheduling.close()]);
    q.redis.disconnect();
  }

  private open(): NonNullable<ReminderQueuesClient['queues']> {
    if (!this.queues) {
      const connection = redisConnection(this.config.redisUrl);
      const prefix = this.config.queuePrefix;
      this.queues = {
        reminders: new Queue(REMINDER_QUEUES.reminders, { connection, prefix }),
        notifications: new Queue(REMINDER_QUEUES.notifications, { connection, prefix }),
        scheduling: new Queue(REMINDER_QUEUES.scheduling, { connection, prefix }),
        redis: new Redis(this.config.redisUrl, { maxRetriesPerRequest: 1 }),
      };
      for (const queue of [this.queues.reminders, this.queues.notifications, this.queues.scheduling])
        queue.on('error', (e) => this.logger.warn(`${queue.name}: ${e.message}`));
      this.queues.redis.on('error', () => undefined);
    }
    return this.queues;
  }
}
