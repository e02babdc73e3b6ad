import { LoggerService, LogLevel } from '@nestjs/common';
import type { Logger } from '@tdnv/logging';
import { ModuleRef, NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppConfig } from '@tdnv/config';
import { ApiModule } from './api.module';
import { AuthGuard } from './auth/auth.guard';
import { limitToAdmins } from './http/admin-only';
import { clientErrorHandler, frameworkErrors, limitUrlLength } from './http/edge-errors';
import { limitJsonDepth } from './http/json-depth';
import { withProblemResponses } from './http/openapi';
import { addSecurityHeaders } from './http/security-headers';
import { DOCX_MEDIA_TYPE } from './notice-import/notice-text';
import { createValidationPipe } from './http/validation.pipe';
import { defaultWebDir, serveWeb } from './web/serve-web';
import { acceptUploads } from './attachments/attachment-store.provider';
import { logRequests } from './logging/request-log';

/**
 * Builds the API application (used by main.ts, the end-to-end tests and the benchmarks). `logger`:
 * Nest's log levels, or a logger (main.ts: pino); `requestLog`: one JSON line per request.
 */
export async function createApiApp(
  config: AppConfig,
  logger: LogLevel[] | false | LoggerService = ['log', 'warn', 'error'],
  requestLog?: Logger,
): Promise<NestFastifyApplication> {
  // Errors raised before any route (a too-long path id, a bad %-escape, a request Node's parser
  // refuses) answer problem+json like the rest.
  const adapter = new FastifyAdapter({ bodyLimit: config.bodyLimitBytes, frameworkErrors, clientErrorHandler });
  const fastify = adapter.getInstance();
  // Root hooks, added before any route or plugin, so they cover every answer.
  addSecurityHeaders(fastify);
  limitUrlLength(fastify);
  limitJsonDepth(fastify);
  if (requestLog) logRequests(fastify, requestLog);
  // A .docx upload arrives as raw bytes; Word files with images are larger than a JSON command.
  // What it may inflate to is bounded separately (notice-import/docx-size-guard.ts).
  fastify.addContentTypeParser(DOCX_MEDIA_TYPE, { parseAs: 'buffer', bodyLimit: 10 * config.bodyLimitBytes }, (_req, body, done) =>
    done(null, body),
  );
  const root = ApiModule.register(config, { logRequests: requestLog !== undefined });
  const app = await NestFactory.create<NestFastifyApplication>(root, adapter, {
    logger,
    bufferLogs: false,
  });
  await acceptUploads(app, config);
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  // Built in the API's own module, where the guard's dependencies live (app.get(ModuleRef) may
  // answer with any feature module's).
  limitToAdmins(fastify, config, await app.select(root).get(ModuleRef, { strict: true }).create(AuthGuard));
  await serveWeb(app, defaultWebDir());
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Theo dõi nhiệm vụ API')
      .setDescription('Theo dõi việc thực hiện nhiệm vụ Chính phủ, Thủ tướng Chính phủ giao (Thông báo kết luận → nhiệm vụ → báo cáo)')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, withProblemResponses(document));
  await app.init();
  return app;
}
