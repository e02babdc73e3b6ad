import { ConnectionOptions, Queue } from 'bullmq';
import { REMINDER_QUEUES } from '@tdnv/queues';

export interface NotificationQueues {
  reminders: Queue;
  notifications: Queue;
  scheduling: Queue;
  close(): Promise<void>;
}

/**
 * The three queues with their retention: failed jobs are kept for inspection (BullMQ's
 * going-to-production advice); completed rung jobs are kept for a while so their ids keep
 * de-duplicating; sends retry with exponential backoff when the SMTP server is down.
 */
export function reminderQueues(
  connection: ConnectionOptions,
  prefix: string | undefined,
  o: { keepCompletedSeconds: number; sendAttempts: number; backoffMs: number },
): NotificationQueues {
  const reminders = new Queue(REMINDER_QUEUES.reminders, {
    connection,
    prefix,
    defaultJobOptions: {
      removeOnComplete: { age: o.keepCompletedSeconds },
      removeOnFail: { count: 10_000 },
      attempts: 5,
      backoff: { type: 'exponential', delay: 1_000 },
    },
  });
  const notifications = new Queue(REMINDER_QUEUES.notifications, {
    connection,
    prefix,
    defaultJobOptions: {
      removeOnComplete: { age: 86_400 },
      removeOnFail: { count: 10_000 },
      attempts: o.sendAttempts,
      backoff: { type: 'exponential', delay: o.backoffMs },
    },
  });
  const scheduling = new Queue(REMINDER_QUEUES.scheduling, {
    connection,
    prefix,
    defaultJobOptions: {
      removeOnComplete: { count: 100 },
      removeOnFail: { count: 100 },
      attempts: 3,
      backoff: { type: 'exponential', delay: 1_000 },
    },
  });
  return {
    reminders,
    notifications,
    scheduling,
    close: async () => {
      await Promise.all([reminders.close(), notifications.close(), scheduling.close()]);
    },
  };
}
