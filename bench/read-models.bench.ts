/**
 * Read-model benchmarks: rebuild throughput (SQLite and PostgreSQL), live projection lag under a
 * steady 500 appends/s, the inbox query for one agency with many tasks in the read model, and
 * /stats from the projection's counters, now and as of a past day (read-models-stats.ts).
 *
 *   npx tsc -p tsconfig.build.json && node dist/bench/read-models.bench.js
 *   node -r ./test/support/swc-register.cjs bench/read-models.bench.ts   (from the sources)
 *   RM_BENCH_EVENTS=1000000 RM_BENCH_PG_EVENTS=200000 RM_BENCH_TASKS=1000000 RM_BENCH_STATS_TASKS=1000000 (defaults)
 *   RM_BENCH_ONLY=sqlite,pg,lag,list,stats picks sections (default: all). CPU time is printed beside
 *   wall time because the machine is shared and wall time alone is noisy. RM_BENCH_REFERENCE=0
 *   leaves out the slow reference timings of the paths the counters replaced. RM_BENCH_LIST_DIR and
 *   RM_BENCH_STATS_DIR keep the list and /stats sections' read models there and reuse them.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { startProjectionsWorker } from '../apps/worker/src/projections/projections.processor';
import { createDeadlinePolicy } from '@tdnv/calendar';
import { SqliteEventStore, openEventsDatabase } from '@tdnv/event-store';
import { redisConnection, nudgeOptions, PROJECTION_JOBS, PROJECTIONS_QUEUE } from '@tdnv/queues';
import { Queue } from 'bullmq';
import {
  migrateReadModels,
  readCheckpoint,
  PostgresDatabase,
  rebuildProjection,
  PROJECTIONS,
  SqlDatabase,
  SqlValue,
  insertRows,
  SqliteDatabase,
  ACCESS_COLUMNS,
  TASK_COLUMNS,
  listTasks,
  recountTally,
  tasksProjection,
} from '@tdnv/read-models';
import { addDays } from '@tdnv/calendar';
import { BenchResult, runWhenMain } from './bench-result';
import { statsLatency, statsSection } from './read-models-stats';

const CONTEXT = { policy: createDeadlinePolicy(true), timeZone: 'Asia/Ho_Chi_Minh' };
const PG_URL = process.env.RM_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const AGENCIES = Array.from({ length: 100 }, (_, i) => `A${i}`);
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
const ONLY = (process.env.RM_BENCH_ONLY ?? 'sqlite,pg,lag,list,stats').split(',');
/** CPU seconds (user + system) of this process since `from`. */
const cpuSince = (from: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1e6;
};

/** Writes `count` events (5 per task) straight into a SQLite event store, in a few big transactions. */
function generateEvents(file: string, count: number): void {
  const db = openEventsDatabase(file);
  const insert = db.prepare('INSERT INTO events (id, stream, revision, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const at = '2026-02-12T03:00:00.000Z';
  const meta = JSON.stringify({ occurredAt: at, actor: { id: 'u', role: 'vpcp' } });
  const write = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const task = Math.floor(i / 5);
      const rev = i % 5;
      const taskId = `n${task >> 6}.${task & 63}.a${task % 100}`;
      const data =
        rev === 0
          ? {
              taskId,
              noticeId: `n${task >> 6}`,
              noticeNumber: `${task >> 6}/TB-VPCP`,
              directiveIndex: task & 63,
              text: 'Hoàn thiện cơ sở dữ liệu quốc gia về dân cư, kết nối với các bộ, ngành',
              lead: AGENCIES[task % 100],
              coordinators: [AGENCIES[(task + 7) % 100]],
              deadline: { due: '2026-06-30', kind: 'date' },
              key: false,
              confidential: false,
              assignedAt: at,
            }
          : rev === 3
            ? {
                taskId,
                from: { due: '2026-06-30', kind: 'date' },
                to: { due: '2026-09-30', kind: 'date' },
                reason: 'Gia hạn',
                cause: 'extension',
              }
            : { taskId, by: AGENCIES[task % 100], note: 'Đã xây dựng dự thảo, đang lấy ý kiến', percent: 40 };
      const type = ['TaskAssigned', 'TaskAcknowledged', 'ProgressReported', 'DeadlineChanged', 'ProgressReported'][rev];
      insert.run(`e${i}`, `task-${taskId}`, rev, type, JSON.stringify(data), meta, at);
    }
  });
  for (let i = 0; i < count; i += 100_000) write(i, Math.min(count, i + 100_000));
  db.close();
}

