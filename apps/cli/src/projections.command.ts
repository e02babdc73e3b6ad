import { createDeadlinePolicy } from '@tdnv/calendar';
import { loadConfig } from '@tdnv/config';
import { createEventStore } from '@tdnv/event-store';
import { migrateReadModels, openReadModelDatabase, rebuildProjection, projectionStatuses, PROJECTIONS } from '@tdnv/read-models';

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
