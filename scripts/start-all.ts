import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { ConfigError, loadConfig, requireJwtSecret, assertRedisReachable } from '@tdnv/config';

/**
 * `npm start`: validates the configuration and Redis once, then runs the API and the worker as two
 * processes (as they would run in production) and stops both when either stops or on a signal.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  requireJwtSecret(config); // the API would refuse to start without a token key: say so once, before forking
  await assertRedisReachable(config.redisUrl);
  const children: ChildProcess[] = [
    fork(join(__dirname, '../apps/api/src/main.js'), { stdio: 'inherit' }),
    fork(join(__dirname, '../apps/worker/src/main.js'), { stdio: 'inherit' }),
  ];
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

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : (error as Error).message);
  process.exit(1);
});
