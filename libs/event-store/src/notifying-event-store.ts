import { AppendRequest, AppendResult, EventStore } from './event-store.port';

export type AppendListener = (results: AppendResult[]) => void;

/**
 * The event store as the API uses it: after successful appends, listeners are told (the read-model
 * projections and the reminder scheduler enqueue a nudge). A nudge only shortens the wait: the
 * consumers also catch up on a timer, so a lost nudge loses nothing. Nudges are coalesced over a
 * short window, because a Redis round trip per command would cost more than the command itself.
 */
export class NotifyingEventStore implements EventStore {
  private readonly listeners: AppendListener[] = [];
  private readonly immediateListeners: AppendListener[] = [];
  private pending: AppendResult[] = [];
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly inner: EventStore,
    private readonly coalesceMs = 10,
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
    this.pending.push(...results);
    this.timer ??= setTimeout(() => this.flush(), this.coalesceMs);
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
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
