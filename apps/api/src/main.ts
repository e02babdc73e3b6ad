import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig, requireJwtSecret, usesDevJwtSecret, assertRedisReachable } from '@tdnv/config';
import { createApiApp } from './api.app';

async function main(): Promise<void> {
  const logger = new Logger('api');
  const config = loadConfig();
  await assertRedisReachable(config.redisUrl);
  requireJwtSecret(config); // no token key, no API: refuses to start (ALLOW_DEV_JWT_SECRET=true for local development)
  if (usesDevJwtSecret(config)) logger.warn('ALLOW_DEV_JWT_SECRET=true: using the built-in development JWT key (never in production)');
  const app = await createApiApp(config);
  await app.listen(config.port, '0.0.0.0');
  logger.log(`API listening on http://localhost:${config.port} (docs at /docs), event store: ${config.eventstoreUrl ? 'EventStoreDB' : `SQLite in ${config.dataDir}`}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `API failed to start: ${(error as Error).message}`);
  process.exit(1);
});
