import { eventually } from '@tdnv/testing';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newEvent, uniqueStream } from './event-store.contract-helpers';
import { SqliteEventStore } from './sqlite-event-store';

/** Pages SQLite has copied from the WAL into the database file, as another connection sees them. */
function pagesInDatabaseFile(file: string): number {
  return statSync(file).size / 4096;
}

const until = (check: () => boolean, what: string) => eventually(check, what, { timeoutMs: 10_000 });

describe('WAL checkpoints in a background thread', () => {
  let dir: string;
  let store: SqliteEventStore | undefined;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'wal-checkpointer-'))));
  afterEach(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function appendMany(s: SqliteEventStore, count: number): Promise<void> {
    await Promise.all(
      Array.from({ length: count }, () =>
        s.appendToStream({ stream: uniqueStream('wal'), expected: 'no_stream', events: [newEvent('Filled', { text: 'x'.repeat(2000) })] }),
      ),
    );
  }

  it('copies committed pages into the database file while the store stays open', async () => {
    const file = join(dir, 'events.sqlite');
    store = new SqliteEventStore(file, { checkpointEveryMs: 20 });
    const before = pagesInDatabaseFile(file);
    // ~700 pages: far below the writer's own threshold, so only the thread can have copied them.
    await appendMany(store, 1000);
    await until(() => pagesInDatabaseFile(file) > before + 500, 'the database file to receive the WAL pages');
    const reader = new Database(file, { readonly: true });
    expect(reader.prepare('SELECT COUNT(*) FROM events').pluck().get()).toBe(1000);
    reader.close();
  });

  it('with checkpointEveryMs 0 the pages stay in the WAL until SQLite checkpoints itself', async () => {
    const file = join(dir, 'events.sqlite');
    store = new SqliteEventStore(file, { checkpointEveryMs: 0 });
    const before = pagesInDatabaseFile(file);
    await appendMany(store, 1000);
    expect(pagesInDatabaseFile(file)).toBe(before);
    await store.close();
    store = undefined;
    expect(pagesInDatabaseFile(file)).toBeGreaterThan(before + 500);
  });
});
