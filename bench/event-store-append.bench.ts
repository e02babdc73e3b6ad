/**
 * SQLite event-store append rate beside plain better-sqlite3 INSERTs of the same rows (same
 * schema, same pragmas, one transaction per group of the same size). The goal is a ratio
 * store / plain of at least 0.5: the store's extra work per append (revision check, JSON
 * serialisation, promise) must stay small next to the write itself.
 *
 *   npx tsc -p tsconfig.build.json && node dist/bench/event-store-append.bench.js [appends]
 */
import type Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NewEvent } from '@tdnv/event-store';
import { SqliteEventStore, openEventsDatabase } from '@tdnv/event-store';
import { BenchResult, runWhenMain } from './bench-result';
import { OCCURRED_AT, progressEvent } from './progress-event';

interface Scenario {
  name: string;
  eventsPerAppend: number;
  /** 0: every append opens a new stream; n: appends go round-robin to n streams created beforehand. */
  existingStreams: number;
}

interface Append {
  stream: string;
  expected: 'no_stream' | number;
  events: NewEvent[];
}

type Row = [string, string, number, string, string, string, string];

const SCENARIOS: Scenario[] = [
  { name: 'new streams', eventsPerAppend: 1, existingStreams: 0 },
  { name: 'existing streams', eventsPerAppend: 1, existingStreams: 1000 },
  { name: 'new streams', eventsPerAppend: 10, existingStreams: 0 },
  { name: 'existing streams', eventsPerAppend: 10, existingStreams: 1000 },
];

const RECORDED_AT = OCCURRED_AT;

const makeEvent = progressEvent;

/** The appends of a scenario, with exact expected revisions, built before any timing starts. */
function plan(scenario: Scenario, appends: number): { seed: Append[]; timed: Append[] } {
  const revisions = new Map<string, number>();
  const build = (stream: string, count: number): Append => {
    const current = revisions.get(stream) ?? -1;
    const events = Array.from({ length: count }, (_, i) => makeEvent(stream, current + 1 + i));
    revisions.set(stream, current + count);
    return { stream, expected: current === -1 ? 'no_stream' : current, events };
  };
  const seed = Array.from({ length: scenario.existingStreams }, (_, i) => build(`task-existing-${i}`, 1));
  const timed = Array.from({ length: appends }, (_, i) =>
    build(scenario.existingStreams === 0 ? `task-new-${i}` : `task-existing-${i % scenario.existingStreams}`, scenario.eventsPerAppend),
  );
  return { seed, timed };
}

function toRows(append: Append): Row[] {
  const first = append.expected === 'no_stream' ? 0 : append.expected + 1;
  return append.events.map((event, i) => [
    event.id!,
    append.stream,
    first + i,
    event.type,
    JSON.stringify(event.data),
    JSON.stringify(event.metadata),
    RECORDED_AT,
  ]);
}

async function timeStore(file: string, seed: Append[], timed: Append[]): Promise<number> {
  // Checkpoints inline, as the plain INSERTs do: the background checkpoint thread would make the
  // store look faster than the baseline it is measured against.
  const store = new SqliteEventStore(file, { checkpointEveryMs: 0 });
  try {
    for (const append of seed) await store.appendToStream(append);
    const start = process.hrtime.bigint();
    for (const append of timed) await store.appendToStream(append);
    return Number(process.hrtime.bigint() - start) / 1e9;
  } finally {
    await store.close();
  }
}

function timePlain(file: string, seed: Row[][], timed: Row[][]): number {
  const db: Database.Database = openEventsDatabase(file);
  try {
    const insert = db.prepare<Row>(
      'INSERT INTO events (id, stream, revision, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const insertGroup = db.transaction((rows: Row[]) => {
      for (const row of rows) insert.run(...row);
    });
    for (const rows of seed) insertGroup(rows);
    const start = process.hrtime.bigint();
    for (const rows of timed) insertGroup(rows);
    return Number(process.hrtime.bigint() - start) / 1e9;
  } finally {
    db.close();
  }
}

const pad = (value: string | number, width: number): string => String(value).padStart(width);
const rate = (count: number, seconds: number): string => Math.round(count / seconds).toLocaleString('en-US');

/**
 * Each side runs ROUNDS times on fresh files, the order alternating, and keeps its best time: on a
 * shared 2-core machine other processes steal time from whichever side runs at that moment, and
 * the best of a few runs is the closest to the code's own cost.
 */
const ROUNDS = 3;

export async function run(appends = 20_000): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'event-store-bench-'));
  const lines = [
    `SQLite event store vs plain better-sqlite3 INSERTs: ${appends.toLocaleString('en-US')} appends per scenario, ` +
      `best of ${ROUNDS} rounds, WAL, synchronous=NORMAL`,
    `${'scenario'.padEnd(36)}${pad('store appends/s', 17)}${pad('store events/s', 16)}${pad('plain appends/s', 17)}${pad('plain events/s', 16)}${pad('ratio', 8)}`,
  ];
  try {
    for (const [index, scenario] of SCENARIOS.entries()) {
      const { seed, timed } = plan(scenario, appends);
      // Rows are serialised before timing: the baseline is the bare INSERT cost.
      const [seedRows, timedRows] = [seed.map(toRows), timed.map(toRows)];
      let [store, plain] = [Infinity, Infinity];
      for (let round = 0; round < ROUNDS; round++) {
        const file = (side: string) => join(dir, `${side}-${index}-${round}.sqlite`);
        if (round % 2 === 1) store = Math.min(store, await timeStore(file('store'), seed, timed));
        plain = Math.min(plain, timePlain(file('plain'), seedRows, timedRows));
        if (round % 2 === 0) store = Math.min(store, await timeStore(file('store'), seed, timed));
        rmSync(dir, { recursive: true, force: true });
        mkdirSync(dir, { recursive: true });
      }
      const events = appends * scenario.eventsPerAppend;
      const label = `${scenario.eventsPerAppend} event${scenario.eventsPerAppend > 1 ? 's' : ''}/append, ${scenario.name}`;
      lines.push(
        `${label.padEnd(36)}${pad(rate(appends, store), 17)}${pad(rate(events, store), 16)}` +
          `${pad(rate(appends, plain), 17)}${pad(rate(events, plain), 16)}${pad((plain / store).toFixed(2), 8)}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  lines.push('ratio = store rate / plain rate (goal >= 0.5)');
  return { name: 'event-store-append', lines };
}

runWhenMain(module, () => run(Number(process.argv[2] ?? 20_000)));
