import 'reflect-metadata';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig, Clock, assertRedisReachable } from '@tdnv/config';
import { createDeadlinePolicy } from '@tdnv/calendar';
import { createEventStore } from '@tdnv/event-store';
import { redisConnection } from '@tdnv/queues';
import { OpenDeadlinesStore } from './overdue/open-deadlines.store';
import { startOverdueSweep } from './overdue/overdue-sweep.processor';
import { startProjections } from './projections/start-projections';
import { startReminders } from './reminders/start-reminders';
import { RunningCapability, WorkerContext } from './worker-context';

/** The worker process: BullMQ processors that act on the event log. */
async function main(): Promise<void> {
  const logger = new Logger('worker');
  const config = loadConfig();
  await assertRedisReachable(config.redisUrl);
  const context: WorkerContext = {
    config,
    store: createEventStore({ eventstoreUrl: config.eventstoreUrl, dataDir: config.dataDir }),
    connection: redisConnection(config.redisUrl),
    prefix: config.queuePrefix,
    clock: new Clock(config.tzDeadlines, config.clockStart),
    policy: createDeadlinePolicy(config.deadlineRollForward),
  };
  const deadlines = new OpenDeadlinesStore(join(config.dataDir, 'worker.sqlite'));
  const running: RunningCapability[] = [
    await startOverdueSweep({ ...context, deadlines }),
    await startProjections(context),
    await startReminders(context),
  ];
  logger.log('Worker started: overdue sweep, projections, reminders');
  const shutdown = async () => {
    logger.log('Stopping worker');
    for (const capability of running) await capability.close();
    deadlines.close();
    await context.store.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown());
  process.once('SIGINT', () => void shutdown());
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `Worker failed to start: ${(error as Error).message}`);
  process.exit(1);
});
