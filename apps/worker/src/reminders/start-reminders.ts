import { Logger } from '@nestjs/common';
import { Job, Worker } from 'bullmq';
import Redis, { RedisOptions } from 'ioredis';
import { join } from 'node:path';
import { defaultCalendar } from '@tdnv/calendar';
import { logJobs } from '@tdnv/logging';
import { createMailer, Mailer } from '@tdnv/notifications';
import { REMINDER_JOBS, REMINDER_QUEUES } from '@tdnv/queues';
import { LadderContext, loadReminderPolicy, ReminderPolicy, RecipientResolver } from '@tdnv/reminders';
import { RunningCapability, WorkerContext } from '../worker-context';
import { NotificationQueues, reminderQueues } from './reminder-queues';
import { RungProcessor } from './reminder-rung.processor';
import { KEEP_COMPLETED_SECONDS, ReminderScheduler } from './reminder-scheduler';
import { ReminderTasksStore } from './reminder-tasks.store';
import { SendProcessor } from './notification-send.processor';
import { warnUnlessNoEviction } from './redis-eviction.check';
import { loadReminderSettings } from './reminder-settings';

export interface ReminderOptions {
  policy?: ReminderPolicy;
  mailer?: Mailer;
  /** The scheduling consumer's SQLite file (checkpoint, open tasks); default DATA_DIR/reminders.sqlite. */
  dataFile?: string;
  catchUpEveryMs?: number;
  reconcileEveryMs?: number;
  sendAttempts?: number;
  backoffMs?: number;
  /** Override the settings from the environment (SMTP_POOL_SIZE, NOTIFICATION_CONCURRENCY, REMINDER_CONCURRENCY). */
  concurrency?: { reminders?: number; notifications?: number; smtpPool?: number };
}

export interface RunningReminders extends RunningCapability {
  scheduler: ReminderScheduler;
  queues: NotificationQueues;
  /** Asks the scheduling consumer to catch up now (the API does it after every append). */
  nudge(): Promise<void>;
  /** Re-creates the catch-up and reconcile job schedulers; true when they were missing (Redis lost data). */
  ensureSchedules(): Promise<boolean>;
}

