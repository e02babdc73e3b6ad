import { randomUUID } from 'node:crypto';
import { eventStoreContract } from './event-store.contract';
import { newEvent, rejectionOf, summary, uniqueStream, waitFor } from './event-store.contract-helpers';
import type { StoredEvent } from './event-store.port';
import { PostgresEventStore, PostgresEventStoreOptions } from './postgres-event-store';
import { LATEST_MIGRATION } from './postgres-event-store.schema';
import { dropSchema, eventually, requirePostgres, schemaUrl, uniqueSchema, withTestDatabase } from './postgres-test-schema';

/** Needs the PostgreSQL of CI (TEST_POSTGRES_URL, default postgres://postgres@127.0.0.1:5432/test); fails without it. */
beforeAll(requirePostgres);

const open = (url: string, options: PostgresEventStoreOptions = {}) => PostgresEventStore.open(url, { pollIntervalMs: 50, ...options });

eventStoreContract(
  'PostgresEventStore',
  async () => {
    const schema = uniqueSchema();
    const store = await open(schemaUrl(schema));
    return { store, teardown: () => store.close().then(() => dropSchema(schema)) };
  },
  { atomicMultiStream: true },
);

describe('PostgresEventStore specifics', () => {
  let schema: string;
  let url: string;
  const stores: PostgresEventStore[] = [];
  const track = async (opening: Promise<PostgresEventStore>) => (stores.push(await opening), stores[stores.length - 1]);
  beforeEach(() => {
    schema = uniqueSchema();
    url = schemaUrl(schema);
  });
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
    await dropSchema(schema);
  });

  it('recognises a retried append by its event ids and writes nothing twice', async () => {
    const store = await track(open(url));
    const [notice, task] = [uniqueStream('notice'), uniqueStream('task')];
    const batch = [
      { stream: notice, expected: 'no_stream' as const, events: [newEvent('NoticeRegistered', {}, { id: `${notice}/0` })] },
      { stream: task, expected: 'no_stream' as const, events: [0, 1].map((i) => newEvent('TaskAssigned', { i }, { id: `${task}/${i}` })) },
    ];
    const first = await store.appendToStreams(batch);
    expect(await store.appendToStreams(batch)).toEqual(first);
    const next = { stream: task, expected: 1, events: [newEvent('TaskAcknowledged', {}, { id: `${task}/2` })] };
    const written = await store.appendToStream(next);
    expect(await store.appendToStream(next)).toEqual(written);
    expect(await store.appendToStream({ ...next, expected: 'any' })).toEqual(written);
    expect(summary((await store.readStream(task)).events)).toEqual([
      `${task}@0:TaskAssigned`,
      `${task}@1:TaskAssigned`,
      `${task}@2:TaskAcknowledged`,
    ]);
    expect((await store.readAll(0n, 100)).length).toBe(4);
    // Not a retry: the same ids expected elsewhere are refused, and an id is never stored twice.
    expect(await rejectionOf(store.appendToStream({ ...next, expected: 0 }))).toMatchObject({ stream: task, expected: 0, actual: 2 });
    const reused = {
      stream: uniqueStream('task'),
      expected: 'any' as const,
      events: [newEvent('TaskAssigned', {}, { id: `${notice}/0` })],
    };
    expect(String(await rejectionOf(store.appendToStream(reused)))).toMatch(/already stored/);
  });

  it('a reader following readAll while writers race sees every event once, in position order, with no gaps', async () => {
    const [writerCount, lanesPerWriter, appendsPerLane, eventsPerAppend] = [4, 3, 30, 4];
    const writers = await Promise.all(Array.from({ length: writerCount }, () => track(open(url))));
    const reader = await track(open(url));
    const events = () => Array.from({ length: eventsPerAppend }, (_, i) => newEvent('ProgressReported', { i }));
    let writing = true;
    const lane = async (writer: PostgresEventStore) => {
      for (let i = 0; i < appendsPerLane; i++) {
        const [a, b] = [uniqueStream('race'), uniqueStream('race')];
        // Every third append spans two streams, so multi-stream transactions race too.
        if (i % 3 === 0)
          await writer.appendToStreams([a, b].map((stream) => ({ stream, expected: 'no_stream' as const, events: events().slice(0, 2) })));
        else await writer.appendToStream({ stream: a, expected: 'no_stream', events: events() });
      }
    };
    const writes = Promise.all(writers.flatMap((writer) => Array.from({ length: lanesPerWriter }, () => lane(writer)))).finally(
      () => (writing = false),
    );
    const seen: StoredEvent[] = [];
    let reads = 0;
    const follow = async () => {
      for (let last = 0n; ; reads++) {
        // Read the flag before the query: the pass that starts after the writers finished is the last one needed.
        const more = writing;
        const page = await reader.readAll(last, 50);
        if (page.length > 0) last = page[page.length - 1].position;
        else if (!more) return;
        seen.push(...page);
      }
    };
    await Promise.all([writes, follow()]);
    const log = await reader.readAll(0n, 1_000_000);
    expect(log).toHaveLength(writerCount * lanesPerWriter * appendsPerLane * eventsPerAppend);
    expect(reads).toBeGreaterThan(20);
    expect(seen.map((event) => event.id)).toEqual(log.map((event) => event.id));
    seen.slice(1).forEach((event, i) => expect(event.position).toBeGreaterThan(seen[i].position));
  });

  it("a NOTIFY wakes another instance's subscription well before its poll", async () => {
    const reader = await track(open(url, { pollIntervalMs: 10_000 }));
    const writer = await track(open(url));
    const stream = uniqueStream('task');
    const arrivals: number[] = [];
    reader.subscribe(0n, () => void arrivals.push(Date.now()));
    const latencies: number[] = [];
    for (let i = 0; i < 5; i++) {
      const before = Date.now();
      await writer.appendToStream({ stream, expected: i === 0 ? 'no_stream' : i - 1, events: [newEvent('TaskProgressed', { i })] });
      await waitFor(() => arrivals.length === i + 1, `event ${i}`, 3000);
      latencies.push(arrivals[i] - before);
    }
    expect(Math.max(...latencies)).toBeLessThan(1000);
  });

  it('instances opening a fresh schema at once apply each migration once; a reopen applies none and positions go on', async () => {
    const first = await Promise.all(Array.from({ length: 4 }, () => track(open(url))));
    const before = await first[0].appendToStream({ stream: uniqueStream('t'), expected: 'any', events: [newEvent('A', {})] });
    const migrations = () =>
      withTestDatabase(
        async (client) => (await client.query(`SELECT version, applied_at FROM ${schema}.event_store_migrations ORDER BY version`)).rows,
      );
    const applied = await migrations();
    expect(applied.map((row) => row.version)).toEqual(Array.from({ length: LATEST_MIGRATION }, (_, i) => i + 1));
    const again = await track(open(url));
    expect(await migrations()).toEqual(applied);
    const after = await again.appendToStream({ stream: uniqueStream('t'), expected: 'any', events: [newEvent('B', {})] });
    expect(after.position).toBeGreaterThan(before.position);
  });

  it('stores in two schemas of one database see only their own events', async () => {
    const other = uniqueSchema();
    try {
      const [mine, theirs] = [await track(open(url)), await track(open(schemaUrl(other)))];
      const stream = uniqueStream('task');
      await mine.appendToStream({ stream, expected: 'no_stream', events: [newEvent('Mine', {})] });
      await theirs.appendToStream({ stream, expected: 'no_stream', events: [newEvent('Theirs', {})] });
      expect(summary(await mine.readAll(0n, 10))).toEqual([`${stream}@0:Mine`]);
      expect(summary((await theirs.readStream(stream)).events)).toEqual([`${stream}@0:Theirs`]);
    } finally {
      await Promise.all(stores.splice(0).map((store) => store.close()));
      await dropSchema(other);
    }
  });

  it('close() ends the pool and the LISTEN connection', async () => {
    const name = `es_close_${randomUUID().slice(0, 8)}`;
    const store = await PostgresEventStore.open(schemaUrl(schema, `&application_name=${name}`), { pollIntervalMs: 50 });
    const connections = () =>
      withTestDatabase(async (client) =>
        Number((await client.query('SELECT count(*) FROM pg_stat_activity WHERE application_name = $1', [name])).rows[0].count),
      );
    const received: StoredEvent[] = [];
    store.subscribe(0n, (event) => void received.push(event));
    await store.appendToStream({ stream: uniqueStream('task'), expected: 'no_stream', events: [newEvent('A', {})] });
    await waitFor(() => received.length === 1, 'the event');
    await eventually(async () => (await connections()) >= 2, 'the pool and the LISTEN connection');
    await store.close();
    await eventually(async () => (await connections()) === 0, 'every connection closed');
  });
});
