import { Pool } from 'pg';
import type { AppendRequest, AppendResult, EventStore, ReadStreamResult, StoredEvent, Subscription } from './event-store.port';
import { appendToPostgres } from './postgres-append';
import { migrate, notifyChannel, parsePostgresUrl } from './postgres-event-store.schema';
import { PostgresListener } from './postgres-listener';
import { EVENT_COLUMNS, EventRow as Row, storedEvent } from './event-row';
import { EventHandler, PollingSubscription } from './polling-subscription';

export interface PostgresEventStoreOptions {
  /** How often subscriptions read without being woken: the fallback for a missed NOTIFY (default 1000 ms). */
  pollIntervalMs?: number;
  /** Events a subscription reads per query: bounds memory when it starts far behind. */
  subscriptionBatchSize?: number;
  /** Pooled connections; appends are serialised by a lock, so a few are enough (default 8). */
  poolSize?: number;
  /** Where a subscription handler's failure goes; the event is retried at the next wake. */
  onSubscriptionError?: (error: unknown) => void;
}

type EventRow = Row<unknown, Date>;

const COLUMNS = EVENT_COLUMNS;

/**
 * The event store for several hosts: PostgreSQL, selected by EVENTSTORE_URL=postgres://…
 * The constructor is synchronous (createEventStore is) and starts the migrations at once; every
 * call waits for them, and fails with their error if they failed. `open` waits up front.
 */
export class PostgresEventStore implements EventStore {
  private readonly pool: Pool;
  private readonly ready: Promise<void>;
  private readonly listener: PostgresListener;
  private readonly subscriptions = new Set<PollingSubscription>();
  private readonly pollIntervalMs: number;
  private readonly batchSize: number;
  private readonly onSubscriptionError: (error: unknown) => void;
  private closing: Promise<void> | undefined;

  constructor(url: string, options: PostgresEventStoreOptions = {}) {
    const { connection, schema } = parsePostgresUrl(url);
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.batchSize = options.subscriptionBatchSize ?? 500;
    this.onSubscriptionError =
      options.onSubscriptionError ?? ((error) => console.error('Event-store subscription handler failed; retrying', error));
    this.pool = new Pool({ ...connection, max: options.poolSize ?? 8 });
    // An idle pooled connection that the server drops must not crash the process; the pool replaces it.
    this.pool.on('error', (error) => console.error('Event-store PostgreSQL connection lost', error));
    this.ready = migrate(this.pool, schema);
    // Reported by the calls that wait for it; this only keeps an early failure from being "unhandled".
    this.ready.catch(() => undefined);
    this.listener = new PostgresListener(
      connection,
      notifyChannel(schema),
      () => this.wakeSubscriptions(),
      (error) => console.error('Event-store LISTEN connection lost; subscriptions poll until it is back', error),
    );
  }

  static async open(url: string, options?: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const store = new PostgresEventStore(url, options);
    try {
      await store.ready;
    } catch (error) {
      await store.close();
      throw error;
    }
    return store;
  }

  async readStream(stream: string): Promise<ReadStreamResult> {
    await this.ready;
    const { rows } = await this.pool.query<EventRow>({
      name: 'event-store-read-stream',
      text: `SELECT ${COLUMNS} FROM events WHERE stream = $1 ORDER BY revision`,
      values: [stream],
    });
    const events = rows.map(toStoredEvent);
    return { revision: events.length === 0 ? -1 : events[events.length - 1].revision, events };
  }

  async appendToStream(request: AppendRequest): Promise<AppendResult> {
    return (await this.appendToStreams([request]))[0];
  }

  /** All the requests are one transaction (one statement): they land together or not at all. */
  async appendToStreams(requests: AppendRequest[]): Promise<AppendResult[]> {
    if (requests.length === 0) return [];
    await this.ready;
    const results = await appendToPostgres(this.pool, requests);
    // Subscriptions of this process need not wait for the NOTIFY to come back.
    this.wakeSubscriptions();
    return results;
  }

  /** Positions are in commit order (see postgres-append.ts), so a plain `position > p` never skips a late commit. */
  async readAll(fromPosition: bigint, maxCount: number): Promise<StoredEvent[]> {
    if (maxCount <= 0) return [];
    await this.ready;
    const { rows } = await this.pool.query<EventRow>({
      name: 'event-store-read-all',
      text: `SELECT ${COLUMNS} FROM events WHERE position > $1 ORDER BY position LIMIT $2`,
      values: [(fromPosition < 0n ? 0n : fromPosition).toString(), Math.min(maxCount, Number.MAX_SAFE_INTEGER)],
    });
    return rows.map(toStoredEvent);
  }

  subscribe(fromPosition: bigint, onEvent: EventHandler): Subscription {
    const subscription = new PollingSubscription(fromPosition, onEvent, {
      readAfter: (position, batchSize) => this.readAll(position, batchSize),
      pollIntervalMs: this.pollIntervalMs,
      batchSize: this.batchSize,
      onError: this.onSubscriptionError,
      onClosed: (closed) => this.subscriptions.delete(closed),
    });
    this.subscriptions.add(subscription);
    this.listener.start();
    return subscription;
  }

  /** Ends the subscriptions (letting a running handler finish), the LISTEN connection and the pool. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
      await this.listener.stop();
      await this.ready.catch(() => undefined);
      await this.pool.end();
    })();
    return this.closing;
  }

  private wakeSubscriptions(): void {
    for (const subscription of this.subscriptions) subscription.wake();
  }
}

const toStoredEvent = (row: EventRow): StoredEvent =>
  storedEvent(
    row,
    (json) => json,
    (at) => at.toISOString(),
  );