/** Reminder scheduling and sending on the `reminders` and `notifications` queues (issue 5). */
export async function startReminders(context: WorkerContext, options: ReminderOptions = {}): Promise<RunningReminders> {
  const logger = new Logger('reminders');
  const { config, connection, prefix, store, clock } = context;
  const policy = options.policy ?? loadReminderPolicy();
  const settings = loadReminderSettings();
  const calendar = defaultCalendar().withOptions({ rollForward: config.deadlineRollForward });
  const ladder = (): LadderContext => ({ policy, calendar, timeZone: config.tzDeadlines, now: clock.now() });
  const redis = new Redis(connection as RedisOptions);
  await warnUnlessNoEviction(redis, logger);
  const queues = reminderQueues(connection, prefix, {
    keepCompletedSeconds: KEEP_COMPLETED_SECONDS,
    sendAttempts: options.sendAttempts ?? 8,
    backoffMs: options.backoffMs ?? 5_000,
  });
  const tasks = new ReminderTasksStore(options.dataFile ?? join(config.dataDir, 'worker.sqlite'));
  const scheduler = new ReminderScheduler(store, tasks, queues.reminders, redis, ladder, prefix);
  const resolver = new RecipientResolver(store);
  const mailer =
    options.mailer ??
    createMailer({
      smtpUrl: config.smtpUrl,
      from: config.mailFrom,
      log: (line) => logger.log(line),
      poolSize: options.concurrency?.smtpPool ?? settings.smtpPoolSize,
    });
  const rungs = new RungProcessor({
    store,
    scheduler,
    reminders: queues.reminders,
    notifications: queues.notifications,
    redis,
    resolver,
    context: ladder,
    prefix,
  });
  const sends = new SendProcessor({
    store,
    redis,
    mailer,
    resolver,
    context: ladder,
    publicUrl: config.publicUrl,
    prefix,
    afterRecord: (ids) => scheduler.replan(ids),
  });
  // The scheduler follows the log with its own checkpoint and writes the pending jobs: one worker at
  // a time holds it (a lease), so two never re-plan a task against each other. A run refused the
  // lease leaves a catch-up behind it, so a nudge that arrived meanwhile is not lost.
  const schedule = async (job: Job) => {
    const run = (): Promise<unknown> => (job.name === REMINDER_JOBS.reconcile ? scheduler.reconcile() : scheduler.catchUp());
    if (!context.leases) return run();
    const outcome = await context.leases.runExclusive('reminder-scheduler', run);
    if (outcome.ran) return outcome.value;
    await queues.scheduling.add(REMINDER_JOBS.catchUp, {}, { delay: 200, deduplication: { id: `${REMINDER_JOBS.catchUp}-after-lease` } });
    return { skipped: 'another worker holds the reminder-scheduler lease' };
  };
  const lock = context.jobLock ?? {};
  const workers = [
    new Worker(REMINDER_QUEUES.reminders, rungs.process, {
      connection,
      prefix,
      concurrency: options.concurrency?.reminders ?? settings.reminderConcurrency,
      ...lock,
    }),
    new Worker(REMINDER_QUEUES.notifications, sends.process, {
      connection,
      prefix,
      concurrency: options.concurrency?.notifications ?? settings.notificationConcurrency,
      ...lock,
    }),
    new Worker(REMINDER_QUEUES.scheduling, schedule, { connection, prefix, concurrency: 1, ...lock }),
  ];
  if (context.logger)
    for (const worker of workers)
      logJobs(worker, context.logger.child({ context: worker.name }), worker.name === REMINDER_QUEUES.scheduling ? 'debug' : 'info');
  // A worker error (Redis restarting, a key flushed under a running job) is logged, never thrown.
  for (const worker of workers) worker.on('error', (error) => logger.warn(`${worker.name} worker: ${error.message}`));
  for (const worker of workers)
    worker.on('failed', (job, error) =>
      logger.warn(`${worker.name} job ${job?.id} failed (attempt ${job?.attemptsMade}): ${error.message}`),
    );
  const reconcileEveryMs = options.reconcileEveryMs ?? 5 * 60_000;
  /**
   * The job schedulers live in Redis too: after a flush they are gone with the jobs. A local timer
   * re-creates them, and a missing scheduler means Redis lost data, so a reconciliation runs at once.
   */
  const ensureSchedules = async (): Promise<boolean> => {
    const lost = !(await queues.scheduling.getJobScheduler(REMINDER_JOBS.reconcile));
    await queues.scheduling.upsertJobScheduler(
      REMINDER_JOBS.catchUp,
      { every: options.catchUpEveryMs ?? 5_000 },
      { name: REMINDER_JOBS.catchUp },
    );
    await queues.scheduling.upsertJobScheduler(REMINDER_JOBS.reconcile, { every: reconcileEveryMs }, { name: REMINDER_JOBS.reconcile });
    if (lost) await queues.scheduling.add(REMINDER_JOBS.reconcile, {});
    return lost;
  };
  // At start the reconcile scheduler may exist from a previous run; reconcile anyway.
  if (!(await ensureSchedules())) await queues.scheduling.add(REMINDER_JOBS.reconcile, {});
  const watchdog = setInterval(
    () => void ensureSchedules().catch((error: Error) => logger.warn(`could not check job schedulers: ${error.message}`)),
    Math.min(60_000, reconcileEveryMs),
  );
  watchdog.unref();
  return {
    scheduler,
    queues,
    nudge: async () => {
      await queues.scheduling.add(REMINDER_JOBS.catchUp, {}, { deduplication: { id: REMINDER_JOBS.catchUp } });
    },
    ensureSchedules,
    close: async () => {
      clearInterval(watchdog);
      for (const worker of workers) await worker.close();
      await queues.close();
      mailer.close();
      redis.disconnect();
      tasks.close();
    },
  };
}
