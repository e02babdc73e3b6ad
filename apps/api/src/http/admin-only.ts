import { CanActivate } from '@nestjs/common';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '@tdnv/config';
import { Actor } from '@tdnv/domain';
import { problem } from './problem';
import { sendProblem, toProblem } from './problem-details.filter';

/** Stands for the limited paths in the guard's context: no @Public() on it, so a token is required. */
class AdminOnlyPath {
  handle(): void {}
}

/** The path prefixes each setting limits: /docs covers Swagger UI, its assets and /docs-json, /docs-yaml. */
export function adminOnlyPrefixes(config: Pick<AppConfig, 'metricsAccess' | 'docsAccess'>): string[] {
  return [...(config.metricsAccess === 'admin' ? ['/metrics'] : []), ...(config.docsAccess === 'admin' ? ['/docs'] : [])];
}

const pathOf = (url: string): string => url.split('?', 1)[0];
const under = (path: string, prefix: string): boolean => path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}-`);

/**
 * METRICS_ACCESS=admin / DOCS_ACCESS=admin: these paths answer only a bearer token of role admin.
 * Swagger UI's routes are Fastify's, not Nest's, so the global guard never sees them; an onRequest
 * hook asks the API's own AuthGuard (`authGuard`, built by Nest with its dependencies), so
 * signature, expiry, disabled users and sign-out are judged exactly as on the API.
 */
export function limitToAdmins(fastify: FastifyInstance, config: AppConfig, authGuard: CanActivate): void {
  const prefixes = adminOnlyPrefixes(config);
  if (prefixes.length === 0) return;
  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const path = pathOf(request.url);
    if (!prefixes.some((prefix) => under(path, prefix))) return;
    try {
      await authGuard.canActivate(new ExecutionContextHost([request, reply], AdminOnlyPath, AdminOnlyPath.prototype.handle));
    } catch (error) {
      sendProblem(reply, toProblem(error));
      return reply;
    }
    if ((request as FastifyRequest & { actor?: Actor }).actor?.role !== 'admin') {
      sendProblem(reply, problem('forbidden', 'Chỉ quản trị viên (vai trò admin) được xem trang này'));
      return reply;
    }
  });
}
