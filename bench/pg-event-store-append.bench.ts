/**
 * PostgreSQL event store, two figures:
 * - append rate beside plain INSERTs of the same rows (the same table and the same one-statement
 *   INSERT per append, in autocommit, on one connection). Goal: ratio store / plain >= 0.5; the
 *   store's extra work is the appender lock, the revision and id lookup, and BEGIN/NOTIFY/COMMIT.
 * - rebuild read: readAll in batches over the whole log, as a projection rebuild reads it.
 *   Goal: >= 50,000 events/s.
 *
 *   npm run bench -- pg-event-store
 *   node -r ./test/support/swc-register.cjs bench/pg-event-store-append.bench.ts   (from the sources)
 *   PG_BENCH_URL=postgres://postgres@127.0.0.1:5432/test PG_BENCH_APPENDS=1000 PG_BENCH_EVENTS=1000000
 *   PG_BENCH_BATCH=5000 (defaults). Each run works in schemas of its own and drops them.
 */
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createEventStore, EventStore, NewEvent } from '@tdnv/event-store';
import { BenchResult, runWhenMain } from './bench-result';
import { progressEvent } from './progress-event';

const PG_URL = process.env.PG_BENCH_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const APPENDS = Number(process.env.PG_BENCH_APPENDS ?? 1000);
const EVENTS = Number(process.env.PG_BENCH_EVENTS ?? 1_000_000);
const BATCH = Number(process.env.PG_BENCH_BATCH ?? 5000);
const ROUNDS = 3;
const CHUNK = 50;

interface Append {
  stream: string;
  expected: 'no_stream' | number;
  events: NewEvent[];
}

const SCENARIOS = [
  { name: 'new streams', eventsPerAppend: 1, existingStreams: 0 },
  { name: 'existing streams', eventsPerAppend: 1, existingStreams: 1000 },
  { name: 'new streams', eventsPerAppend: 10, existingStreams: 0 },
  { name: 'existing streams', eventsPerAppend: 10, existingStreams: 1000 },
];

/** The baseline: the same rows in one plain multi-row INSERT per append. */
const PLAIN_INSERT = `
  INSERT INTO events (id, stream, revision, type, data, metadata)
  SELECT r.id, r.stream, r.revision, r.type, r.data::json, r.metadata::json
    FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[]) AS r(id, stream, revision, type, data, metadata)`;

/** Column arrays for PLAIN_INSERT, serialised before timing: the baseline is the bare INSERT cost. */
interface EventColumns {
  ids: string[];
  streams: string[];
  revisions: number[];
  types: string[];
  data: string[];
  metadata: string[];
}

const insertParams = (rows: EventColumns): unknown[] => [rows.ids, rows.streams, rows.revisions, rows.types, rows.data, rows.metadata];

const makeEvent = progressEvent;

/** The appends of a scenario, with exact expected revisions, built before any timing starts. */
function plan(scenario: (typeof SCENARIOS)[number]): { seed: Append[]; timed: Append[] } {
  const revisions = new Map<string, number>();
  const build = (stream: string, count: number): Append => {
    const current = revisions.get(stream) ?? -1;
    revisions.set(stream, current + count);
    return {
      stream,
      expected: current === -1 ? 'no_stream' : current,
      events: Array.from({ length: count }, (_, i) => makeEvent(stream, current + 1 + i)),
    };
  };
  const seed = Array.from({ length: scenario.existingStreams }, (_, i) => build(`task-existing-${i}`, 1));
  const timed = Array.from({ length: APPENDS }, (_, i) =>
    build(scenario.existingStreams === 0 ? `task-new-${i}` : `task-existing-${i % scenario.existingStreams}`, scenario.eventsPerAppend),
  );
  return { seed, timed };
}

function toColumns(append: Append): EventColumns {
  const first = append.expected === 'no_stream' ? 0 : append.expected + 1;
  return {
    ids: append.events.map((event) => event.id!),
    streams: append.events.map(() => append.stream),
    revisions: append.events.map((_, i) => first + i),
    types: append.events.map((event) => event.type),
    data: append.events.map((event) => JSON.stringify(event.data)),
    metadata: append.events.map((event) => JSON.stringify(event.metadata)),
  };
}

