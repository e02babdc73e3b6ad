import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { ConcurrencyError } from '@tdnv/domain';
import type { AppendRequest, AppendResult, EventStore, ReadStreamResult, StoredEvent, Subscription } from './event-store.port';
import { openEventsDatabase } from './sqlite-event-store.schema';
import { GroupCommit } from './sqlite-group-commit';
import { WalCheckpointer } from './sqlite-wal-checkpointer';
import { EVENT_COLUMNS, EventRow as Row, storedEvent } from './event-row';
import { EventHandler, PollingSubscription } from './polling-subscription';

export interface SqliteEventStoreOptions {
  /** How often subscriptions look for events appended by other processes. */
  pollIntervalMs?: number;
  /** Events a subscription reads per query: bounds memory when it starts far behind. */
  subscriptionBatchSize?: number;
  /** How long a writer waits for another process's write lock before failing. */
  busyTimeoutMs?: number;
  /** Where a subscription handler's failure goes; the event is retried at the next wake. */
  onSubscriptionError?: (error: unknown) => void;
  /**
   * How often a background thread checkpoints the WAL once this store has written (default 200 ms);
   * 0 leaves checkpoints to SQLite, inside the commits of this thread.
   */
  checkpointEveryMs?: number;
}

type EventRow = Row<string, string>;

const COLUMNS = EVENT_COLUMNS;

/**
 * The embedded event store: one SQLite file, usable with no server. better-sqlite3 is
 * synchronous: reads are done at once; appends are queued and committed together at the end of
 * the event-loop turn (GroupCommit). A rejected expected revision is a rejected promise, like the
 * EventStoreDB adapter.
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly currentRevision: Database.Statement<[string], number | null>;
  private readonly insert: Database.Statement<[string, string, number, string, string, string, string]>;
  private readonly selectStream: Database.Statement<[string], EventRow>;
  private readonly selectAfter: Database.Statement<[bigint, number], EventRow>;
  private readonly groupCommit: GroupCommit;
  private readonly subscriptions = new Set<PollingSubscription>();
  private readonly pollIntervalMs: number;
  private readonly batchSize: number;
  private readonly onSubscriptionError: (error: unknown) => void;
  private readonly checkpointEveryMs: number;
  private checkpointer: WalCheckpointer | undefined;

  constructor(filePath: string, options: SqliteEventStoreOptions = {}) {
    this.pollIntervalMs = options.pollIntervalMs ?? 100;
    this.batchSize = options.subscriptionBatchSize ?? 500;
    this.onSubscriptionError =
      options.onSubscriptionError ?? ((error) => console.error('Event-store subscription handler failed; retrying', error));
    this.checkpointEveryMs = options.checkpointEveryMs ?? 200;
    this.db = openEventsDatabase(filePath, options.busyTimeoutMs);
    // MAX() over the (stream, revision) index is a single b-tree seek; NULL = no stream.
    this.currentRevision = this.db.prepare<[string], number | null>('SELECT MAX(revision) FROM events WHERE stream = ?').pluck();
    this.insert = this.db.prepare(
      'INSERT INTO events (id, stream, revision, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.selectStream = this.db.prepare(`SELECT ${COLUMNS} FROM events WHERE stream = ? ORDER BY revision`);
    this.selectAfter = this.db.prepare(`SELECT ${COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`);
    this.groupCommit = new GroupCommit(
      this.db,
      (requests, recordedAt) => requests.map((request) => this.write(request, recordedAt)),
      () => this.committed(filePath),
    );
  }

  async readStream(stream: string): Promise<ReadStreamResult> {
    const events = this.selectStream.all(stream).map(toStoredEvent);
    return { revision: events.length === 0 ? -1 : events[events.length - 1].revision, events };
  }

  async appendToStream(request: AppendRequest): Promise<AppendResult> {
    return (await this.groupCommit.submit([request]))[0];
  }

  /** All the requests are one unit: they land together or not at all. */
  async appendToStreams(requests: AppendRequest[]): Promise<AppendResult[]> {
    if (requests.length === 0) return [];
    return this.groupCommit.submit(requests);
  }

  async readAll(fromPosition: bigint, maxCount: number): Promise<StoredEvent[]> {
    return this.readAfter(fromPosition, maxCount);
  }

  subscribe(fromPosition: bigint, onEvent: EventHandler): Subscription {
    const subscription = new PollingSubscription(fromPosition, onEvent, {
      readAfter: async (position, batchSize) => this.readAfter(position, batchSize),
      pollIntervalMs: this.pollIntervalMs,
      batchSize: this.batchSize,
      onError: this.onSubscriptionError,
      onClosed: (closed) => this.subscriptions.delete(closed),
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    if (!this.db.open) return;
    this.groupCommit.flush();
    await this.checkpointer?.stop();
    this.db.close();
  }

  /** Runs inside the group's transaction. The caller's objects are serialised once and never re-read. */
  private write(request: AppendRequest, recordedAt: string): AppendResult {
    const { stream, events, expected } = request;
    const current = this.currentRevision.get(stream) ?? -1;
    if (expected === 'no_stream' ? current !== -1 : expected !== 'any' && expected !== current) {
      throw new ConcurrencyError(stream, expected, current);
    }
    let revision = current;
    // An empty append only checks the expected revision; -1n says no event was written.
    let position = -1;
    for (const event of events) {
      revision += 1;
      const info = this.insert.run(
        event.id ?? randomUUID(),
        stream,
        revision,
        event.type,
        JSON.stringify(event.data),
        JSON.stringify(event.metadata),
        recordedAt,
      );
      position = Number(info.lastInsertRowid);
    }
    return { stream, nextRevision: revision, position: BigInt(position) };
  }

  private readAfter(fromPosition: bigint, maxCount: number): StoredEvent[] {
    if (maxCount <= 0) return [];
    const limit = Math.min(maxCount, Number.MAX_SAFE_INTEGER);
    return this.selectAfter.all(fromPosition < 0n ? 0n : fromPosition, limit).map(toStoredEvent);
  }

  private committed(filePath: string): void {
    // Started by the first write: a store that only reads never checkpoints.
    if (!this.checkpointer && this.checkpointEveryMs > 0)
      this.checkpointer = new WalCheckpointer(this.db, filePath, this.checkpointEveryMs, (error) =>
        console.error('WAL checkpoint thread failed; SQLite checkpoints in the writer again', error),
      );
    this.notify();
  }

  private notify(): void {
    for (const subscription of this.subscriptions) subscription.wake();
  }
}

const toStoredEvent = (row: EventRow): StoredEvent =>
  storedEvent(
    row,
    (text) => JSON.parse(text) as unknown,
    (at) => at,
  );
