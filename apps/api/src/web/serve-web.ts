import fastifyStatic from '@fastify/static';
import { Logger } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Clock, CLOCK } from '@tdnv/config';

/** Paths that belong to the API itself: never answered with the pages' index.html. */
const SERVER_PREFIXES = ['/api', '/docs', '/health', '/metrics', '/ping'];

/**
 * The built pages: dist/web next to the compiled server (dist/apps/api/src/web → dist/web), or the
 * repo's dist/web when the server runs from its TypeScript sources (jest, benchmarks under ts).
 */
export function defaultWebDir(): string {
  const candidates = [resolve(__dirname, '../../../../web'), resolve(__dirname, '../../../../dist/web')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? candidates[0];
}

const isServerPath = (url: string): boolean =>
  SERVER_PREFIXES.some((p) => url === p || url.startsWith(`${p}/`) || url.startsWith(`${p}?`) || url.startsWith(`${p}-`));

/**
 * Serves the web pages at `/` (same origin as the API, so no CORS and the bearer token never
 * leaves the site). Any other GET that is not an API path answers index.html, so a page such as
 * /nhiem-vu/2026-45-tb-vpcp.1.btc can be reloaded or bookmarked. Hashed assets are cached for a
 * year; index.html is revalidated so a new build is picked up at once.
 */
export async function serveWeb(app: NestFastifyApplication, webDir: string): Promise<void> {
  const logger = new Logger('Web');
  if (!existsSync(join(webDir, 'index.html'))) {
    logger.warn(`No web pages at ${webDir} (run \`npm run build:web\`); serving the API only.`);
    return;
  }
  await app.register(fastifyStatic, {
    root: webDir,
    prefix: '/',
    // Routes only for the files present at start: every other path reaches the fallback below.
    wildcard: false,
    setHeaders: (reply, path) => {
      reply.header('cache-control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const fastify = app.getHttpAdapter().getInstance();
  // The pages judge "due within 3 working days" and "overdue" by the system clock, which a demo
  // may start elsewhere (CLOCK_START); the browser's own clock would disagree with the server.
  const clock = app.get<typeof CLOCK, Clock>(CLOCK);
  fastify.get('/web-clock', (_request, reply) =>
    reply.header('cache-control', 'no-store').send({ now: clock.now().toISOString(), timeZone: clock.timeZone }),
  );
  fastify.get('/*', (request, reply) => {
    const url = request.url;
    // Unknown API paths and missing assets keep the API's own 404 (problem+json).
    if (isServerPath(url) || url.startsWith('/assets/')) return reply.callNotFound();
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').sendFile('index.html');
  });
}
