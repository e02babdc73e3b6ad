import { randomUUID } from 'node:crypto';
import type { EventMetadata, EventStore, NewEvent, StoredEvent } from './event-store.port';

/** What a contract run needs from an adapter: a fresh store, and how to clean up after it. */
export interface ContractFixture {
  store: EventStore;
  teardown(): Promise<void>;
}

export type ContractFactory = () => Promise<ContractFixture>;

/** Streams are unique per test, so runs against a shared EventStoreDB are repeatable. */
export const uniqueStream = (prefix: string): string => `${prefix}-${randomUUID()}`;

export const metadata = (extra: Partial<EventMetadata> = {}): EventMetadata => ({
  occurredAt: '2026-02-12T03:00:00.000Z',
  commandId: randomUUID(),
  ...extra,
});

export const newEvent = (type: string, data: unknown, extra: Partial<NewEvent> = {}): NewEvent => ({
  type,
  data,
  metadata: metadata(),
  ...extra,
});

/** The rejection of a promise that must fail; fails the test if it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject, but it resolved');
}

/** Waits for a condition that an asynchronous consumer makes true; no fixed sleeps. */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Pages through readAll until `wanted` events of the given streams were seen (a shared $all has others). */
export async function readAllOf(
  store: EventStore,
  from: bigint,
  streams: string[],
  wanted: number,
  pageSize: number,
): Promise<{ ours: StoredEvent[]; pages: StoredEvent[][] }> {
  const ours: StoredEvent[] = [];
  const pages: StoredEvent[][] = [];
  let after = from;
  while (ours.length < wanted) {
    const page = await store.readAll(after, pageSize);
    if (page.length === 0) break;
    pages.push(page);
    ours.push(...page.filter((event) => streams.includes(event.stream)));
    after = page[page.length - 1].position;
  }
  return { ours, pages };
}

export const summary = (events: StoredEvent[]): string[] => events.map((event) => `${event.stream}@${event.revision}:${event.type}`);
