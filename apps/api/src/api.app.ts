import { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppConfig } from '../../../libs/config/src/app-config';
import { ApiModule } from './api.module';
import { DOCX_MEDIA_TYPE } from './notice-import/notice-text';
import { createValidationPipe } from './http/validation.pipe';
import { defaultWebDir, serveWeb } from './web/serve-web';

/** Builds the API application (used by main.ts, the end-to-end tests and the benchmarks). */
export async function createApiApp(config: AppConfig, logLevels: LogLevel[] | false = ['log', 'warn', 'error']): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: config.bodyLimitBytes });
  // A .docx upload arrives as raw bytes; Word files with images are larger than a JSON command.
  adapter.getInstance().addContentTypeParser(DOCX_MEDIA_TYPE, { parseAs: 'buffer', bodyLimit: 10 * config.bodyLimitBytes }, (_req, body, done) => done(null, body));
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.register(config), adapter, {
    logger: logLevels,
    bufferLogs: false,
  });
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
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
  SwaggerModule.setup('docs', app, document);
  await app.init();
  return app;
}
