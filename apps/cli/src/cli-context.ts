import { loadConfig } from '../../../libs/config/src/app-config';
import { Clock } from '../../../libs/config/src/clock';
import { createEventStore } from '../../../libs/event-store/src/create-event-store';
import { EventStore } from '../../../libs/event-store/src/event-store.port';

/** The CLI writes to the same event store as the running system (DATA_DIR or EVENTSTORE_URL). */
export interface CliContext {
  store: EventStore;
  clock: Clock;
}

export function createCliContext(env: NodeJS.ProcessEnv = process.env): CliContext {
  const config = loadConfig(env);
  return { store: createEventStore({ eventstoreUrl: config.eventstoreUrl, dataDir: config.dataDir }), clock: new Clock(config.tzDeadlines, config.clockStart) };
}
