import { AllStreamSubscription, EventStoreDBClient, excludeSystemEvents } from '@eventstore/db-client';
import type { StoredEvent, Subscription } from './event-store.port';
import { isAfter, isSystemEvent, readPositionAfter, toStoredEvent } from './eventstoredb-mapping';

export interface EventStoreDbSubscriptionOptions {
  retryDelayMs: number;
  onError: (error: unknown) => void;
}

/**
 * A catch-up subscription to $all that survives a dropped connection or a failing handler: it
 * resubscribes from the last handled position after a pause, so the failed event comes again and
 * handled ones do not. Handlers are awaited one at a time, which keeps the order.
 */
export class EventStoreDbSubscription implements Subscription {
  private closed = false;
  private current: AllStreamSubscription | undefined;
  private wakeFromPause: (() => void) | undefined;
  private readonly running: Promise<void>;

  constructor(
    private readonly client: EventStoreDBClient,
    private after: bigint,
    private readonly onEvent: (event: StoredEvent) => Promise<void> | void,
    private readonly options: EventStoreDbSubscriptionOptions,
  ) {
    this.running = this.run();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.wakeFromPause?.();
    await this.current?.unsubscribe().catch(() => undefined);
    await this.running;
  }

  private async run(): Promise<void> {
    while (!this.closed) {
      try {
        await this.follow();
      } catch (error) {
        if (this.closed) return;
        this.options.onError(error);
      }
      if (!this.closed) await this.pause();
    }
  }

  private async follow(): Promise<void> {
    const subscription = this.client.subscribeToAll({
      fromPosition: readPositionAfter(this.after),
      filter: excludeSystemEvents(),
    });
    this.current = subscription;
    try {
      for await (const resolved of subscription) {
        if (this.closed) return;
        const event = resolved.event;
        if (!event || !isAfter(event.position, this.after) || isSystemEvent(event)) continue;
        await this.onEvent(toStoredEvent(event, event.position.commit));
        this.after = event.position.commit;
      }
    } finally {
      await subscription.unsubscribe().catch(() => undefined);
    }
  }

  private pause(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, this.options.retryDelayMs);
      this.wakeFromPause = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
