import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { ConcurrencyError } from '../../../../libs/domain/src/concurrency.error';
import { ActorForbiddenError, CommandRefusedError, InvalidCommandError, NotFoundError } from '../../../../libs/domain/src/domain.errors';
import { IdempotencyKeyReusedError, RefusedWithStateError, StaleRevisionError, StreamExistsError } from '../../../../libs/command-handling/src/command-errors';
import { Problem, problem, ProblemError, ProblemType } from './problem';

const BY_STATUS: Record<number, ProblemType> = {
  400: 'validation',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  429: 'too-many-requests',
};

/** Maps every error (domain, framework, Fastify) to application/problem+json. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    sendProblem(reply, toProblem(error, this.logger));
  }
}

export function sendProblem(reply: FastifyReply, body: Problem): void {
  void reply.status(body.status).header('content-type', 'application/problem+json; charset=utf-8').send(body);
}

export function toProblem(error: unknown, logger?: Logger): Problem {
  if (error instanceof ProblemError) return error.body;
  if (error instanceof RefusedWithStateError)
    return problem('command-refused', error.message, { state: error.refusal.state, command: error.refusal.command, currentRevision: error.currentRevision, current: error.current });
  if (error instanceof StaleRevisionError)
    return problem('concurrency-conflict', `Phiên bản hiện tại là ${error.currentRevision}`, { currentRevision: error.currentRevision, current: error.current });
  if (error instanceof IdempotencyKeyReusedError) return problem('idempotency-key-reused', 'Idempotency-Key này đã được dùng cho một yêu cầu có nội dung khác');
  if (error instanceof StreamExistsError) return problem('already-exists', `${error.stream} đã tồn tại`);
  if (error instanceof CommandRefusedError) return problem('command-refused', error.reason, { state: error.state, command: error.command });
  if (error instanceof ActorForbiddenError) return problem('forbidden', error.reason);
  if (error instanceof InvalidCommandError)
    return problem('validation', error.reason, { errors: [{ field: error.field ?? null, message: error.reason }] });
  if (error instanceof NotFoundError) return problem('not-found', error.message);
  if (error instanceof ConcurrencyError) return problem('concurrency-conflict', `Phiên bản hiện tại là ${error.actual}`, { currentRevision: error.actual });
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const type = BY_STATUS[status];
    if (type) return problem(type, error.message);
    return { type: `/problems/http-${status}`, title: error.message, status };
  }
  const fastifyStatus = (error as { statusCode?: number }).statusCode;
  if (typeof fastifyStatus === 'number' && BY_STATUS[fastifyStatus]) return problem(BY_STATUS[fastifyStatus], (error as Error).message);
  logger?.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return problem('internal');
}
