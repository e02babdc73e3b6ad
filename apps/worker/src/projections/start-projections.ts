import { migrateReadModels, openReadModelDatabase, PROJECTIONS } from '@tdnv/read-models';
import { RunningCapability, WorkerContext } from '../worker-context';
import { startProjectionsWorker } from './projections.processor';

/** Read-model projections on the `projections` queue (issue 4): migrations first, then the processor. */
export async function startProjections(context: WorkerContext): Promise<RunningCapability> {
  const db = await openReadModelDatabase({ readModelUrl: context.config.readModelUrl, dataDir: context.config.dataDir });
  await migrateReadModels(db, PROJECTIONS);
  const running = await startProjectionsWorker({
    connection: context.connection,
    prefix: context.prefix,
    db,
    store: context.store,
    policy: context.policy,
    timeZone: context.config.tzDeadlines,
    logger: context.logger,
    jobLock: context.jobLock,
  });
  return {
    close: async () => {
      await running.close();
      await db.close();
    },
  };
}
