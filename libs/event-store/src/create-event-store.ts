import { join } from 'node:path';
import type { EventStore } from './event-store.port';
import { EventStoreDbEventStore } from './eventstoredb-event-store';
import { PostgresEventStore } from './postgres-event-store';
import { SqliteEventStore } from './sqlite-event-store';

export interface EventStoreConfig {
  /**
   * `postgres://…` or `postgresql://…` selects PostgreSQL (`?schema=name` picks the schema),
   * `esdb://…` or `esdb+discover://…` EventStoreDB; unset selects the embedded SQLite file.
   */
  eventstoreUrl?: string;
  /** Folder of the embedded SQLite file (`events.sqlite`). */
  dataDir: string;
}

const POSTGRES_SCHEMES = ['postgres://', 'postgresql://'];
const ESDB_SCHEMES = ['esdb://', 'esdb+discover://'];

export function createEventStore(config: EventStoreConfig): EventStore {
  const url = config.eventstoreUrl?.trim();
  if (!url) return new SqliteEventStore(join(config.dataDir, 'events.sqlite'));
  if (POSTGRES_SCHEMES.some((scheme) => url.startsWith(scheme))) return new PostgresEventStore(url);
  if (ESDB_SCHEMES.some((scheme) => url.startsWith(scheme))) return EventStoreDbEventStore.fromConnectionString(url);
  throw new Error(
    // Only the scheme is echoed: the rest of the URL may hold a password.
    'EVENTSTORE_URL must start with postgres://, postgresql://, esdb:// or esdb+discover:// ' +
      `(for example postgres://user@db:5432/events or esdb://localhost:2113?tls=false), got scheme "${url.split(':')[0]}"`,
  );
}