async function rebuildRate(db: SqlDatabase, store: SqliteEventStore, label: string): Promise<string> {
  await migrateReadModels(db, PROJECTIONS);
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const { events } = await rebuildProjection(db, store, tasksProjection, CONTEXT);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpuSeconds = cpuSince(cpu);
  return `rebuild ${label}: ${events.toLocaleString('en')} events in ${seconds.toFixed(1)} s = ${Math.round(events / seconds).toLocaleString('en')} events/s (node CPU ${cpuSeconds.toFixed(1)} s = ${Math.round(events / cpuSeconds).toLocaleString('en')} events per CPU-second)`;
}

async function liveLag(dir: string, seconds: number): Promise<string> {
  const store = new SqliteEventStore(join(dir, 'live-events.sqlite'));
  const db = new SqliteDatabase(join(dir, 'live-rm.sqlite'));
  await migrateReadModels(db, PROJECTIONS);
  const connection = redisConnection(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const prefix = `bench-${randomUUID()}`;
  const worker = await startProjectionsWorker({ connection, prefix, db, store, ...CONTEXT, catchUpEveryMs: 60_000 });
  const queue = new Queue(PROJECTIONS_QUEUE, { connection, prefix });
  const appendedAt = new Map<bigint, number>();
  const lags: number[] = [];
  let seen = 0n;
  const watcher = setInterval(async () => {
    const cp = await readCheckpoint(db, 'tasks');
    if (!cp || cp.position <= seen) return;
    const now = performance.now();
    for (const [position, at] of appendedAt) {
      if (position > cp.position) continue;
      lags.push(now - at);
      appendedAt.delete(position);
    }
    seen = cp.position;
  }, 1);
  const total = seconds * 500;
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const due = start + i * 2;
    while (performance.now() < due) await new Promise((resolve) => setImmediate(resolve));
    const taskId = `live.${i}`;
    const result = await store.appendToStream({
      stream: `task-${taskId}`,
      expected: 'no_stream',
      events: [
        {
          type: 'TaskAssigned',
          data: {
            taskId,
            noticeId: 'live',
            noticeNumber: '1/TB-VPCP',
            directiveIndex: 0,
            text: 'Nhiệm vụ',
            lead: 'BTC',
            coordinators: [],
            deadline: { due: '2026-06-30', kind: 'date' },
            key: false,
            confidential: false,
            assignedAt: new Date().toISOString(),
          },
          metadata: { occurredAt: new Date().toISOString() },
        },
      ],
    });
    appendedAt.set(result.position, performance.now());
    for (const p of PROJECTIONS) void queue.add(PROJECTION_JOBS.nudge, { projection: p.name }, nudgeOptions(p.name));
  }
  while (appendedAt.size) await new Promise((resolve) => setTimeout(resolve, 5));
  clearInterval(watcher);
  await queue.obliterate({ force: true });
  await queue.close();
  await worker.close();
  await db.close();
  await store.close();
  lags.sort((a, b) => a - b);
  return `live lag at 500 appends/s for ${seconds} s (SQLite, append → checkpoint): p50 ${pct(lags, 50).toFixed(1)} ms, p99 ${pct(lags, 99).toFixed(1)} ms`;
}

/**
 * Fills the read model with `tasks` tasks over 100 agencies: each led by one agency and coordinated
 * by another (so an agency's inbox is about 2% of all tasks), one in 50 confidential, assigned over
 * ten years (which the inbox does not read; the day counters of /stats do); then the counters are
 * counted from these rows (recountTally), as the projection would have kept them.
 */
