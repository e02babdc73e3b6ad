import { loadConfig, Clock } from '@tdnv/config';
import { createEventStore, EventStore } from '@tdnv/event-store';

/** The CLI writes to the same event store as the running system (DATA_DIR or EVENTSTORE_URL). */
export interface CliContext {
  store: EventStore;
  clock: Clock;
}

export function createCliContext(env: NodeJS.ProcessEnv = process.env): CliContext {
  const config = loadConfig(env);
  return {
    store: createEventStore({ eventstoreUrl: config.eventstoreUrl, dataDir: config.dataDir }),
    clock: new Clock(config.tzDeadlines, config.clockStart),
  };
}
