import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConcurrencyError } from '@tdnv/domain';
import { newEvent, summary, uniqueStream } from './event-store.contract-helpers';
import type { AppendResult } from './event-store.port';
import { SqliteEventStore } from './sqlite-event-store';

/** Appends issued in one event-loop turn share one transaction; each must still succeed or fail alone. */
describe('SqliteEventStore group commit', () => {
  let dir: string;
  let store: SqliteEventStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'group-commit-spec-'));
    store = new SqliteEventStore(join(dir, 'events.sqlite'), { pollIntervalMs: 20 });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const settle = (promises: Promise<AppendResult>[]) => Promise.allSettled(promises);

  it('lands every append of one turn, to different streams, with consecutive positions', async () => {
    const streams = Array.from({ length: 20 }, () => uniqueStream('task'));
    const outcomes = await settle(
      streams.map((stream) => store.appendToStream({ stream, expected: 'no_stream', events: [newEvent('TaskAssigned', {})] })),
    );
    expect(outcomes.every((o) => o.status === 'fulfilled')).toBe(true);
    const positions = outcomes.map((o) => (o as PromiseFulfilledResult<AppendResult>).value.position);
    expect(positions).toEqual(positions.map((_, i) => positions[0] + BigInt(i)));
    for (const stream of streams) expect((await store.readStream(stream)).revision).toBe(0);
  });

  it('fails only the append whose expected revision is stale; the others of the turn still land', async () => {
    const [a, b, c] = [uniqueStream('task'), uniqueStream('task'), uniqueStream('task')];
    await store.appendToStream({ stream: b, expected: 'no_stream', events: [newEvent('TaskAssigned', {})] });
    const outcomes = await settle([
      store.appendToStream({ stream: a, expected: 'no_stream', events: [newEvent('TaskAssigned', {})] }),
      store.appendToStream({ stream: b, expected: 'no_stream', events: [newEvent('TaskAssigned', {})] }),
      store.appendToStream({ stream: c, expected: 'no_stream', events: [newEvent('TaskAssigned', {}), newEvent('TaskAcknowledged', {})] }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(ConcurrencyError);
    expect((outcomes[1] as PromiseRejectedResult).reason).toMatchObject({ stream: b, actual: 0 });
    expect(summary((await store.readStream(c)).events)).toEqual([`${c}@0:TaskAssigned`, `${c}@1:TaskAcknowledged`]);
    expect((await store.readStream(a)).revision).toBe(0);
    expect((await store.readStream(b)).revision).toBe(0);
  });

  it('lets exactly one of two appends with the same expected revision win within one turn', async () => {
    const stream = uniqueStream('task');
    await store.appendToStream({ stream, expected: 'no_stream', events: [newEvent('TaskAssigned', {})] });
    const outcomes = await settle([
      store.appendToStream({ stream, expected: 0, events: [newEvent('ProgressReported', { n: 1 })] }),
      store.appendToStream({ stream, expected: 0, events: [newEvent('ProgressReported', { n: 2 })] }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toMatchObject({ stream, expected: 0, actual: 1 });
    expect((await store.readStream(stream)).events.map((e) => e.data)).toEqual([{}, { n: 1 }]);
  });

  it('rolls back a unit that fails half-way (duplicate event id) without touching the others', async () => {
    const [a, b, c] = [uniqueStream('task'), uniqueStream('task'), uniqueStream('notice')];
    const outcomes = await Promise.allSettled([
      store.appendToStream({ stream: a, expected: 'no_stream', events: [newEvent('TaskAssigned', {})] }),
      // Two streams in one unit; the second event reuses the first one's id and violates UNIQUE(id).
      store.appendToStreams([
        { stream: c, expected: 'no_stream', events: [newEvent('NoticeRegistered', {}, { id: 'same-id' })] },
        { stream: b, expected: 'no_stream', events: [newEvent('TaskAssigned', {}, { id: 'same-id' })] },
      ]),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected']);
    expect((await store.readStream(a)).revision).toBe(0);
    expect((await store.readStream(b)).revision).toBe(-1);
    expect((await store.readStream(c)).revision).toBe(-1);
  });

  it('writes what is still queued when the store closes', async () => {
    const stream = uniqueStream('task');
    const pending = store.appendToStream({ stream, expected: 'no_stream', events: [newEvent('TaskAssigned', {})] });
    await store.close();
    await expect(pending).resolves.toMatchObject({ stream, nextRevision: 0 });
    store = new SqliteEventStore(join(dir, 'events.sqlite'));
    expect((await store.readStream(stream)).revision).toBe(0);
  });
});
