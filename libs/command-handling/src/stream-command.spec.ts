import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandRefusedError } from '@tdnv/domain';
import { SqliteEventStore } from '@tdnv/event-store';
import { CommandContext } from './command-context';
import { RefusedWithStateError } from './command-errors';
import { DomainEvent, runStreamCommand } from './stream-command';
import { StreamStateCache } from './stream-state-cache';

/** A counter that refuses to go past a limit: enough domain to see which state a command decided on. */
interface Counter {
  value: number;
}
const LIMIT = 3;
const evolve = (state: Counter, event: DomainEvent): Counter => ({ value: state.value + (event.data as { by: number }).by });

describe('runStreamCommand with a state cache', () => {
  let dir: string;
  let store: SqliteEventStore;
  let reads: number;
  const cache = () => new StreamStateCache<Counter>();
  const context = (extra: Partial<CommandContext> = {}): CommandContext => ({
    actor: { id: 'u', role: 'vpcp' },
    now: new Date('2026-03-02T02:00:00Z'),
    today: '2026-03-02',
    requestHash: '',
    ...extra,
  });
  const increment = (c: StreamStateCache<Counter> | undefined, extra: Partial<CommandContext> = {}) =>
    runStreamCommand(store, {
      stream: 'counter-1',
      initial: { value: 0 },
      evolve,
      cache: c,
      context: context(extra),
      respond: (state, revision) => ({ value: state.value, revision }),
      decide: (state) => {
        if (state.value >= LIMIT) throw new CommandRefusedError('Increment', String(state.value), 'limit reached');
        return { events: [{ type: 'Incremented', data: { by: 1 } }] };
      },
    });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'stream-command-'));
    store = new SqliteEventStore(join(dir, 'events.sqlite'));
    reads = 0;
    const read = store.readStream.bind(store);
    store.readStream = (stream) => (reads++, read(stream));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads the stream once, then decides from the cached state while the stream is unchanged', async () => {
    const c = cache();
    expect(await increment(c)).toEqual({ value: 1, revision: 0 });
    expect(await increment(c)).toEqual({ value: 2, revision: 1 });
    expect(await increment(c)).toEqual({ value: 3, revision: 2 });
    expect(reads).toBe(1);
    expect((await store.readStream('counter-1')).events.map((e) => e.revision)).toEqual([0, 1, 2]);
  });

  // As the worker would: a write that does not go through this cache.
  const appendElsewhere = (expected: number, by: number) =>
    store.appendToStream({
      stream: 'counter-1',
      expected,
      events: [{ type: 'Incremented', data: { by }, metadata: { occurredAt: '2026-03-02T02:00:00Z' } }],
    });

  it('a decision on a stale cached state loses the append, and the command is decided again on the stream', async () => {
    const c = cache();
    await increment(c);
    await appendElsewhere(0, 2);
    const refusal = await increment(c).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(RefusedWithStateError);
    expect((refusal as RefusedWithStateError).current).toEqual({ value: 3, revision: 1 });
    expect(reads).toBe(2);
    expect((await store.readStream('counter-1')).events).toHaveLength(2);
  });

  it('a refusal decided on the cached state is only given after a fresh read confirms it', async () => {
    const c = cache();
    for (let i = 0; i < LIMIT; i++) await increment(c);
    await appendElsewhere(LIMIT - 1, -2);
    // The cache says 3 (refused); the stream says 1, so the increment is accepted.
    expect(await increment(c)).toEqual({ value: 2, revision: LIMIT + 1 });
    expect(reads).toBe(2);
  });

  it('reads the stream for a command with an Idempotency-Key, so a retry is answered from its events', async () => {
    const c = cache();
    await increment(c);
    const first = await increment(c, { idempotencyKey: 'k-1', requestHash: 'h' });
    const retry = await increment(c, { idempotencyKey: 'k-1', requestHash: 'h' });
    expect(retry).toEqual(first);
    expect(reads).toBe(3);
    expect((await store.readStream('counter-1')).events).toHaveLength(2);
  });
});

describe('StreamStateCache', () => {
  it('forgets the least recently used stream first', () => {
    const c = new StreamStateCache<number>(2);
    c.set('a', 0, 1);
    c.set('b', 0, 2);
    c.get('a');
    c.set('c', 0, 3);
    expect([c.get('a')?.state, c.get('b'), c.get('c')?.state]).toEqual([1, undefined, 3]);
  });
});
