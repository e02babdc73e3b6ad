/**
 * Several API processes on one PostgreSQL event store (issue 15), on this 2-core machine:
 *  1. commands/s with 1 and with 2 API processes: the same closed-loop load (autocannon, 50
 *     connections, progress reports on 1,000 acknowledged tasks), once against one API, once split
 *     over two. The ratio is reported as it is: on 2 cores the API processes, PostgreSQL and the
 *     load generator share the same CPUs, so a second process mostly adds contention.
 *  2. projection lag under 500 commands/s spread over two APIs (open loop: autocannon's overall
 *     rate, 250/s per API) with 2 worker processes: for every event of the run, the time from its
 *     commit (recorded_at) to the moment the `tasks` projection's checkpoint passed it, sampled by
 *     polling the checkpoint every few milliseconds. Goal: p99 < 100 ms.
 * Processes are the compiled entry points (dist/apps/…/main.js), each with its own PostgreSQL
 * schemas and a BullMQ prefix of its own on the machine's Redis; everything is removed afterwards.
 */
import autocannon from 'autocannon';
import Redis from 'ioredis';
import { ChildProcess, fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { Client } from 'pg';
import { signToken } from '@tdnv/auth';
import { deletePrefixedKeys } from '@tdnv/queues';
import { BenchResult } from './bench-result';

const PG_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const JWT_SECRET = 'bench-multi-instance-secret-0123456789abcdef';
const TASKS = 1000;
const CONNECTIONS = 50;
const SECONDS = 10;
const LAG_RATE = 500;
const LAG_GOAL_MS = 100;
/** The checkpoint's sampling period: the lag figures are that much coarser at most. */
const SAMPLE_EVERY_MS = 2;
const CLOCK_START = '2026-03-01T02:00:00Z';
const ROOT = join(__dirname, '..');

/** The compiled entry point (npm run bench), or the source with the fault suite's loader when run from the sources. */
function entry(app: 'api' | 'worker'): { path: string; execArgv: string[] } {
  const compiled = join(ROOT, 'apps', app, 'src', 'main.js');
  if (existsSync(compiled) && !process.env.BENCH_FROM_SOURCES) return { path: compiled, execArgv: [] };
  return { path: join(ROOT, 'apps', app, 'src', 'main.ts'), execArgv: ['-r', join(ROOT, 'test', 'support', 'swc-register.cjs')] };
}

interface Stack {
  schema: string;
  prefix: string;
  dir: string;
  apis: string[];
  children: ChildProcess[];
}

export async function run(): Promise<BenchResult> {
  const lines = [
    `Several instances on PostgreSQL: ${cpus().length} cores, node ${process.version}, load average before ${loadavg()[0].toFixed(2)}`,
  ];
  const one = await throughput(1);
  const two = await throughput(2);
  lines.push(
    '',
    'commands/s (closed loop, 50 connections, ProgressReported on 1,000 tasks, no worker running):',
    `  1 API process : ${one.rate.toFixed(0)} commands/s, p50 ${one.p50.toFixed(1)} ms, p99 ${one.p99.toFixed(1)} ms, non-2xx ${one.failed}`,
    `  2 API processes: ${two.rate.toFixed(0)} commands/s, p50 ${two.p50.toFixed(1)} ms, p99 ${two.p99.toFixed(1)} ms, non-2xx ${two.failed}`,
    `  ratio 2 ÷ 1 = ${(two.rate / one.rate).toFixed(2)} (2 cores shared by the APIs, PostgreSQL and autocannon: no second core to scale onto)`,
  );
  const lag = await projectionLag();
  lines.push(
    '',
    `projection lag, ${LAG_RATE} commands/s over 2 APIs for ${SECONDS} s, 2 workers (${lag.events} events, ${lag.rate.toFixed(0)} commands/s achieved, non-2xx ${lag.failed}):`,
    `  tasks projection: p50 ${lag.p50.toFixed(0)} ms, p95 ${lag.p95.toFixed(0)} ms, p99 ${lag.p99.toFixed(0)} ms, max ${lag.max.toFixed(0)} ms ` +
      `(goal p99 < ${LAG_GOAL_MS} ms: ${lag.p99 < LAG_GOAL_MS ? 'met' : 'MISSED'})`,
  );
  return { name: 'multi-instance', lines };
}

async function throughput(apis: number): Promise<{ rate: number; p50: number; p99: number; failed: number }> {
  const stack = await startStack(apis, 0);
  try {
    const ids = await seed(stack);
    const result = await loadSplit(stack, ids, { connections: CONNECTIONS, duration: SECONDS });
    return {
      rate: result.ok / result.seconds,
      p50: percentile(result.latencies, 0.5),
      p99: percentile(result.latencies, 0.99),
      failed: result.failed,
    };
  } finally {
    await stopStack(stack);
  }
}

async function projectionLag(): Promise<{
  events: number;
  rate: number;
  failed: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}> {
  const stack = await startStack(2, 2);
  try {
    const ids = await seed(stack);
    const db = new Client({ connectionString: PG_URL });
    await db.connect();
    try {
      const rm = `${stack.schema}_rm`;
      await waitFor(
        async () => (await headOf(db, stack.schema)) <= (await checkpointOf(db, rm)),
        'the projections to catch up with the seed',
      );
      const from = await headOf(db, stack.schema);
      const samples: { at: number; position: bigint }[] = [];
      let sampling = true;
      // Every SAMPLE_EVERY_MS: a busy loop would keep a core and a PostgreSQL backend for itself, on
      // a 2-core machine that the APIs, the workers and PostgreSQL need (it measured its own load).
      const sampler = (async () => {
        while (sampling) {
          samples.push({ at: Date.now(), position: await checkpointOf(db, rm) });
          await delay(SAMPLE_EVERY_MS);
        }
      })();
      const result = await loadSplit(stack, ids, { connections: 20, duration: SECONDS, overallRate: LAG_RATE / 2 });
      const to = await headOf(db, stack.schema);
      await waitFor(async () => (samples.at(-1)?.position ?? 0n) >= to, 'the projections to catch up with the run');
      sampling = false;
      await sampler;
      const events = (
        await db.query<{ position: string; at: Date }>(
          `SELECT position, recorded_at AS at FROM ${stack.schema}.events WHERE position > $1 AND position <= $2`,
          [from.toString(), to.toString()],
        )
      ).rows;
      const lags: number[] = [];
      let k = 0;
      for (const event of events.sort((a, b) => Number(BigInt(a.position) - BigInt(b.position)))) {
        while (k < samples.length && samples[k].position < BigInt(event.position)) k++;
        if (k < samples.length) lags.push(Math.max(0, samples[k].at - event.at.getTime()));
      }
      return {
        events: events.length,
        rate: result.ok / result.seconds,
        failed: result.failed,
        p50: percentile(lags, 0.5),
        p95: percentile(lags, 0.95),
        p99: percentile(lags, 0.99),
        max: percentile(lags, 1),
      };
    } finally {
      await db.end();
    }
  } finally {
    await stopStack(stack);
  }
}

/** API and worker processes (compiled entry points) on fresh schemas; waits until each is up. */
async function startStack(apis: number, workers: number): Promise<Stack> {
  const schema = `bench_mi_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const stack: Stack = {
    schema,
    prefix: `bench-mi-${randomUUID()}`,
    dir: mkdtempSync(join(tmpdir(), 'tdnv-bench-mi-')),
    apis: [],
    children: [],
  };
  const env = (extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv => ({
    ...process.env,
    EVENTSTORE_URL: `${PG_URL}?schema=${schema}`,
    READ_MODEL_URL: `${PG_URL}?schema=${schema}_rm`,
    REDIS_URL,
    QUEUE_PREFIX: stack.prefix,
    JWT_SECRET,
    CLOCK_START,
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'json',
    ...extra,
  });
  // The first API migrates the schemas; the others start once it is up.
  for (let i = 0; i < apis; i++) {
    const port = 39_000 + Math.floor(Math.random() * 20_000);
    stack.children.push(
      fork(entry('api').path, [], {
        execArgv: entry('api').execArgv,
        env: env({ PORT: String(port), DATA_DIR: join(stack.dir, `api-${i}`) }),
        stdio: 'ignore',
      }),
    );
    const url = `http://127.0.0.1:${port}`;
    await waitFor(async () => (await fetch(`${url}/health/live`).catch(() => undefined))?.ok === true, `API ${i + 1}`);
    stack.apis.push(url);
  }
  for (let i = 0; i < workers; i++)
    stack.children.push(
      fork(entry('worker').path, [], {
        execArgv: entry('worker').execArgv,
        env: env({ DATA_DIR: join(stack.dir, `worker-${i}`) }),
        stdio: 'ignore',
      }),
    );
  if (workers)
    await waitFor(
      async () =>
        ((await (await fetch(`${stack.apis[0]}/health/ready`)).json()) as { checks: { workers: { count?: number } } }).checks.workers
          .count === workers,
      'the workers',
    );
  return stack;
}

