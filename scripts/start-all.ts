import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { AppConfig, ConfigError, loadConfig, requireJwtSecret, assertRedisReachable } from '@tdnv/config';

/**
 * `npm start`: validates the configuration and Redis once, then runs the API and the worker as
 * separate processes (as they would run in production) and stops them all when one stops or on a
 * signal. API_INSTANCES and WORKER_INSTANCES (default 1) run several of each on this host, the APIs
 * on PORT, PORT+1, …; more than one needs the PostgreSQL event store and read models, whose
 * processes share nothing but the databases and Redis. On several hosts run `npm run start:api` and
 * `npm run start:worker` on each instead (docs/OPERATIONS.md).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  requireJwtSecret(config); // the API would refuse to start without a token key: say so once, before forking
  const apis = instances('API_INSTANCES');
  const workers = instances('WORKER_INSTANCES');
  if (Math.max(apis, workers) > 1) requirePostgres(config);
  await assertRedisReachable(config.redisUrl);
  const children: ChildProcess[] = [];
  for (let i = 0; i < apis; i++)
    children.push(
      fork(join(__dirname, '../apps/api/src/main.js'), { stdio: 'inherit', env: { ...process.env, PORT: String(config.port + i) } }),
    );
  for (let i = 0; i < workers; i++)
    // Each worker keeps its own follower state (worker.sqlite), as on its own host.
    children.push(
      fork(join(__dirname, '../apps/worker/src/main.js'), {
        stdio: 'inherit',
        env: { ...process.env, ...(workers > 1 ? { DATA_DIR: join(config.dataDir, `worker-${i + 1}`) } : {}) },
      }),
    );
  let stopping = false;
  const stop = (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    process.exitCode = code;
  };
  for (const child of children) child.on('exit', (code) => stop(code ?? 1));
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));
}

function instances(name: string): number {
  const raw = process.env[name] ?? '1';
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 16)
    throw new ConfigError([`${name} must be an integer from 1 to 16 (got "${raw}")`]);
  return value;
}

function requirePostgres(config: AppConfig): void {
  const postgres = (url?: string) => Boolean(url && /^postgres(ql)?:\/\//.test(url));
  if (!postgres(config.eventstoreUrl) || !postgres(config.readModelUrl))
    throw new ConfigError([
      'API_INSTANCES or WORKER_INSTANCES above 1 need EVENTSTORE_URL=postgres://… and READ_MODEL_URL=postgres://… (the SQLite files belong to one process)',
    ]);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : (error as Error).message);
  process.exit(1);
});