async function fillInbox(db: SqlDatabase, tasks: number): Promise<void> {
  const generation = (await readCheckpoint(db, 'tasks'))!.generation;
  const at = '2026-02-12T03:00:00.000Z';
  const assignedOn = (i: number) => addDays('2016-02-12', Math.floor((i * 3650) / tasks));
  for (let from = 0; from < tasks; from += 50_000) {
    await db.transaction(async (tx) => {
      const tasksRows: Record<(typeof TASK_COLUMNS)[number], SqlValue>[] = [];
      for (let i = from; i < Math.min(tasks, from + 50_000); i++) {
        const due = `2026-${String(1 + (i % 12)).padStart(2, '0')}-15`;
        const open = i % 3 !== 0;
        tasksRows.push({
          task_id: `t${i}`,
          position: i,
          notice_id: `n${i >> 6}`,
          notice_number: `${i >> 6}/TB-VPCP`,
          directive_index: i & 63,
          text: 'Nhiệm vụ',
          search_text: ' nhiem vu ',
          lead: AGENCIES[i % 100],
          coordinators: JSON.stringify([AGENCIES[(i + 7) % 100]]),
          delegated_by: null,
          parent_task_id: null,
          fanout: null,
          status: open ? 'in_progress' : 'completed',
          open_rank: open ? 0 : 1,
          key_flag: 0,
          confidential: i % 50 ? 0 : 1,
          due,
          due_phrase: null,
          due_kind: 'date',
          effective_due: due,
          due_key: due,
          original_due: due,
          original_phrase: null,
          original_effective_due: due,
          pending_due: null,
          pending_extension: 0,
          completed_on: open ? null : addDays(due, i % 2 ? -3 : 4),
          result: null,
          result_kind: null,
          percent: null,
          assigned_at: at,
          assigned_on: assignedOn(i),
          last_update_at: at,
          updated_at: at,
          state: '{}',
        });
      }
      // Named, then laid out in TASK_COLUMNS order: a column added to the table cannot shift the others.
      const rows = tasksRows.map((row) => TASK_COLUMNS.map((column) => row[column]));
      await insertRows(tx, `rm_tasks_g${generation}`, TASK_COLUMNS, rows);
      // ACCESS_COLUMNS: agency, task_id, is_lead, is_coordinator, is_delegator, confidential, sees, open_rank,
      // due_key, lead, notice_id, notice_number, assigned_on, cur, orig, changed_at (the standing as standingOf writes it), periodic.
      const access = tasksRows.flatMap((r) => {
        const standing = r.status === 'completed' ? ((r.completed_on as string) <= (r.due as string) ? 'T' : 'L') : `O${r.due as string}`;
        const copies = [r.open_rank, r.due_key, r.lead, r.notice_id, r.notice_number, r.assigned_on, standing, standing, r.updated_at, 0];
        const coordinator = AGENCIES[(Number(r.position) + 7) % 100];
        return [
          [r.lead, r.task_id, 1, 0, 0, r.confidential, 1, ...copies],
          [coordinator, r.task_id, 0, 1, 0, r.confidential, r.confidential ? 0 : 1, ...copies],
        ];
      });
      await insertRows(tx, `rm_task_access_g${generation}`, ACCESS_COLUMNS, access);
    });
  }
  await db.transaction((tx) => recountTally(tx, generation));
}

/** p50/p99 of one inbox request shape, over `runs` requests spread over the agencies. */
async function inboxTimes(label: string, runs: number, request: (agency: string) => Promise<unknown>): Promise<string> {
  const times: number[] = [];
  const cpu = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await request(AGENCIES[(i * 37) % 100]);
    times.push(performance.now() - started);
  }
  const cpuMs = (cpuSince(cpu) * 1000) / runs;
  times.sort((a, b) => a - b);
  return `  ${label}: p50 ${pct(times, 50).toFixed(2)} ms, p99 ${pct(times, 99).toFixed(2)} ms (CPU ${cpuMs.toFixed(2)} ms/request)`;
}