async function stopStack(stack: Stack): Promise<void> {
  await Promise.all(
    stack.children.map(
      (child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : (child.once('exit', resolve), child.kill('SIGTERM')))),
    ),
  );
  const redis = new Redis(REDIS_URL);
  await deletePrefixedKeys(redis, stack.prefix);
  redis.disconnect();
  const db = new Client({ connectionString: PG_URL });
  await db.connect();
  await db.query(`DROP SCHEMA IF EXISTS ${stack.schema} CASCADE; DROP SCHEMA IF EXISTS ${stack.schema}_rm CASCADE`);
  await db.end();
  rmSync(stack.dir, { recursive: true, force: true });
}

/** One notice of TASKS directives for BTC, every task acknowledged: the progress reports then all succeed. */
async function seed(stack: Stack): Promise<string[]> {
  const vpcp = signToken({ sub: 'vpcp', role: 'vpcp' }, JWT_SECRET);
  const directives = Array.from({ length: TASKS }, (_, i) => ({
    text: `Nhiệm vụ ${i + 1} (đo nhiều tiến trình)`,
    lead: ['BTC'],
    deadline: { due: '2026-06-30', kind: 'date' },
  }));
  const res = await fetch(`${stack.apis[0]}/api/v1/notices`, {
    method: 'POST',
    headers: { authorization: `Bearer ${vpcp}`, 'content-type': 'application/json' },
    body: JSON.stringify({ number: '1/TB-VPCP', issuedAt: '2026-02-12', title: 'Đo hiệu năng', directives }),
  });
  if (res.status !== 201) throw new Error(`seeding: HTTP ${res.status} ${await res.text()}`);
  const ids = ((await res.json()) as { taskIds: string[] }).taskIds;
  const btc = signToken({ sub: 'btc', role: 'agency', agency: 'BTC' }, JWT_SECRET);
  for (let i = 0; i < ids.length; i += 50)
    await Promise.all(
      ids.slice(i, i + 50).map((id, k) =>
        fetch(`${stack.apis[(i + k) % stack.apis.length]}/api/v1/tasks/${id}/acknowledge`, {
          method: 'POST',
          headers: { authorization: `Bearer ${btc}` },
        }),
      ),
    );
  return ids;
}

