import type { StoredEvent, Subscription } from './event-store.port';

export type EventHandler = (event: StoredEvent) => Promise<void> | void;

export interface SqliteSubscriptionOptions {
  /** Reads up to `batchSize` events after a position (the store's readAll, done synchronously). */
  readAfter: (position: bigint, batchSize: number) => StoredEvent[];
  pollIntervalMs: number;
  batchSize: number;
  onError: (error: unknown) => void;
  onClosed: (subscription: SqliteSubscription) => void;
}

/**
 * Follows the log from a position. Two triggers: `wake()` from the store after each append in this
 * process (low latency), and a poll timer, because another process may append to the same file
 * and SQLite has no cross-process notification. Only one pump runs at a time and the checkpoint
 * only moves after the handler resolves, so events arrive in order and each at most once; a
 * handler that throws gets the same event again at the next wake.
 */
export class SqliteSubscription implements Subscription {
  private lastPosition: bigint;
  private closed = false;
  private wakeScheduled = false;
  private pumping: Promise<void> | undefined;
  private readonly timer: NodeJS.Timeout;

  constructor(
    fromPosition: bigint,
    private readonly onEvent: EventHandler,
    private readonly options: SqliteSubscriptionOptions,
  ) {
    this.lastPosition = fromPosition;
    this.timer = setInterval(() => this.wake(), options.pollIntervalMs);
    this.wake();
  }

  /** Coalesces many appends into one pump, and never runs a handler inside the appender's call. */
  wake(): void {
    if (this.closed || this.wakeScheduled) return;
    this.wakeScheduled = true;
    setImmediate(() => {
      this.wakeScheduled = false;
      if (this.closed || this.pumping) return;
      this.pumping = this.pump().finally(() => {
        this.pumping = undefined;
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

  private async pump(): Promise<void> {
    try {
      while (!this.closed) {
        const batch = this.options.readAfter(this.lastPosition, this.options.batchSize);
        if (batch.length === 0) return;
        for (const event of batch) {
          if (this.closed) return;
          await this.onEvent(event);
          this.lastPosition = event.position;
        }
        // A synchronous handler only yields microtasks; without this a long catch-up would starve
        // timers and I/O (an HTTP server in the same process) until it reached the end of the log.
        await new Promise((resolve) => setImmediate(resolve));
      }
    } catch (error) {
      this.options.onError(error);
    }
  }
}
