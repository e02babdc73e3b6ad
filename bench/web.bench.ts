/**
 * The web pages (issue 6): first meaningful paint of an agency's inbox holding 1,000 tasks,
 * measured in Debian's Chromium through the Performance API (the inbox marks `tdnv:inbox-painted`
 * in the frame after its first list of tasks renders), and the gzipped size of the JavaScript the
 * first load fetches. Goals: < 1 s on localhost, < 300 KB.
 *
 *   npm run bench -- web        (or: npx ts-node / node dist/bench/web.bench.js)
 */
import Redis from 'ioredis';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { createApiApp } from '../apps/api/src/api.app';
import { startProjections } from '../apps/worker/src/projections/start-projections';
import { createDeadlinePolicy } from '@tdnv/calendar';
import { signToken } from '@tdnv/auth';
import { loadConfig, Clock } from '@tdnv/config';
import { createEventStore } from '@tdnv/event-store';
import { deletePrefixedKeys, redisConnection } from '@tdnv/queues';
import { readCheckpoints, openReadModelDatabase } from '@tdnv/read-models';
import { BenchResult } from './bench-result';

const SECRET = 'bench-secret-for-the-web-benchmark-00000';
const TASKS = 1000;
const RUNS = 7;
const AGENCY = 'BTC';

/** The repo root, from bench/ (ts) or dist/bench/ (compiled). */
function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
}

/** First-load JavaScript: the entry script and every module it preloads, gzipped (level 9, as a static server would). */
function firstLoadJs(webDir: string): { files: number; raw: number; gzip: number } {
  const html = readFileSync(join(webDir, 'index.html'), 'utf8');
  const paths = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  let raw = 0;
  let gzip = 0;
  for (const p of paths) {
    const bytes = readFileSync(join(webDir, p));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: paths.length, raw, gzip };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

export async function run(): Promise<BenchResult> {
  const root = repoRoot();
  const webDir = join(root, 'dist', 'web');
  // Always a fresh production build, so the figure is the code as it is now.
  execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'apps/web/vite.config.ts'], {
    cwd: root,
    stdio: 'ignore',
    env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
  });
  const size = firstLoadJs(webDir);

  const dataDir = mkdtempSync(join(tmpdir(), 'tdnv-bench-web-'));
  const prefix = `bench-web-${randomUUID()}`;
  const config = loadConfig({ DATA_DIR: dataDir, JWT_SECRET: SECRET, QUEUE_PREFIX: prefix });
  const app = await createApiApp(config, ['error']);
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  const store = createEventStore({ dataDir });
  const projections = await startProjections({
    config,
    store,
    connection: redisConnection(config.redisUrl),
    prefix,
    clock: new Clock(config.tzDeadlines),
    policy: createDeadlinePolicy(true),
  });
  const db = await openReadModelDatabase({ dataDir });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const paints: number[] = [];
  const fcps: number[] = [];
  try {
    // 1,000 tasks led by one agency, in five notices of 200 directives, with varied deadlines.
    const vpcp = signToken({ sub: 'bench-vpcp', role: 'vpcp' }, SECRET);
    for (let n = 0; n < TASKS / 200; n++) {
      const directives = Array.from({ length: 200 }, (_, i) => ({
        text: `Nhiệm vụ số ${n * 200 + i + 1}: hoàn thiện cơ sở dữ liệu chuyên ngành và kết nối với Nền tảng tích hợp, chia sẻ dữ liệu quốc gia`,
        lead: [AGENCY],
        deadline: { due: `2027-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`, kind: 'date' },
      }));
      const res = await fetch(`${base}/api/v1/notices`, {
        method: 'POST',
        headers: { authorization: `Bearer ${vpcp}`, 'content-type': 'application/json' },
        body: JSON.stringify({ number: `${n + 1}/TB-VPCP`, issuedAt: '2026-06-01', title: `Thông báo thử ${n + 1}`, directives }),
      });
      if (res.status !== 201) throw new Error(`register answered ${res.status}`);
    }
    // Wait until the inbox read model holds every task.
    for (const until = Date.now() + 60_000; ;) {
      const [{ n }] = await db.all<{ n: number }>('SELECT COUNT(*) AS n FROM rm_tasks WHERE lead = ?', [AGENCY]).catch(() => [{ n: 0 }]);
      if (Number(n) >= TASKS && (await readCheckpoints(db)).length > 0) break;
      if (Date.now() > until) throw new Error(`read model has ${n} of ${TASKS} tasks`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const token = signToken({ sub: 'bench-agency', role: 'agency', agency: AGENCY }, SECRET);
    for (let i = 0; i <= RUNS; i++) {
      // A cold load each time: a new context has an empty cache and its own sessionStorage.
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.addInitScript(`sessionStorage.setItem('tdnv.token', ${JSON.stringify(token)})`);
      const page = await context.newPage();
      await page.goto(`${base}/nhiem-vu`);
      await page.waitForFunction("performance.getEntriesByName('tdnv:inbox-painted').length > 0", undefined, { timeout: 30_000 });
      const [paint, fcp] = (await page.evaluate(
        "[performance.getEntriesByName('tdnv:inbox-painted')[0].startTime, (performance.getEntriesByName('first-contentful-paint')[0] || { startTime: NaN }).startTime]",
      )) as [number, number];
      if (i > 0) {
        paints.push(paint); // the first load warms the server's JIT and SQLite pages
        fcps.push(fcp);
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await projections.close();
    await db.close();
    await store.close();
    await app.close();
    const redis = new Redis(config.redisUrl);
    await deletePrefixedKeys(redis, prefix).finally(() => redis.disconnect());
    rmSync(dataDir, { recursive: true, force: true });
  }
  paints.sort((a, b) => a - b);
  fcps.sort((a, b) => a - b);
  const worst = paints[paints.length - 1];
  return {
    name: 'web pages (issue 6)',
    lines: [
      `first-load JavaScript: ${size.files} file(s), ${(size.raw / 1024).toFixed(1)} KB raw, ${(size.gzip / 1024).toFixed(1)} KB gzipped (goal < 300 KB: ${size.gzip < 300 * 1024 ? 'met' : 'NOT met'})`,
      `inbox of ${TASKS} tasks (first page of 50 on screen), ${RUNS} cold loads in Chromium after one warm-up:`,
      `  first meaningful paint: median ${percentile(paints, 50).toFixed(0)} ms, max ${worst.toFixed(0)} ms (goal < 1000 ms: ${worst < 1000 ? 'met' : 'NOT met'})`,
      `  first contentful paint: median ${percentile(fcps, 50).toFixed(0)} ms`,
    ],
  };
}

if (require.main === module)
  run().then(
    (r) => {
      console.log([r.name, ...r.lines].join('\n'));
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
