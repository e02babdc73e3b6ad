import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { errorCodes, FastifyReply } from 'fastify';
import { ConcurrencyError, ActorForbiddenError, CommandRefusedError, InvalidCommandError, NotFoundError } from '@tdnv/domain';
import { IdempotencyKeyReusedError, RefusedWithStateError, StaleRevisionError, StreamExistsError } from '@tdnv/command-handling';
import { Problem, problem, ProblemError, ProblemType } from './problem';

const BY_STATUS: Record<number, ProblemType> = {
  400: 'validation',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  408: 'request-timeout',
  413: 'payload-too-large',
  414: 'uri-too-long',
  415: 'unsupported-media-type',
  429: 'too-many-requests',
  431: 'headers-too-large',
};

/** Fastify's own refusals, said in Vietnamese (its messages are English). */
const FASTIFY_DETAILS: Partial<Record<keyof typeof errorCodes, string>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'Dữ liệu gửi lên vượt quá giới hạn cho phép',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Định dạng dữ liệu (Content-Type) không được hỗ trợ; hãy gửi application/json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'Kích thước dữ liệu không khớp với Content-Length',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'Nội dung JSON trống',
  FST_ERR_CTP_INVALID_JSON_BODY: 'Nội dung không phải JSON hợp lệ',
  FST_ERR_BAD_URL: 'Đường dẫn không hợp lệ (mã %… sai)',
  FST_ERR_MAX_PARAM_LENGTH: 'Một phần của đường dẫn (mã trong URL) quá dài',
};

/**
 * Nest hands Fastify's body errors on as HttpException(message, status), without the code, so the
 * Vietnamese text is found by code or by Fastify's own message for it.
 */
const FASTIFY_DETAIL_BY_MESSAGE = new Map(
  Object.entries(FASTIFY_DETAILS).map(([code, detail]) => [new errorCodes[code as keyof typeof errorCodes]().message, detail]),
);

function fastifyDetail(error: { code?: unknown; message?: unknown }): string | undefined {
  return FASTIFY_DETAILS[error.code as keyof typeof errorCodes] ?? FASTIFY_DETAIL_BY_MESSAGE.get(String(error.message));
}

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
    return problem('command-refused', error.message, {
      state: error.refusal.state,
      command: error.refusal.command,
      currentRevision: error.currentRevision,
      current: error.current,
    });
  if (error instanceof StaleRevisionError)
    return problem('concurrency-conflict', `Phiên bản hiện tại là ${error.currentRevision}`, {
      currentRevision: error.currentRevision,
      current: error.current,
    });
  if (error instanceof IdempotencyKeyReusedError)
    return problem('idempotency-key-reused', 'Idempotency-Key này đã được dùng cho một yêu cầu có nội dung khác');
  if (error instanceof StreamExistsError) return problem('already-exists', `${error.stream} đã tồn tại`);
  if (error instanceof CommandRefusedError) return problem('command-refused', error.reason, { state: error.state, command: error.command });
  if (error instanceof ActorForbiddenError) return problem('forbidden', error.reason);
  if (error instanceof InvalidCommandError)
    return problem('validation', error.reason, { errors: [{ field: error.field ?? null, message: error.reason }] });
  if (error instanceof NotFoundError) return problem('not-found', error.message);
  if (error instanceof ConcurrencyError)
    return problem('concurrency-conflict', `Phiên bản hiện tại là ${error.actual}`, { currentRevision: error.actual });
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const type = BY_STATUS[status];
    // Nest's unknown-route answer ("Cannot GET /x") in the users' language.
    if (status === 404) return problem('not-found', error.message.replace(/^Cannot ([A-Z]+) /, 'Không có địa chỉ $1 '));
    if (type) return problem(type, fastifyDetail(error) ?? error.message);
    return { type: `/problems/http-${status}`, title: error.message, status };
  }
  const statusCode = (error as { statusCode?: number }).statusCode;
  if (typeof statusCode === 'number' && BY_STATUS[statusCode])
    return problem(BY_STATUS[statusCode], fastifyDetail(error as Error) ?? (error as Error).message);
  logger?.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return problem('internal');
}
