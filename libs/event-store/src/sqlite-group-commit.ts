import type Database from 'better-sqlite3';
import type { AppendRequest, AppendResult } from './event-store.port';

/** Writes one unit (one caller's append, possibly to several streams) inside an open transaction. */
export type WriteUnit = (requests: AppendRequest[], recordedAt: string) => AppendResult[];

interface Pending {
  requests: AppendRequest[];
  resolve: (results: AppendResult[]) => void;
  reject: (error: unknown) => void;
  results?: AppendResult[];
  error?: unknown;
}

/**
 * Group commit: the appends submitted during one event-loop turn (under load, the commands of every
 * request that turn parsed) are written in ONE transaction, at setImmediate. A commit is the
 * expensive part of an append (locks, WAL frames for the shared pages: the table's last leaf,
 * sqlite_sequence), so a group of n costs far less than n commits.
 *
 * Each unit stays atomic and independent: it runs in its own SAVEPOINT and checks its expected
 * revision inside the transaction, so a failing unit (ConcurrencyError, constraint) is rolled back
 * alone and the others still land. A unit's promise settles only after the group has committed; if
 * the commit itself fails, every unit of the group fails and nothing was written.
 */
export class GroupCommit {
  private queue: Pending[] = [];
  private scheduled: NodeJS.Immediate | undefined;
  private readonly commitGroup: (group: Pending[], recordedAt: string) => void;

  constructor(
    db: Database.Database,
    write: WriteUnit,
    private readonly onCommitted: () => void,
  ) {
    // A transaction function called inside another one runs as a SAVEPOINT (better-sqlite3).
    const unit = db.transaction(write);
    // IMMEDIATE takes the write lock before reading revisions: another process cannot commit
    // between our check and our insert (a DEFERRED transaction would fail with SQLITE_BUSY there).
    this.commitGroup = db.transaction((group: Pending[], recordedAt: string) => {
      // Alone, a unit needs no savepoint: its failure rolls back the whole (one-unit) transaction.
      if (group.length === 1) return void (group[0].results = write(group[0].requests, recordedAt));
      for (const pending of group) {
        try {
          pending.results = unit(pending.requests, recordedAt);
        } catch (error) {
          pending.error = error;
        }
      }
    }).immediate;
  }

  submit(requests: AppendRequest[]): Promise<AppendResult[]> {
    return new Promise((resolve, reject) => {
      this.queue.push({ requests, resolve, reject });
      this.scheduled ??= setImmediate(() => this.flush());
    });
  }

  /** Writes what is queued now (also called before the database closes). */
  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    const group = this.queue;
    this.queue = [];
    if (group.length === 0) return;
    try {
      this.commitGroup(group, new Date().toISOString());
    } catch (error) {
      // The transaction rolled back: nothing of the group was written.
      for (const pending of group) pending.reject(pending.error ?? error);
      return;
    }
    this.onCommitted();
    for (const pending of group) {
      if (pending.error === undefined) pending.resolve(pending.results!);
      else pending.reject(pending.error);
    }
  }
}
