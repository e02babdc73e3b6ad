import { EventStoreDBClient, Position, StreamNotFoundError, WrongExpectedVersionError } from '@eventstore/db-client';
import { ConcurrencyError } from '@tdnv/domain';
import type { AppendRequest, AppendResult, EventStore, ReadStreamResult, StoredEvent, Subscription } from './event-store.port';
import {
  fromEsdbRevision,
  isAfter,
  isSystemEvent,
  readPositionAfter,
  toEsdbEvent,
  toEsdbExpected,
  toStoredEvent,
} from './eventstoredb-mapping';
import { EventStoreDbSubscription } from './eventstoredb-subscription';

export interface EventStoreDbEventStoreOptions {
  /** Pause before a dropped or failed subscription resubscribes. */
  subscriptionRetryDelayMs?: number;
  onSubscriptionError?: (error: unknown) => void;
}

/** $all is read in pages, because system events, filtered out here, also count in ESDB's maxCount. */
const MAX_PAGE = 4096;

/** The EventStoreDB adapter (a single node or a cluster, from an `esdb://` connection string). */
export class EventStoreDbEventStore implements EventStore {
  private readonly subscriptions = new Set<Subscription>();

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly options: EventStoreDbEventStoreOptions = {},
  ) {}

  static fromConnectionString(url: string, options?: EventStoreDbEventStoreOptions): EventStoreDbEventStore {
    return new EventStoreDbEventStore(EventStoreDBClient.connectionString(url), options);
  }

  async readStream(stream: string): Promise<ReadStreamResult> {
    const events: StoredEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(stream)) {
        const event = resolved.event;
        // Stream reads come from the index; servers before 22.6 return no $all position there.
        if (event) events.push(toStoredEvent(event, event.position?.commit ?? resolved.commitPosition ?? -1n));
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return { revision: -1, events: [] };
      throw error;
    }
    return { revision: events.length === 0 ? -1 : events[events.length - 1].revision, events };
  }

  async appendToStream({ stream, events, expected }: AppendRequest): Promise<AppendResult> {
    try {
      const result = await this.client.appendToStream(stream, events.map(toEsdbEvent), {
        expectedRevision: toEsdbExpected(expected),
      });
      return {
        stream,
        nextRevision: Number(result.nextExpectedRevision),
        position: result.position?.commit ?? -1n,
      };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        throw new ConcurrencyError(stream, expected, fromEsdbRevision(error.actualVersion));
      }
      throw error;
    }
  }

  /**
   * ESDB has no multi-stream transaction, so the streams are written one after the other and a
   * failure can leave the first ones written. Retrying the whole batch is safe when the events
   * carry deterministic ids and exact expected revisions: ESDB recognises an append it already
   * holds (same ids at the same revision) and acknowledges it without writing it twice.
   */
  async appendToStreams(requests: AppendRequest[]): Promise<AppendResult[]> {
    const results: AppendResult[] = [];
    for (const request of requests) results.push(await this.appendToStream(request));
    return results;
  }

  async readAll(fromPosition: bigint, maxCount: number): Promise<StoredEvent[]> {
    const events: StoredEvent[] = [];
    const pageSize = Math.min(Math.max(maxCount + 1, 32), MAX_PAGE);
    let after = fromPosition;
    while (events.length < maxCount) {
      let seen = 0;
      let last: Position | undefined;
      const page = this.client.readAll({ fromPosition: readPositionAfter(after), maxCount: pageSize });
      for await (const resolved of page) {
        seen += 1;
        const event = resolved.event;
        if (!event || !isAfter(event.position, after)) continue;
        last = event.position;
        if (isSystemEvent(event)) continue;
        events.push(toStoredEvent(event, last.commit));
        if (events.length === maxCount) break;
      }
      // Leaving the loop early only stops our side; the gRPC call would go on streaming the page.
      if (events.length === maxCount) await page.cancel();
      if (seen < pageSize || last === undefined) break;
      after = last.commit;
    }
    return events;
  }

  subscribe(fromPosition: bigint, onEvent: (event: StoredEvent) => Promise<void> | void): Subscription {
    const inner = new EventStoreDbSubscription(this.client, fromPosition, onEvent, {
      retryDelayMs: this.options.subscriptionRetryDelayMs ?? 1000,
      onError: this.options.onSubscriptionError ?? ((error) => console.error('EventStoreDB subscription failed; resubscribing', error)),
    });
    const subscription: Subscription = {
      close: async () => {
        this.subscriptions.delete(subscription);
        await inner.close();
      },
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.client.dispose();
  }
}
