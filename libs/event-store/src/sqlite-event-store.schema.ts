import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The one table of the embedded event store. `position` is the rowid: AUTOINCREMENT keeps it
 * monotonic and never reused, so a consumer's checkpoint stays valid. UNIQUE(stream, revision) is
 * both the concurrency backstop and the index that reading a stream and finding its current
 * revision use; no other index is needed (readAll walks the rowid).
 */
export const EVENTS_SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position    INTEGER PRIMARY KEY AUTOINCREMENT,
  id          TEXT    NOT NULL UNIQUE,
  stream      TEXT    NOT NULL,
  revision    INTEGER NOT NULL,
  type        TEXT    NOT NULL,
  data        TEXT    NOT NULL,
  metadata    TEXT    NOT NULL,
  recorded_at TEXT    NOT NULL,
  UNIQUE (stream, revision)
)`;

/**
 * A checkpoint runs inside the commit that crosses this many WAL pages and stalls the event loop
 * (copy + fsync). The default, 1000 pages (4 MB), stalled 8–9 ms every few hundred commands; at
 * 10,000 pages (≤ 40 MB of WAL) it runs ten times less often and copies far fewer pages per command,
 * because a task's index pages are rewritten many times between checkpoints and copied once. The
 * event store's writer hands checkpoints to a background thread instead (WalCheckpointer) and
 * falls back to this when the thread is not running.
 */
export const AUTOCHECKPOINT_PAGES = 10_000;

/**
 * Opens (creating the folder and the table if needed) an events database with the pragmas the
 * store relies on. The benchmark opens its baseline through here too, so both sides compare like
 * with like.
 */
export function openEventsDatabase(filePath: string, busyTimeoutMs = 5000): Database.Database {
  mkdirSync(dirname(filePath), { recursive: true });
  const db = new Database(filePath, { timeout: busyTimeoutMs });
  // WAL lets readers (subscriptions, other processes) run while one writer appends.
  db.pragma('journal_mode = WAL');
  // In WAL mode NORMAL still never corrupts the file (WAL frames carry checksums; a torn tail is
  // ignored on recovery); a power cut or OS crash may lose the commits since the last checkpoint's
  // fsync, but a process crash loses nothing: a commit has been written to the OS before the append
  // resolves. That trade buys appends without an fsync per transaction.
  db.pragma('synchronous = NORMAL');
  db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
  db.exec(EVENTS_SCHEMA);
  return db;
}
