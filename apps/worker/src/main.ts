import 'reflect-metadata';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import Redis, { RedisOptions } from 'ioredis';
import { ConfigError, loadConfig, Clock, assertRedisReachable } from '@tdnv/config';
import { createDeadlinePolicy } from '@tdnv/calendar';
import { WorkerPresence } from '@tdnv/coordination';
import { createEventStore } from '@tdnv/event-store';
import { createLogger, instanceId, PinoNestLogger } from '@tdnv/logging';
import { redisConnection } from '@tdnv/queues';
import { createLeases } from './leases';
import { OpenDeadlinesStore } from './overdue/open-deadlines.store';
import { startOverdueSweep } from './overdue/overdue-sweep.processor';
import { startProjections } from './projections/start-projections';
import { startReminders } from './reminders/start-reminders';
import { DEFAULT_JOB_LOCK, RunningCapability, WorkerContext } from './worker-context';

/** How long a stopping worker waits for its running jobs before it exits anyway (SHUTDOWN_TIMEOUT_MS). */
const shutdownTimeoutMs = (): number => Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 30_000);

/**
 * The worker process: BullMQ processors that act on the event log. Any number of them may run
 * against one PostgreSQL event store, PostgreSQL read models and one Redis: every BullMQ job has one
 * consumer, the projections serialise on their checkpoint row lock, and the overdue sweep holds a
 * lease (docs/OPERATIONS.md, "Several instances").
 */
async function main(): Promise<void> {
  const root = createLogger({ app: 'worker' });
  Logger.overrideLogger(new PinoNestLogger(root));
  const logger = root.child({ context: 'worker' });
  const config = loadConfig();
  await assertRedisReachable(config.redisUrl, { onWaiting: (message) => logger.warn(message) });
  const connection = redisConnection(config.redisUrl);
  const redis = new Redis({ ...(connection as RedisOptions), maxRetriesPerRequest: 1 });
  redis.on('error', () => undefined);
  const context: WorkerContext = {
    config,
    store: createEventStore({ eventstoreUrl: config.eventstoreUrl, dataDir: config.dataDir }),
    connection,
    prefix: config.queuePrefix,
    clock: new Clock(config.tzDeadlines, config.clockStart),
    policy: createDeadlinePolicy(config.deadlineRollForward),
    leases: createLeases(config, redis),
    logger: root,
    jobLock: DEFAULT_JOB_LOCK,
  };
  const deadlines = new OpenDeadlinesStore(join(config.dataDir, 'worker.sqlite'));
  const running: RunningCapability[] = [
    await startOverdueSweep({ ...context, deadlines }),
    await startProjections(context),
    await startReminders(context, reminderIntervals()),
  ];
  const presence = new WorkerPresence(redis, instanceId('worker'), config.queuePrefix);
  await presence.start();
  logger.info({ id: presence.id }, 'Worker started: overdue sweep, projections, reminders');
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: finishing running jobs');
    setTimeout(() => {
      logger.error(
        { timeoutMs: shutdownTimeoutMs() },
        'jobs still running at the shutdown timeout; exiting (BullMQ hands them to another worker)',
      );
      process.exit(1);
    }, shutdownTimeoutMs()).unref();
    // Leave the heartbeat first, so /health/ready stops counting this worker at once.
    await presence.stop();
    for (const capability of running) await capability.close();
    await context.leases?.close();
    deadlines.close();
    await context.store.close();
    redis.disconnect();
    logger.info('stopped');
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

/** Test and operations knobs of the reminder consumer (REMINDER_CATCH_UP_MS, REMINDER_RECONCILE_MS). */
function reminderIntervals(): { catchUpEveryMs?: number; reconcileEveryMs?: number } {
  const ms = (name: string): number | undefined => {
    const raw = process.env[name];
    if (!raw) return undefined;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 100)
      throw new ConfigError([`${name} must be an integer of milliseconds, at least 100 (got "${raw}")`]);
    return value;
  };
  return { catchUpEveryMs: ms('REMINDER_CATCH_UP_MS'), reconcileEveryMs: ms('REMINDER_RECONCILE_MS') };
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `Worker failed to start: ${(error as Error).message}`);
  process.exit(1);
});