interface Schema {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** The store as the apps get it (EVENTSTORE_URL through createEventStore), once its migrations ran. */
async function openStore(url: string): Promise<EventStore> {
  const store = createEventStore({ eventstoreUrl: url, dataDir: '' });
  await store.readAll(0n, 1);
  return store;
}

/** A fresh schema with the store's tables; `drop` removes it. */
async function freshSchema(): Promise<Schema> {
  const name = `bench_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const url = `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}schema=${name}`;
  await (await openStore(url)).close();
  return { name, url, drop: () => withClient(undefined, (client) => client.query(`DROP SCHEMA ${name} CASCADE`)).then(() => undefined) };
}

async function withClient<T>(schema: string | undefined, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: PG_URL, ...(schema ? { options: `-c search_path=${schema}` } : {}) });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const seconds = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e9;

/**
 * One round of a scenario: both sides on fresh schemas, seeded, then timed in alternating chunks
 * of CHUNK appends. On a shared machine the cost of a commit (the WAL flush) swings by several
 * times from one second to the next; interleaving gives both sides the same weather, which two
 * back-to-back runs would not.
 */
async function timeRound(
  seed: Append[],
  timed: Append[],
  seedRows: EventColumns[],
  timedRows: EventColumns[],
): Promise<{ store: number; plain: number }> {
  const [forStore, forPlain] = [await freshSchema(), await freshSchema()];
  const store = await openStore(forStore.url);
  const plain = new Client({ connectionString: PG_URL, options: `-c search_path=${forPlain.name}` });
  await plain.connect();
  const insert = (rows: EventColumns) => plain.query({ name: 'plain-insert', text: PLAIN_INSERT, values: insertParams(rows) });
  try {
    for (const append of seed) await store.appendToStream(append);
    for (const rows of seedRows) await insert(rows);
    const time = { store: 0, plain: 0 };
    const timeStore = async (from: number) => {
      const start = process.hrtime.bigint();
      for (const append of timed.slice(from, from + CHUNK)) await store.appendToStream(append);
      time.store += seconds(start);
    };
    const timePlain = async (from: number) => {
      const start = process.hrtime.bigint();
      for (const rows of timedRows.slice(from, from + CHUNK)) await insert(rows);
      time.plain += seconds(start);
    };
    for (let from = 0; from < timed.length; from += CHUNK) {
      const storeFirst = (from / CHUNK) % 2 === 0;
      await (storeFirst ? timeStore : timePlain)(from);
      await (storeFirst ? timePlain : timeStore)(from);
    }
    return time;
  } finally {
    await Promise.all([store.close(), plain.end()]);
    await Promise.all([forStore.drop(), forPlain.drop()]);
  }
}

const pad = (value: string | number, width: number): string => String(value).padStart(width);
const rate = (count: number, secs: number): string => Math.round(count / secs).toLocaleString('en-US');

/** Each side keeps its best round: the closest to the code's own cost. */
async function appendLines(): Promise<string[]> {
  const lines = [
    `PostgreSQL event store vs plain INSERTs of the same rows: ${APPENDS.toLocaleString('en-US')} appends per scenario, ` +
      `chunks of ${CHUNK} alternating, best of ${ROUNDS} rounds`,
    `${'scenario'.padEnd(36)}${pad('store appends/s', 17)}${pad('store events/s', 16)}${pad('plain appends/s', 17)}${pad('plain events/s', 16)}${pad('ratio', 8)}`,
  ];
  for (const scenario of SCENARIOS) {
    const { seed, timed } = plan(scenario);
    const [seedRows, timedRows] = [seed.map(toColumns), timed.map(toColumns)];
    let [store, plain] = [Infinity, Infinity];
    for (let round = 0; round < ROUNDS; round++) {
      const time = await timeRound(seed, timed, seedRows, timedRows);
      [store, plain] = [Math.min(store, time.store), Math.min(plain, time.plain)];
    }
    const label = `${scenario.eventsPerAppend} event${scenario.eventsPerAppend > 1 ? 's' : ''}/append, ${scenario.name}`;
    const events = APPENDS * scenario.eventsPerAppend;
    lines.push(
      `${label.padEnd(36)}${pad(rate(APPENDS, store), 17)}${pad(rate(events, store), 16)}` +
        `${pad(rate(APPENDS, plain), 17)}${pad(rate(events, plain), 16)}${pad((plain / store).toFixed(2), 8)}`,
    );
  }
  lines.push('ratio = store rate / plain rate (goal >= 0.5)');
  return lines;
}

/** Writes EVENTS events (10 per stream) in big untimed INSERTs, then VACUUMs so the read sees a settled table. */
async function seedLog(schema: string): Promise<void> {
  const streams = Math.max(1, Math.floor(EVENTS / 10));
  await withClient(schema, async (client) => {
    for (let from = 0; from < EVENTS; from += 10_000) {
      const appends = Array.from({ length: Math.min(10_000, EVENTS - from) }, (_, k): Append => {
        const i = from + k;
        const [stream, revision] = [`task-${i % streams}`, Math.floor(i / streams)];
        return { stream, expected: revision - 1, events: [makeEvent(stream, revision)] };
      });
      const columns = appends.map(toColumns);
      const merged: EventColumns = {
        ids: columns.flatMap((c) => c.ids),
        streams: columns.flatMap((c) => c.streams),
        revisions: columns.flatMap((c) => c.revisions),
        types: columns.flatMap((c) => c.types),
        data: columns.flatMap((c) => c.data),
        metadata: columns.flatMap((c) => c.metadata),
      };
      await client.query(PLAIN_INSERT, insertParams(merged));
    }
    await client.query('VACUUM (ANALYZE) events');
  });
}

async function rebuildLines(): Promise<string[]> {
  const schema = await freshSchema();
  try {
    const seedStart = process.hrtime.bigint();
    await seedLog(schema.name);
    const seeded = seconds(seedStart);
    const store = await openStore(schema.url);
    try {
      const [start, cpu] = [process.hrtime.bigint(), process.cpuUsage()];
      let [read, last] = [0, 0n];
      for (let page = await store.readAll(last, BATCH); page.length > 0; page = await store.readAll(last, BATCH)) {
        read += page.length;
        last = page[page.length - 1].position;
      }
      const [wall, used] = [seconds(start), process.cpuUsage(cpu)];
      if (read !== EVENTS) throw new Error(`read ${read} events, expected ${EVENTS}`);
      return [
        `Rebuild read: readAll in batches of ${BATCH.toLocaleString('en-US')} over ${EVENTS.toLocaleString('en-US')} events (seeded in ${seeded.toFixed(1)} s)`,
        `${rate(read, wall)} events/s, ${wall.toFixed(1)} s wall, ${((used.user + used.system) / 1e6).toFixed(1)} s CPU in this process (goal >= 50,000 events/s)`,
      ];
    } finally {
      await store.close();
    }
  } finally {
    await schema.drop();
  }
}

export async function run(): Promise<BenchResult> {
  return { name: 'pg-event-store-append', lines: [...(await appendLines()), '', ...(await rebuildLines())] };
}

runWhenMain(module, () => run());