async function listLatency(dir: string, tasks: number): Promise<string> {
  // RM_BENCH_LIST_DIR keeps the filled read model there, and reuses it on the next run with as many tasks.
  const keep = process.env.RM_BENCH_LIST_DIR;
  const file = join(keep ?? dir, `list-rm-${tasks}.sqlite`);
  const filled = `${file}.filled`;
  if (!existsSync(filled)) for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  const db = new SqliteDatabase(file);
  await migrateReadModels(db, PROJECTIONS);
  // A fill that was cut short, or a projection version that moved the tables to a new generation, fills anew.
  const reuse = keep !== undefined && existsSync(filled) && (await db.all('SELECT 1 FROM rm_tasks LIMIT 1')).length > 0;
  if (!reuse) {
    await fillInbox(db, tasks);
    if (keep !== undefined) writeFileSync(filled, `${tasks}\n`);
  }
  const today = '2026-06-01';
  const own = (agency: string) => ({ id: 'u', role: 'agency' as const, agency });
  const vpcp = { id: 'v', role: 'vpcp' as const };
  const runs = Number(process.env.RM_BENCH_LIST_RUNS ?? 300);
  const lines = [`GET /tasks query for one agency (first page of 50) with ${tasks.toLocaleString('en')} tasks (SQLite):`];
  lines.push(await inboxTimes('own inbox (lead or coordinator)', runs, (a) => listTasks(db, own(a), {}, new Date(), today)));
  lines.push(
    await inboxTimes('own inbox, pages 1 and 2 (cursor)', runs, async (a) => {
      const first = await listTasks(db, own(a), {}, new Date(), today);
      return listTasks(db, own(a), { cursor: first.nextCursor! }, new Date(), today);
    }),
  );
  lines.push(await inboxTimes('role=lead', runs, (a) => listTasks(db, own(a), { role: 'lead' }, new Date(), today)));
  lines.push(await inboxTimes('role=coordinator', runs, (a) => listTasks(db, own(a), { role: 'coordinator' }, new Date(), today)));
  lines.push(await inboxTimes('VPCP, agency=X', runs, (a) => listTasks(db, vpcp, { agency: a }, new Date(), today)));
  lines.push(
    await inboxTimes('own inbox, state=open&key=false', runs, (a) =>
      listTasks(db, own(a), { state: 'open', key: false }, new Date(), today),
    ),
  );
  const statsRuns = Number(process.env.RM_BENCH_STATS_RUNS ?? 100);
  lines.push(
    ...(await statsLatency(
      db,
      `the same ${tasks.toLocaleString('en')} tasks`,
      statsRuns,
      today,
      undefined,
      tasks <= 1_000_000 && process.env.RM_BENCH_REFERENCE !== '0',
      AGENCIES,
    )),
  );
  await db.close();
  return lines.join('\n');
}

export async function run(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'tdnv-rm-bench-'));
  const lines: string[] = [];
  try {
    if (ONLY.includes('sqlite')) {
      generateEvents(join(dir, 'events.sqlite'), Number(process.env.RM_BENCH_EVENTS ?? 1_000_000));
      const store = new SqliteEventStore(join(dir, 'events.sqlite'));
      const sqlite = new SqliteDatabase(join(dir, 'rm.sqlite'));
      lines.push(await rebuildRate(sqlite, store, 'SQLite'));
      await sqlite.close();
      await store.close();
    }
    if (ONLY.includes('pg')) {
      generateEvents(join(dir, 'events-pg.sqlite'), Number(process.env.RM_BENCH_PG_EVENTS ?? 200_000));
      const pgStore = new SqliteEventStore(join(dir, 'events-pg.sqlite'));
      const pg = await PostgresDatabase.open(`${PG_URL}?schema=bench_${randomUUID().replace(/-/g, '').slice(0, 12)}`);
      try {
        lines.push(await rebuildRate(pg, pgStore, 'PostgreSQL (CPU: node only, not the server)'));
      } finally {
        await pg.dropSchema();
        await pg.close();
        await pgStore.close();
      }
    }
    if (ONLY.includes('lag')) lines.push(await liveLag(dir, Number(process.env.RM_BENCH_LAG_SECONDS ?? 10)));
    if (ONLY.includes('list')) lines.push(await listLatency(dir, Number(process.env.RM_BENCH_TASKS ?? 1_000_000)));
    if (ONLY.includes('stats'))
      lines.push(
        ...(await statsSection(dir, Number(process.env.RM_BENCH_STATS_TASKS ?? 1_000_000), Number(process.env.RM_BENCH_STATS_RUNS ?? 100))),
      );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { name: 'read models', lines };
}

runWhenMain(module, run);
