import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from '@tdnv/logging';

/** What one request's log line says beyond the HTTP facts, filled in while the request runs. */
export interface RequestLogFields {
  requestId: string;
  command?: string;
  taskId?: string;
  problem?: string;
}

type LoggedRequest = FastifyRequest & { logFields?: RequestLogFields; actor?: { id: string; role: string; agency?: string } };

/** The request a command runs for (command-log.ts reads it to name the command and its task). */
export const requestScope = new AsyncLocalStorage<RequestLogFields>();

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * One JSON line per request (`msg: "request"`): request id, method, route, status, actor, command,
 * task id, outcome and latency. The request id is the caller's X-Request-Id when it is sane (a
 * proxy's), otherwise a new UUID, and it goes back in the answer's X-Request-Id. Fastify's own
 * per-request lines are off (createApiApp), so this is the only one.
 */
export function logRequests(fastify: FastifyInstance, logger: Logger): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    const given = request.headers['x-request-id'];
    const requestId = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    (request as LoggedRequest).logFields = { requestId };
    void reply.header('x-request-id', requestId);
    done();
  });
  fastify.addHook('onSend', (request, reply, payload, done) => {
    // A problem's type names the refusal; read only from problem+json answers, which are small.
    const fields = (request as LoggedRequest).logFields;
    if (
      fields &&
      reply.statusCode >= 400 &&
      typeof payload === 'string' &&
      String(reply.getHeader('content-type')).includes('problem+json')
    ) {
      try {
        fields.problem = String((JSON.parse(payload) as { type?: string }).type ?? '').replace('/problems/', '') || undefined;
      } catch {
        // not JSON after all: the status says enough
      }
    }
    done(null, payload);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const line = requestLine(request as LoggedRequest, reply);
    if (line.status >= 500) logger.error(line, 'request');
    else logger.info(line, 'request');
    done();
  });
}

function requestLine(request: LoggedRequest, reply: FastifyReply) {
  const fields = request.logFields ?? { requestId: String(request.id) };
  const status = reply.statusCode;
  const params = request.params as { id?: string } | undefined;
  return {
    requestId: fields.requestId,
    method: request.method,
    route: request.routeOptions?.url ?? undefined,
    url: request.url.length > 300 ? `${request.url.slice(0, 300)}…` : request.url,
    status,
    outcome: status < 400 ? 'ok' : status < 500 ? 'refused' : 'error',
    problem: fields.problem,
    actor: request.actor ? { id: request.actor.id, role: request.actor.role, agency: request.actor.agency } : undefined,
    command: fields.command,
    taskId: fields.taskId ?? (request.routeOptions?.url?.includes('/tasks/:id') ? params?.id : undefined),
    latencyMs: Math.round(reply.elapsedTime * 10) / 10,
  };
}

/** The fields of the request being handled, for a Nest interceptor to run the handler in. */
export function fieldsOf(request: unknown): RequestLogFields | undefined {
  return (request as LoggedRequest).logFields;
}
