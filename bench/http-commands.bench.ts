/**
 * HTTP command throughput of the real API (NestJS + Fastify + SQLite event store) under autocannon
 * with 50 connections: 10,000 tasks acknowledged once each, then ~10 s of progress reports, against
 * GET /ping of the same server as the baseline. Every phase counts non-2xx answers, and the event
 * log is read back afterwards to prove each 2xx wrote exactly one event.
 *
 * The server is measured in two placements, each on a fresh data directory:
 *  - child: the API alone in a child process, autocannon in this one, so on a 2-core machine each
 *    has a core, as a real client and server would (the headline figures);
 *  - in-process: the API and autocannon share one event loop, so the load generator's own work is
 *    counted against the server (kept to show the size of that skew).
 * Reading the figures: req/s depends on what else runs on the machine, so the API's own CPU per
 * request is printed too. GET /ping is limited by autocannon's core rather than by the API. The max
 * latency of a command phase is mostly its start: a saturated Node server accepts the 50 new
 * connections about one per event-loop turn (a bare node:http server does the same), so a few
 * first requests wait up to a second.
 * The API nudges the projections worker through Redis after every append (REDIS_URL, default
 * redis://127.0.0.1:6379), so Redis must run; the bench uses a BullMQ prefix of its own and deletes
 * its keys afterwards. The worker itself is not started: the figures are the API's.
 */
import autocannon from 'autocannon';
import Redis from 'ioredis';
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApiApp } from '../apps/api/src/api.app';
import { signToken } from '@tdnv/auth';
import { loadConfig } from '@tdnv/config';
import { createEventStore } from '@tdnv/event-store';
import { deletePrefixedKeys } from '@tdnv/queues';
import { BenchResult } from './bench-result';

const TASKS = 10_000;
const NOTICES = 10;
const CONNECTIONS = 50;
const SECONDS = 10;
const JWT_SECRET = 'bench-http-commands-secret-0123456789abcdef';
// Before every deadline of the seeded tasks, so no command is refused for lateness.
const CLOCK_START = '2026-03-01T02:00:00Z';
const SERVE_FLAG = '--serve';
const GOAL_RATIO = 0.3;
const GOAL_P99_MS = 20;

type Placement = 'child' | 'in-process';
// HTTP_BENCH_PLACEMENT=child (or in-process) runs one placement only, for quicker profiling rounds.
const PLACEMENTS = (['child', 'in-process'] as const).filter((p) => [undefined, p].includes(process.env.HTTP_BENCH_PLACEMENT as Placement));

interface Server {
  url: string;
  /** CPU time (µs) used so far by the process that runs the API; in-process it includes autocannon. */
  cpuMicros(): Promise<number>;
  stop(): Promise<void>;
}

interface Phase {
  name: string;
  seconds: number;
  /** 2xx answers. */
  ok: number;
  /** Milliseconds, one per answer. */
  latencies: number[];
  /** Non-2xx status (or connection error) → count. */
  failures: Map<string, number>;
  firstFailure?: string;
  /** CPU the API's process used during the phase: unlike req/s, not skewed by other processes. */
  cpuMicros: number;
}

interface LoadPlan {
  name: string;
  path?: string;
  token?: string;
  /** Fixed number of requests (every one answered, so the event count can be checked exactly). */
  amount?: number;
  /** The n-th POST (0-based, counted across all connections). */
  next?: (n: number) => { path: string; body: string };
}

export async function run(): Promise<BenchResult> {
  // The API's QUEUE_PREFIX (inherited by the forked API too): its nudges stay out of shared queues.
  process.env.QUEUE_PREFIX = `bench-http-${randomUUID()}`;
  const lines = [
    `HTTP commands: ${TASKS} tasks, ${CONNECTIONS} connections, ${cpus().length} cores, node ${process.version}, ` +
      `load average before the run ${loadavg()[0].toFixed(2)}`,
  ];
  for (const placement of PLACEMENTS) lines.push('', ...(await measure(placement)));
  return { name: 'http-commands', lines };
}

