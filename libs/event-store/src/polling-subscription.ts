import type { StoredEvent, Subscription } from './event-store.port';

export type EventHandler = (event: StoredEvent) => Promise<void> | void;

export interface PollingSubscriptionOptions {
  /** Reads up to `batchSize` events after a position (the store's readAll). */
  readAfter: (position: bigint, batchSize: number) => Promise<StoredEvent[]>;
  pollIntervalMs: number;
  batchSize: number;
  onError: (error: unknown) => void;
  onClosed: (subscription: PollingSubscription) => void;
}

/**
 * Follows the log from a position, for every store here (SQLite, PostgreSQL). It reads when woken
 * (an append in this process, a NOTIFY) and on a timer, which covers appends by another process
 * to the same SQLite file and a missed NOTIFY while PostgreSQL's LISTEN connection is down. One pump at a time and the checkpoint moves only
 * after the handler resolves, so events arrive in order and each at most once; a handler that
 * throws gets the same event again at the next wake. A wake can land while a read is in flight and
 * miss what that read did not see: it is remembered and answered by another pass as soon as the
 * current one ends.
 */
export class PollingSubscription implements Subscription {
  private lastPosition: bigint;
  private closed = false;
  private wakeScheduled = false;
  private wokenWhilePumping = false;
  private pumping: Promise<void> | undefined;
  private readonly timer: NodeJS.Timeout;

  constructor(
    fromPosition: bigint,
    private readonly onEvent: EventHandler,
    private readonly options: PollingSubscriptionOptions,
  ) {
    this.lastPosition = fromPosition;
    this.timer = setInterval(() => this.wake(), options.pollIntervalMs);
    this.wake();
  }

  /** Coalesces many wakes into one pass, and never runs a handler inside the waker's call. */
  wake(): void {
    if (this.closed) return;
    if (this.pumping) {
      this.wokenWhilePumping = true;
      return;
    }
    if (this.wakeScheduled) return;
    this.wakeScheduled = true;
    setImmediate(() => {
      this.wakeScheduled = false;
      if (this.closed || this.pumping) return;
      this.wokenWhilePumping = false;
      this.pumping = this.pump().then((again) => {
        this.pumping = undefined;
        if (again && this.wokenWhilePumping) this.wake();
      });
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    // Lets an in-flight handler finish, so nothing runs against a closed store.
    await this.pumping;
    this.options.onClosed(this);
  }

  /** Resolves false after a failure: the retry waits for the next poll instead of spinning. */
  private async pump(): Promise<boolean> {
    try {
      while (!this.closed) {
        const batch = await this.options.readAfter(this.lastPosition, this.options.batchSize);
        if (batch.length === 0) return true;
        for (const event of batch) {
          if (this.closed) return true;
          await this.onEvent(event);
          this.lastPosition = event.position;
        }
        // Yields to timers and I/O between batches of a long catch-up.
        await new Promise((resolve) => setImmediate(resolve));
      }
      return true;
    } catch (error) {
      this.options.onError(error);
      return false;
    }
  }
}
