import 'reflect-metadata';
import { ConfigError, loadConfig, requireJwtSecret, usesDevJwtSecret, assertRedisReachable } from '@tdnv/config';
import { createLogger, PinoNestLogger } from '@tdnv/logging';
import { createApiApp } from './api.app';
import { ReadinessChecks } from './health/readiness';

/** How long a stopping API waits for its in-flight requests before it exits anyway (SHUTDOWN_TIMEOUT_MS). */
const shutdownTimeoutMs = (): number => Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 10_000);

async function main(): Promise<void> {
  const root = createLogger({ app: 'api' });
  const logger = root.child({ context: 'api' });
  const config = loadConfig();
  await assertRedisReachable(config.redisUrl, { onWaiting: (message) => logger.warn(message) });
  requireJwtSecret(config); // no token key, no API: refuses to start (ALLOW_DEV_JWT_SECRET=true for local development)
  if (usesDevJwtSecret(config)) logger.warn('ALLOW_DEV_JWT_SECRET=true: using the built-in development JWT key (never in production)');
  const app = await createApiApp(config, new PinoNestLogger(root), root.child({ context: 'http' }));
  // Nest's shutdown hooks (createApiApp) close the app on SIGTERM/SIGINT: Fastify stops accepting,
  // finishes the requests in flight, then the stores close. Readiness says "draining" from the
  // signal on, and a stuck request cannot hold the process past the timeout.
  for (const signal of ['SIGTERM', 'SIGINT'] as const)
    process.once(signal, () => {
      logger.info({ signal }, 'stopping: draining requests');
      app.get(ReadinessChecks).startDraining();
      setTimeout(() => {
        logger.error({ timeoutMs: shutdownTimeoutMs() }, 'requests still running at the shutdown timeout; exiting');
        process.exit(1);
      }, shutdownTimeoutMs()).unref();
    });
  await app.listen(config.port, '0.0.0.0');
  logger.info(
    { port: config.port, eventStore: storeKind(config.eventstoreUrl), readModels: config.readModelUrl ? 'postgres' : 'sqlite' },
    `API listening on http://localhost:${config.port} (docs at /docs)`,
  );
}

function storeKind(url: string | undefined): string {
  if (!url) return 'sqlite';
  return url.startsWith('esdb') ? 'eventstoredb' : 'postgres';
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `API failed to start: ${(error as Error).message}`);
  process.exit(1);
});
