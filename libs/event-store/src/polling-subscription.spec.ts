import { waitFor } from './event-store.contract-helpers';
import type { StoredEvent } from './event-store.port';
import { PollingSubscription, PollingSubscriptionOptions } from './polling-subscription';

const event = (position: number, type = `E${position}`): StoredEvent => ({
  id: `id-${position}`,
  stream: 'task-1',
  revision: position - 1,
  position: BigInt(position),
  type,
  data: {},
  metadata: { occurredAt: '2026-02-12T03:00:00.000Z' },
  recordedAt: '2026-02-12T03:00:00.000Z',
});

/** An in-memory log read asynchronously, as PostgreSQL is; `gate` holds a read until released. */
function log(options: Partial<PollingSubscriptionOptions> = {}) {
  const events: StoredEvent[] = [];
  let gate: Promise<void> | undefined;
  const opts = (): PollingSubscriptionOptions => ({
    readAfter: async (position, batchSize) => {
      // The snapshot is taken when the read starts; what commits while it is held back is not in it.
      const snapshot = events.filter((e) => e.position > position).slice(0, batchSize);
      await gate;
      return snapshot;
    },
    pollIntervalMs: 60_000,
    batchSize: 10,
    onError: () => undefined,
    onClosed: () => undefined,
    ...options,
  });
  return { events, opts, hold: (until: Promise<void>) => (gate = until) };
}

describe('PollingSubscription', () => {
  it('a wake that lands during a read is answered by another pass, not left to the poll', async () => {
    const { events, opts, hold } = log();
    let release!: () => void;
    hold(new Promise((resolve) => (release = resolve)));
    const received: StoredEvent[] = [];
    const subscription = new PollingSubscription(0n, (e) => void received.push(e), opts());
    try {
      await new Promise((resolve) => setImmediate(resolve));
      // Committed after the in-flight read took its snapshot; its NOTIFY arrives during the read.
      events.push(event(1));
      subscription.wake();
      hold(Promise.resolve());
      release();
      await waitFor(() => received.length === 1, 'the event appended during the read', 2000);
    } finally {
      await subscription.close();
    }
  });

  it('redelivers an event whose handler failed at the next wake, then goes on in order', async () => {
    const errors: unknown[] = [];
    const { events, opts } = log({ onError: (error) => errors.push(error) });
    events.push(event(1, 'A'), event(2, 'B'));
    const attempts: string[] = [];
    const subscription = new PollingSubscription(
      0n,
      (e) => {
        attempts.push(e.type);
        if (attempts.length === 1) throw new Error('projection down');
      },
      opts(),
    );
    try {
      await waitFor(() => errors.length === 1, 'the failure');
      subscription.wake();
      await waitFor(() => attempts.length === 3, 'the retry');
      expect(attempts).toEqual(['A', 'A', 'B']);
    } finally {
      await subscription.close();
    }
  });
});
