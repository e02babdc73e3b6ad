import { join } from 'node:path';
import type { EventStore } from './event-store.port';
import { EventStoreDbEventStore } from './eventstoredb-event-store';
import { SqliteEventStore } from './sqlite-event-store';

export interface EventStoreConfig {
  /** `esdb://…` or `esdb+discover://…` selects EventStoreDB; unset selects the embedded SQLite file. */
  eventstoreUrl?: string;
  /** Folder of the embedded SQLite file (`events.sqlite`). */
  dataDir: string;
}

const ESDB_SCHEMES = ['esdb://', 'esdb+discover://'];

export function createEventStore(config: EventStoreConfig): EventStore {
  const url = config.eventstoreUrl?.trim();
  if (url) {
    if (!ESDB_SCHEMES.some((scheme) => url.startsWith(scheme))) {
      throw new Error(
        // Only the scheme is echoed: the rest of the URL may hold a password.
        `EVENTSTORE_URL must start with esdb:// or esdb+discover:// (for example esdb://localhost:2113?tls=false), got scheme "${url.split(':')[0]}"`,
      );
    }
    return EventStoreDbEventStore.fromConnectionString(url);
  }
  return new SqliteEventStore(join(config.dataDir, 'events.sqlite'));
}