interface LoadResult {
  ok: number;
  failed: number;
  seconds: number;
  latencies: number[];
}

/** Progress reports on random tasks, one autocannon per API with an equal share of the connections (and of the rate). */
async function loadSplit(
  stack: Stack,
  ids: string[],
  options: { connections: number; duration: number; overallRate?: number },
): Promise<LoadResult> {
  const token = signToken({ sub: 'btc', role: 'agency', agency: 'BTC' }, JWT_SECRET);
  const result: LoadResult = { ok: 0, failed: 0, seconds: 0, latencies: [] };
  const started = performance.now();
  await Promise.all(
    stack.apis.map(
      (url) =>
        new Promise<void>((resolve, reject) => {
          let n = 0;
          const instance = autocannon(
            {
              url,
              connections: Math.max(1, Math.round(options.connections / stack.apis.length)),
              duration: options.duration,
              ...(options.overallRate ? { overallRate: options.overallRate } : {}),
              headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
              requests: [
                {
                  method: 'POST',
                  setupRequest: (req) => ({
                    ...req,
                    path: `/api/v1/tasks/${ids[Math.floor(Math.random() * ids.length)]}/progress`,
                    body: JSON.stringify({ note: `Tiến độ ${n++}` }),
                  }),
                },
              ],
            },
            (error) => (error ? reject(error) : resolve()),
          );
          instance.on('response', (_client, status, _bytes, ms) => {
            result.latencies.push(ms);
            if (status >= 200 && status < 300) result.ok++;
            else result.failed++;
          });
        }),
    ),
  );
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

const headOf = async (db: Client, schema: string): Promise<bigint> =>
  BigInt((await db.query(`SELECT coalesce(max(position), 0) AS p FROM ${schema}.events`)).rows[0].p);
const checkpointOf = async (db: Client, rm: string): Promise<bigint> =>
  BigInt((await db.query(`SELECT coalesce(min(position), 0) AS p FROM ${rm}.rm_checkpoints WHERE name = 'tasks'`)).rows[0].p);

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function percentile(values: number[], p: number): number {
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? NaN;
}
