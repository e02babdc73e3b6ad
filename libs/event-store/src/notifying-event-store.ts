import { AppendRequest, AppendResult, EventStore } from './event-store.port';

export type AppendListener = (results: AppendResult[]) => void;

/**
 * The event store as the API uses it: after successful appends, listeners are told (the read-model
 * projections and the reminder scheduler enqueue a nudge). A nudge only shortens the wait: the
 * consumers also catch up on a timer, so a lost nudge loses nothing. Nudges are coalesced over a
 * short window, because a Redis round trip per command would cost more than the command itself.
 *
 * The first window after a quiet spell is `coalesceMs` (10 ms) long; while appends keep coming,
 * windows start at most once per `busySpacingMs` (50 ms). Each window's nudges cost the API a few
 * BullMQ adds (~50 µs of CPU each): at 100 windows a second that was ~10 µs per command under load,
 * while a worker that is busy anyway gained nothing from being told 100 times a second (each
 * projection keeps one deduplicated nudge). A read model is then at most ~50 ms later under
 * sustained load, and as prompt as before for isolated commands.
 */
export class NotifyingEventStore implements EventStore {
  private readonly listeners: AppendListener[] = [];
  private readonly immediateListeners: AppendListener[] = [];
  private pending: AppendResult[] = [];
  private timer?: NodeJS.Timeout;
  private lastFlushAt = -Infinity;

  constructor(
    private readonly inner: EventStore,
    private readonly coalesceMs = 10,
    private readonly busySpacingMs = 50,
  ) {}

  /** Called at most once per window with every append of the window (for nudges). */
  onAppended(listener: AppendListener): void {
    this.listeners.push(listener);
  }

  /** Called right after each append, before the command answers (for caches that must not go stale). */
  onAppendedImmediately(listener: AppendListener): void {
    this.immediateListeners.push(listener);
  }

  readStream: EventStore['readStream'] = (stream) => this.inner.readStream(stream);
  readAll: EventStore['readAll'] = (from, max) => this.inner.readAll(from, max);
  subscribe: EventStore['subscribe'] = (from, onEvent) => this.inner.subscribe(from, onEvent);
  close: EventStore['close'] = async () => {
    if (this.timer) this.flush();
    await this.inner.close();
  };

  async appendToStream(request: AppendRequest): Promise<AppendResult> {
    const result = await this.inner.appendToStream(request);
    this.tell([result]);
    return result;
  }

  async appendToStreams(requests: AppendRequest[]): Promise<AppendResult[]> {
    const results = await this.inner.appendToStreams(requests);
    this.tell(results);
    return results;
  }

  private tell(results: AppendResult[]): void {
    call(this.immediateListeners, results);
    for (const result of results) this.pending.push(result);
    if (this.timer) return;
    const sinceFlush = performance.now() - this.lastFlushAt;
    this.timer = setTimeout(this.flushNow, Math.max(this.coalesceMs, this.busySpacingMs - sinceFlush));
  }

  private readonly flushNow = () => this.flush();

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.lastFlushAt = performance.now();
    const results = this.pending;
    this.pending = [];
    call(this.listeners, results);
  }
}

function call(listeners: AppendListener[], results: AppendResult[]): void {
  for (const listener of listeners) {
    try {
      listener(results);
    } catch {
      // A listener's failure must never fail a command whose events are already stored.
    }
  }
}
