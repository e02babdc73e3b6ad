import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEventStore } from './create-event-store';
import { EventStoreDbEventStore } from './eventstoredb-event-store';
import { SqliteEventStore } from './sqlite-event-store';

describe('createEventStore', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'create-event-store-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('uses the SQLite file in the data folder when no EventStoreDB URL is set', async () => {
    const store = createEventStore({ dataDir, eventstoreUrl: '' });
    try {
      expect(store).toBeInstanceOf(SqliteEventStore);
      expect(existsSync(join(dataDir, 'events.sqlite'))).toBe(true);
    } finally {
      await store.close();
    }
  });

  it.each(['esdb://localhost:2113?tls=false', 'esdb+discover://cluster.local:2113'])('uses EventStoreDB for %s', async (url) => {
    const store = createEventStore({ dataDir, eventstoreUrl: url });
    try {
      expect(store).toBeInstanceOf(EventStoreDbEventStore);
    } finally {
      await store.close();
    }
  });

  it('refuses another scheme with a clear message that does not echo the password', () => {
    expect(() => createEventStore({ dataDir, eventstoreUrl: 'postgres://admin:secret@db/events' })).toThrow(
      /EVENTSTORE_URL must start with esdb:\/\/ or esdb\+discover:\/\//,
    );
    expect(() => createEventStore({ dataDir, eventstoreUrl: 'postgres://admin:secret@db/events' })).not.toThrow(/secret/);
  });
});
