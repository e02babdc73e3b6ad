import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { ConcurrencyError } from '@tdnv/domain';
import type { EventStore, StoredEvent } from './event-store.port';
import {
  ContractFactory,
  ContractFixture,
  metadata,
  newEvent,
  readAllOf,
  rejectionOf,
  summary,
  uniqueStream,
  waitFor,
} from './event-store.contract-helpers';

export type { ContractFactory, ContractFixture } from './event-store.contract-helpers';

/** The behaviour every adapter must show; each adapter's spec runs it (DESIGN.md, Architecture). */
/** `atomicMultiStream`: appendToStreams is one transaction (SQLite, PostgreSQL; not EventStoreDB). */
export function eventStoreContract(name: string, factory: ContractFactory, options: { atomicMultiStream?: boolean } = {}): void {
  describe(`${name}: event-store contract`, () => {
    let fixture: ContractFixture;
    let store: EventStore;

    beforeEach(async () => {
      fixture = await factory();
      store = fixture.store;
    });
    afterEach(() => fixture.teardown());

    const seed = async (stream: string, count: number) =>
      store.appendToStream({
        stream,
        expected: 'no_stream',
        events: Array.from({ length: count }, (_, i) => newEvent(`Seeded${i}`, { i })),
      });

    (options.atomicMultiStream ? it : it.skip)(
      'appendToStreams is atomic: one stale expected revision writes nothing in any stream',
      async () => {
        const [notice, taskA, taskB] = [uniqueStream('notice'), uniqueStream('task'), uniqueStream('task')];
        await store.appendToStream({ stream: taskB, expected: 'no_stream', events: [newEvent('TaskAssigned', {})] });
        const before = await store.readAll(0n, 1000);
        const error = await rejectionOf(
          store.appendToStreams([
            { stream: notice, expected: 'no_stream', events: [newEvent('NoticeRegistered', {})] },
            { stream: taskA, expected: 'no_stream', events: [newEvent('TaskAssigned', {})] },
            { stream: taskB, expected: 'no_stream', events: [newEvent('TaskAssigned', {})] },
          ]),
        );
        expect(error).toBeInstanceOf(ConcurrencyError);
        expect(error).toMatchObject({ stream: taskB, actual: 0 });
        expect((await store.readStream(notice)).revision).toBe(-1);
        expect((await store.readStream(taskA)).revision).toBe(-1);
        expect(await store.readAll(0n, 1000)).toEqual(before);
      },
    );

    describe('expected revision', () => {
      it('appends to a new stream with no_stream, revisions from 0', async () => {
        const stream = uniqueStream('task');
        const result = await seed(stream, 2);
        expect(result).toMatchObject({ stream, nextRevision: 1 });
        const read = await store.readStream(stream);
        expect(read.revision).toBe(1);
        expect(summary(read.events)).toEqual([`${stream}@0:Seeded0`, `${stream}@1:Seeded1`]);
        expect(read.events.map((event) => event.data)).toEqual([{ i: 0 }, { i: 1 }]);
      });

      it('refuses a second no_stream append with the actual revision', async () => {
        const stream = uniqueStream('task');
        await seed(stream, 2);
        const error = await rejectionOf(seed(stream, 1));
        expect(error).toBeInstanceOf(ConcurrencyError);
        expect(error).toMatchObject({ stream, expected: 'no_stream', actual: 1 });
        expect((await store.readStream(stream)).events).toHaveLength(2);
      });

      it('appends at the exact current revision', async () => {
        const stream = uniqueStream('task');
        await seed(stream, 2);
        const result = await store.appendToStream({ stream, expected: 1, events: [newEvent('Next', {})] });
        expect(result.nextRevision).toBe(2);
        expect(summary((await store.readStream(stream)).events)[2]).toBe(`${stream}@2:Next`);
      });

      it('refuses a stale revision, says the actual one and writes nothing', async () => {
        const stream = uniqueStream('task');
        await seed(stream, 3);
        const error = await rejectionOf(store.appendToStream({ stream, expected: 0, events: [newEvent('Late', {})] }));
        expect(error).toBeInstanceOf(ConcurrencyError);
        expect(error).toMatchObject({ stream, expected: 0, actual: 2 });
        const read = await store.readStream(stream);
        expect(read.revision).toBe(2);
        expect(read.events.map((event) => event.type)).not.toContain('Late');
      });

      it('refuses an exact revision on a stream that does not exist (actual -1)', async () => {
        const stream = uniqueStream('task');
        const error = await rejectionOf(store.appendToStream({ stream, expected: 0, events: [newEvent('X', {})] }));
        expect(error).toMatchObject({ stream, expected: 0, actual: -1 });
      });

      it("'any' appends to a new and to an existing stream", async () => {
        const stream = uniqueStream('task');
        expect((await store.appendToStream({ stream, expected: 'any', events: [newEvent('A', {})] })).nextRevision).toBe(0);
        expect((await store.appendToStream({ stream, expected: 'any', events: [newEvent('B', {})] })).nextRevision).toBe(1);
        expect(summary((await store.readStream(stream)).events)).toEqual([`${stream}@0:A`, `${stream}@1:B`]);
      });

      it('lets exactly one of two concurrent appends at the same revision win', async () => {
        const stream = uniqueStream('task');
        await seed(stream, 1);
        const outcomes = await Promise.allSettled(
          ['First', 'Second'].map((type) => store.appendToStream({ stream, expected: 0, events: [newEvent(type, {})] })),
        );
        const won = outcomes.filter((outcome) => outcome.status === 'fulfilled');
        const lost = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(1);
        expect(lost[0]).toBeInstanceOf(ConcurrencyError);
        expect(lost[0]).toMatchObject({ actual: 1 });
        const read = await store.readStream(stream);
        expect(read.revision).toBe(1);
        expect(read.events).toHaveLength(2);
      });
    });

    describe('reading', () => {
      it('reads a missing stream as revision -1 with no events', async () => {
        expect(await store.readStream(uniqueStream('missing'))).toEqual({ revision: -1, events: [] });
      });

      it('round-trips data, metadata, ids and Vietnamese text', async () => {
        const stream = uniqueStream('notice');
        const id = randomUUID();
        const data = {
          number: '45/TB-VPCP',
          title: 'Kết luận của Phó Thủ tướng Trần Hồng Hà tại cuộc họp về chuyển đổi số',
          lead: 'Ủy ban nhân dân tỉnh Đắk Lắk',
          nested: { percent: 42.5, done: false, none: null, list: ['Bộ Tài chính', 'Bộ Y tế'] },
        };
        const meta = metadata({
          correlationId: 'c-1',
          causationId: 'c-0',
          actor: { id: 'u-vpcp', role: 'vpcp', agency: 'VPCP' },
          note: 'Đôn đốc thực hiện nhiệm vụ',
        });
        await store.appendToStream({ stream, expected: 'no_stream', events: [{ id, type: 'NoticeRegistered', data, metadata: meta }] });
        const [event] = (await store.readStream(stream)).events;
        expect(event).toMatchObject({ id, stream, revision: 0, type: 'NoticeRegistered', data, metadata: meta });
        expect(Number.isNaN(Date.parse(event.recordedAt))).toBe(false);
      });

      it('reads $all after a position, in order, in batches, positions strictly increasing', async () => {
        const [a, b, c] = ['a', 'b', 'c'].map((prefix) => uniqueStream(`all-${prefix}`));
        const first = await seed(a, 1);
        await seed(b, 2);
        const last = await seed(c, 1);
        const all = await readAllOf(store, first.position, [a, b, c], 3, 1000);
        expect(summary(all.ours)).toEqual([`${b}@0:Seeded0`, `${b}@1:Seeded1`, `${c}@0:Seeded0`]);
        expect(all.ours[2].position).toBe(last.position);
        const paged = await readAllOf(store, first.position, [a, b, c], 3, 2);
        expect(paged.pages[0]).toHaveLength(2);
        expect(paged.pages.every((page) => page.length <= 2)).toBe(true);
        expect(summary(paged.ours)).toEqual(summary(all.ours));
        const positions = paged.pages.flat().map((event) => event.position);
        expect(positions[0]).toBeGreaterThan(first.position);
        positions.slice(1).forEach((position, i) => expect(position).toBeGreaterThan(positions[i]));
      });

      it('reads nothing for maxCount 0, and from the start for position 0', async () => {
        const stream = uniqueStream('all');
        await seed(stream, 1);
        expect(await store.readAll(0n, 0)).toEqual([]);
        const fromStart = await store.readAll(0n, 1);
        expect(fromStart).toHaveLength(1);
        expect(fromStart[0].position).toBeGreaterThan(0n);
      });
    });

    it('appendToStreams writes every stream and returns one result each, in order', async () => {
      const [notice, task] = [uniqueStream('notice'), uniqueStream('task')];
      const results = await store.appendToStreams([
        { stream: notice, expected: 'no_stream', events: [newEvent('NoticeRegistered', { n: 1 })] },
        { stream: task, expected: 'no_stream', events: [newEvent('TaskAssigned', { t: 1 })] },
      ]);
      expect(results.map((result) => [result.stream, result.nextRevision])).toEqual([
        [notice, 0],
        [task, 0],
      ]);
      expect(results[1].position).toBeGreaterThan(results[0].position);
      expect((await store.readStream(task)).events[0].data).toEqual({ t: 1 });
    });

    it('subscription delivers the events after a position, then new ones, in order, once each', async () => {
      const [a, b] = [uniqueStream('sub-a'), uniqueStream('sub-b')];
      const start = await seed(a, 1);
      await seed(b, 2);
      const received: StoredEvent[] = [];
      let inFlight = 0;
      let overlapped = false;
      const subscription = store.subscribe(start.position, async (event) => {
        overlapped ||= inFlight > 0;
        inFlight += 1;
        await new Promise((resolve) => setImmediate(resolve));
        received.push(event);
        inFlight -= 1;
      });
      try {
        const ours = () => received.filter((event) => event.stream === a || event.stream === b);
        await waitFor(() => ours().length >= 2, 'the existing events');
        await store.appendToStream({ stream: a, expected: 0, events: [newEvent('Later', { late: true })] });
        await waitFor(() => ours().length >= 3, 'the new event');
        expect(summary(ours())).toEqual([`${b}@0:Seeded0`, `${b}@1:Seeded1`, `${a}@1:Later`]);
        expect(ours()[2].data).toEqual({ late: true });
        expect(new Set(received.map((event) => event.id)).size).toBe(received.length);
        received.slice(1).forEach((event, i) => expect(event.position).toBeGreaterThan(received[i].position));
        expect(overlapped).toBe(false);
      } finally {
        await subscription.close();
      }
    });
  });
}