async function measure(placement: Placement): Promise<string[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tdnv-bench-http-'));
  try {
    const server = placement === 'child' ? await startChild(dataDir) : await startInProcess(dataDir);
    let phases: Phase[];
    let seedSeconds: number;
    try {
      const started = performance.now();
      const ids = await seed(server.url);
      seedSeconds = (performance.now() - started) / 1000;
      phases = await loadPhases(server, ids);
    } finally {
      await server.stop();
      await deleteQueueKeys(process.env.QUEUE_PREFIX!);
    }
    const title = placement === 'child' ? 'API in a child process, autocannon in the parent' : 'API and autocannon in the same process';
    return [
      `${title} (seeding ${NOTICES} notices × ${TASKS / NOTICES} directives: ${seedSeconds.toFixed(1)} s)`,
      ...table(phases, placement),
      ...verification(await countEvents(dataDir), phases),
    ];
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function startApi(dataDir: string): Promise<{ app: NestFastifyApplication; url: string }> {
  const app = await createApiApp(
    loadConfig({ DATA_DIR: dataDir, JWT_SECRET, CLOCK_START, REDIS_URL: process.env.REDIS_URL, QUEUE_PREFIX: process.env.QUEUE_PREFIX }),
    ['error'],
  );
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  return { app, url: `http://127.0.0.1:${port}` };
}

async function startInProcess(dataDir: string): Promise<Server> {
  const { app, url } = await startApi(dataDir);
  return { url, cpuMicros: async () => cpuMicros(), stop: () => app.close() };
}

function cpuMicros(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

/** Forks this file with --serve; the child sends its URL, answers 'cpu' and closes the API on 'stop'. */
function startChild(dataDir: string): Promise<Server> {
  const child = fork(__filename, [SERVE_FLAG, dataDir]);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const died = exited.then(() => Promise.reject(new Error('the API child process died')));
  died.catch(() => undefined); // a normal stop also ends in 'exit': only a pending ask() cares
  const ask = <T>(question: string) =>
    Promise.race([
      new Promise<T>((resolve) => {
        child.once('message', (answer) => resolve(answer as T));
        child.send(question);
      }),
      died,
    ]);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the API child process exited before listening (code ${code})`)));
    child.once('message', (message) => {
      const stop = async () => {
        child.send('stop');
        await exited;
      };
      resolve({ url: (message as { url: string }).url, cpuMicros: async () => (await ask<{ cpu: number }>('cpu')).cpu, stop });
    });
  });
}

async function serve(dataDir: string): Promise<void> {
  const { app, url } = await startApi(dataDir);
  // Closing the app closes the event store, so the parent reads a checkpointed file.
  const stop = () => void app.close().then(() => process.exit(0));
  process.on('message', (message) => (message === 'cpu' ? process.send!({ cpu: cpuMicros() }) : stop()));
  process.once('disconnect', stop);
  process.send!({ url });
}

/** Removes what the API's nudges left in Redis under the bench's own prefix (no worker consumed them). */
async function deleteQueueKeys(prefix: string): Promise<void> {
  const redis = new Redis(loadConfig({ REDIS_URL: process.env.REDIS_URL }).redisUrl);
  try {
    await deletePrefixedKeys(redis, prefix);
  } finally {
    redis.disconnect();
  }
}

/** Registers the notices as VPCP; the answers list the task ids, one per directive. */
async function seed(url: string): Promise<string[]> {
  const token = signToken({ sub: 'chuyenvien.vpcp', role: 'vpcp' }, JWT_SECRET);
  const ids: string[] = [];
  for (let n = 1; n <= NOTICES; n++) {
    const res = await fetch(`${url}/api/v1/notices`, { method: 'POST', headers: jsonHeaders(token), body: JSON.stringify(notice(n)) });
    if (res.status !== 201) throw new Error(`registering notice ${n}: HTTP ${res.status} ${await res.text()}`);
    ids.push(...((await res.json()) as { taskIds: string[] }).taskIds);
  }
  if (ids.length !== TASKS) throw new Error(`seeding made ${ids.length} tasks, expected ${TASKS}`);
  return ids;
}

function notice(n: number) {
  const directives = Array.from({ length: TASKS / NOTICES }, (_, i) => ({
    text: `Nhiệm vụ ${i + 1} của Thông báo số ${n}/TB-VPCP (đo hiệu năng)`,
    lead: ['BTC'],
    deadline: { due: '2026-06-30', kind: 'date' },
  }));
  return {
    number: `${n}/TB-VPCP`,
    issuedAt: '2026-02-12',
    title: `Thông báo kết luận số ${n} (đo hiệu năng)`,
    leader: 'Thủ tướng Chính phủ',
    directives,
  };
}

async function loadPhases(server: Server, ids: string[]): Promise<Phase[]> {
  const token = signToken({ sub: 'dau-moi.btc', role: 'agency', agency: 'BTC' }, JWT_SECRET);
  const ping = await load(server, { name: 'ping', path: '/ping' });
  const acknowledge = await load(server, {
    name: 'acknowledge',
    token,
    amount: TASKS,
    next: (n) => ({ path: `/api/v1/tasks/${ids[n % TASKS]}/acknowledge`, body: '{}' }),
  });
  // A fixed amount sized to last ~10 s: a duration-bound run would cut requests the server still
  // executes, and the ProgressReported count could no longer be checked against the 2xx count.
  const progress = await load(server, {
    name: 'progress',
    token,
    amount: Math.max(CONNECTIONS, Math.round(rate(acknowledge) * SECONDS)),
    next: (n) => {
      const round = Math.floor(n / TASKS) + 1;
      const body = { note: `Tiến độ lần ${round}: đã triển khai, đang tổng hợp kết quả`, percent: Math.min(100, 10 * round) };
      return { path: `/api/v1/tasks/${ids[n % TASKS]}/progress`, body: JSON.stringify(body) };
    },
  });
  return [ping, acknowledge, progress, combine('ack+progress', acknowledge, progress)];
}

async function load(server: Server, plan: LoadPlan): Promise<Phase> {
  const phase: Phase = { name: plan.name, seconds: 0, ok: 0, latencies: [], failures: new Map(), cpuMicros: 0 };
  const cpuBefore = await server.cpuMicros();
  const started = performance.now();
  await cannon(server.url, plan, phase);
  phase.seconds = (performance.now() - started) / 1000;
  phase.cpuMicros = (await server.cpuMicros()) - cpuBefore;
  return phase;
}

/** One autocannon run; latencies and status codes come from every response, not only the 2xx. */
function cannon(url: string, plan: LoadPlan, phase: Phase): Promise<void> {
  let n = 0;
  const request: autocannon.Request = plan.next
    ? { method: 'POST', setupRequest: (req) => ({ ...req, ...plan.next!(n++) }), onResponse: (status, body) => sample(phase, status, body) }
    : { method: 'GET', path: plan.path };
  return new Promise((resolve, reject) => {
    const options = { url, connections: CONNECTIONS, headers: plan.token ? jsonHeaders(plan.token) : {}, requests: [request] };
    const instance = autocannon({ ...options, ...(plan.amount ? { amount: plan.amount } : { duration: SECONDS }) }, (error, result) => {
      if (error) return reject(error);
      if (result.errors) phase.failures.set('connection errors/timeouts', result.errors);
      resolve();
    });
    instance.on('response', (_client, status, _bytes, ms) => {
      phase.latencies.push(ms);
      if (status >= 200 && status < 300) phase.ok++;
      else phase.failures.set(`HTTP ${status}`, (phase.failures.get(`HTTP ${status}`) ?? 0) + 1);
    });
  });
}

/** Keeps the first refusal's body, so a non-2xx count comes with its reason. */
function sample(phase: Phase, status: number, body: string): void {
  if ((status < 200 || status >= 300) && !phase.firstFailure) phase.firstFailure = `HTTP ${status} ${body.slice(0, 300)}`;
}

async function countEvents(dataDir: string): Promise<Map<string, number>> {
  const store = createEventStore({ dataDir });
  const counts = new Map<string, number>();
  try {
    for (let from = 0n; ;) {
      const batch = await store.readAll(from, 5000);
      if (batch.length === 0) return counts;
      for (const event of batch) counts.set(event.type, (counts.get(event.type) ?? 0) + 1);
      from = batch[batch.length - 1].position;
    }
  } finally {
    await store.close();
  }
}

function verification(counts: Map<string, number>, phases: Phase[]): string[] {
  const acknowledged = counts.get('TaskAcknowledged') ?? 0;
  const reported = counts.get('ProgressReported') ?? 0;
  const progressOk = phases.find((p) => p.name === 'progress')!.ok;
  const mark = (good: boolean) => (good ? 'ok' : 'MISMATCH');
  return [
    `event log: TaskAcknowledged ${acknowledged} (expected ${TASKS}) ${mark(acknowledged === TASKS)}; ` +
      `ProgressReported ${reported} (progress 2xx ${progressOk}) ${mark(reported === progressOk)}`,
  ];
}

function rate(phase: Phase): number {
  return phase.latencies.length / phase.seconds;
}

function combine(name: string, ...phases: Phase[]): Phase {
  const failures = new Map<string, number>();
  for (const [kind, count] of phases.flatMap((p) => [...p.failures])) failures.set(kind, (failures.get(kind) ?? 0) + count);
  return {
    name,
    seconds: phases.reduce((sum, p) => sum + p.seconds, 0),
    ok: phases.reduce((sum, p) => sum + p.ok, 0),
    latencies: phases.flatMap((p) => p.latencies),
    failures,
    firstFailure: phases.find((p) => p.firstFailure)?.firstFailure,
    cpuMicros: phases.reduce((sum, p) => sum + p.cpuMicros, 0),
  };
}

/** Nearest-rank percentile of an ascending array. */
function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? NaN;
}

function table(phases: Phase[], placement: Placement): string[] {
  const pad = (cells: (string | number)[]) => cells.map((c, i) => (i === 0 ? String(c).padEnd(13) : String(c).padStart(9))).join(' ');
  const lines = [pad(['phase', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'non-2xx', 'CPU µs/req']) + '  goal'];
  for (const phase of phases) {
    const sorted = Float64Array.from(phase.latencies).sort();
    const p99 = percentile(sorted, 0.99);
    const failed = [...phase.failures.values()].reduce((sum, c) => sum + c, 0);
    const goal = phase.name === 'ping' ? '' : `  p99 < ${GOAL_P99_MS} ms: ${p99 < GOAL_P99_MS ? 'met' : 'MISSED'}`;
    const ms = (p: number) => percentile(sorted, p).toFixed(2);
    lines.push(
      pad([phase.name, sorted.length, rate(phase).toFixed(0), ms(0.5), ms(0.99), ms(1), failed, cpuPerRequest(phase).toFixed(0)]) + goal,
    );
  }
  const [ping, commands] = [phases[0], phases[phases.length - 1]];
  const ratio = rate(commands) / rate(ping);
  lines.push(`commands/s ÷ ping/s = ${ratio.toFixed(3)}  (goal ≥ ${GOAL_RATIO}: ${ratio >= GOAL_RATIO ? 'met' : 'MISSED'})`);
  if (placement === 'child') {
    // What the ratio would be if the API had the same CPU in both phases (other processes share this machine).
    const cpuRatio = cpuPerRequest(ping) / cpuPerRequest(commands);
    lines.push(
      `by API CPU per request: ping ${cpuPerRequest(ping).toFixed(0)} µs, command ${cpuPerRequest(commands).toFixed(0)} µs → ratio ${cpuRatio.toFixed(3)}; ` +
        `one core would serve ≈ ${(1e6 / cpuPerRequest(commands)).toFixed(0)} commands/s`,
    );
  } else lines.push('(CPU µs/req here is the whole process: the API and autocannon)');
  for (const phase of phases.slice(0, -1))
    for (const [kind, count] of phase.failures)
      lines.push(`  ${phase.name}: ${count} × ${kind}${phase.firstFailure ? `, first: ${phase.firstFailure}` : ''}`);
  return lines;
}

function cpuPerRequest(phase: Phase): number {
  return phase.cpuMicros / phase.latencies.length;
}

function jsonHeaders(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
}

if (require.main === module) {
  const at = process.argv.indexOf(SERVE_FLAG);
  const main = at >= 0 ? serve(process.argv[at + 1]) : run().then((r) => console.log(r.lines.join('\n')));
  main.catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
