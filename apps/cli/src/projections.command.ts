import { createDeadlinePolicy } from '../../../libs/calendar/src/deadline-policy';
import { loadConfig } from '../../../libs/config/src/app-config';
import { createEventStore } from '../../../libs/event-store/src/create-event-store';
import { migrateReadModels } from '../../../libs/read-models/src/checkpoints';
import { openReadModelDatabase } from '../../../libs/read-models/src/open-read-model-database';
import { rebuildProjection } from '../../../libs/read-models/src/projection-runner';
import { projectionStatuses } from '../../../libs/read-models/src/projection-status';
import { PROJECTIONS } from '../../../libs/read-models/src/projections';

const USAGE = 'projections rebuild [name] | projections status';

/**
 * `npm run cli -- projections rebuild [name]`: rebuilds one projection (or all) from the event log
 * into fresh tables and swaps them in; the API keeps answering from the old tables meanwhile.
 */
export async function runProjections(argv: string[]): Promise<number> {
  const [action, name] = argv;
  const config = loadConfig();
  const store = createEventStore({ eventstoreUrl: config.eventstoreUrl, dataDir: config.dataDir });
  const db = await openReadModelDatabase({ readModelUrl: config.readModelUrl, dataDir: config.dataDir });
  try {
    await migrateReadModels(db, PROJECTIONS);
    if (action === 'status') {
      console.table(await projectionStatuses(db, store));
      return 0;
    }
    if (action !== 'rebuild') {
      console.error(`Usage: npm run cli -- ${USAGE}`);
      return 2;
    }
    const chosen = name ? PROJECTIONS.filter((p) => p.name === name) : PROJECTIONS;
    if (chosen.length === 0) {
      console.error(`Unknown projection "${name}"; known: ${PROJECTIONS.map((p) => p.name).join(', ')}`);
      return 2;
    }
    const context = { policy: createDeadlinePolicy(config.deadlineRollForward), timeZone: config.tzDeadlines };
    for (const projection of chosen) {
      const started = Date.now();
      const result = await rebuildProjection(db, store, projection, context);
      const seconds = (Date.now() - started) / 1000;
      console.log(`${projection.name}: ${result.events} events to position ${result.position} in ${seconds.toFixed(1)} s`);
    }
    return 0;
  } finally {
    await db.close();
    await store.close();
  }
}

