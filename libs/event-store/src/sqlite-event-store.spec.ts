import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventStoreContract } from './event-store.contract';
import { newEvent, rejectionOf, summary, uniqueStream, waitFor } from './event-store.contract-helpers';
import type { StoredEvent } from './event-store.port';
import { SqliteEventStore, SqliteEventStoreOptions } from './sqlite-event-store';

const tempDirs: string[] = [];
const tempFile = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'event-store-spec-'));
  tempDirs.push(dir);
  return join(dir, 'nested', 'events.sqlite');
};
// Runs after the inner afterEach hooks that close the stores, so each test leaves nothing behind.
afterEach(() => tempDirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const open = (file = tempFile(), options: SqliteEventStoreOptions = {}) => new SqliteEventStore(file, { pollIntervalMs: 20, ...options });

eventStoreContract(
  'SqliteEventStore',
  async () => {
    const store = open();
    return { store, teardown: () => store.close() };
  },
  { atomicMultiStream: true },
);

describe('SqliteEventStore specifics', () => {
  const stores: SqliteEventStore[] = [];
  const track = (store: SqliteEventStore) => (stores.push(store), store);
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
  });

  it('creates the folder of its file', () => {
    const file = tempFile();
    track(open(file));
    expect(existsSync(file)).toBe(true);
  });

  it("one instance's subscription sees another instance's appends to the same file", async () => {
    const file = tempFile();
    const reader = track(open(file));
    const writer = track(open(file));
    const stream = uniqueStream('task');
    const received: StoredEvent[] = [];
    reader.subscribe(0n, (event) => {
      received.push(event);
    });
    await writer.appendToStream({ stream, expected: 'no_stream', events: [newEvent('TaskAssigned', { a: 1 })] });
    await writer.appendToStream({ stream, expected: 0, events: [newEvent('TaskAcknowledged', { a: 2 })] });
    await waitFor(() => received.length >= 2, 'the other instance’s events');
    expect(summary(received)).toEqual([`${stream}@0:TaskAssigned`, `${stream}@1:TaskAcknowledged`]);
  });

  it('refuses a stale append across instances on the same file', async () => {
    const file = tempFile();
    const [one, two] = [track(open(file)), track(open(file))];
    const stream = uniqueStream('task');
    await one.appendToStream({ stream, expected: 'no_stream', events: [newEvent('A', {})] });
    await two.appendToStream({ stream, expected: 0, events: [newEvent('B', {})] });
    const error = await rejectionOf(one.appendToStream({ stream, expected: 0, events: [newEvent('C', {})] }));
    expect(error).toMatchObject({ stream, expected: 0, actual: 1 });
  });

  it('keeps positions growing after a reopen', async () => {
    const file = tempFile();
    const first = open(file);
    const before = await first.appendToStream({ stream: uniqueStream('t'), expected: 'any', events: [newEvent('A', {})] });
    await first.close();
    const again = track(open(file));
    const after = await again.appendToStream({ stream: uniqueStream('t'), expected: 'any', events: [newEvent('B', {})] });
    expect(after.position).toBeGreaterThan(before.position);
  });

  it('redelivers an event whose handler failed, then goes on in order', async () => {
    const errors: unknown[] = [];
    const store = track(open(tempFile(), { onSubscriptionError: (error) => errors.push(error) }));
    const stream = uniqueStream('task');
    await store.appendToStream({ stream, expected: 'no_stream', events: [newEvent('A', {}), newEvent('B', {})] });
    const attempts: string[] = [];
    const handled: string[] = [];
    store.subscribe(0n, (event) => {
      attempts.push(event.type);
      if (event.type === 'A' && attempts.length === 1) throw new Error('projection down');
      handled.push(event.type);
    });
    await waitFor(() => handled.length === 2, 'both events handled');
    expect(attempts).toEqual(['A', 'A', 'B']);
    expect(handled).toEqual(['A', 'B']);
    expect(errors).toHaveLength(1);
  });

  it('does not call a closed subscription', async () => {
    const store = track(open());
    const received: StoredEvent[] = [];
    const subscription = store.subscribe(0n, (event) => {
      received.push(event);
    });
    await subscription.close();
    await store.appendToStream({ stream: uniqueStream('t'), expected: 'any', events: [newEvent('A', {})] });
    // A second subscription on the same store receiving the event shows the wake has happened.
    const witness: StoredEvent[] = [];
    store.subscribe(0n, (event) => {
      witness.push(event);
    });
    await waitFor(() => witness.length === 1, 'the witness subscription');
    expect(received).toEqual([]);
  });
});
