import { FastifyReply, FastifyRequest } from 'fastify';
import { Actor } from '@tdnv/domain';
import { Clock } from '@tdnv/config';
import { CommandContext, hashRequest } from '@tdnv/command-handling';
import { problem, ProblemError } from './problem';

const REVISION = /^(?:W\/)?"?(-?\d+)"?$/;

/** Reads Idempotency-Key, If-Match and X-Correlation-Id into a command context. */
/** `hashedBody` replaces the body in the request hash when the body holds a secret (a password). */
export function commandContext(request: FastifyRequest, actor: Actor, clock: Clock, hashedBody: unknown = request.body): CommandContext {
  const { headers } = request;
  const key = first(headers['idempotency-key']);
  if (key !== undefined && (key.length === 0 || key.length > 200))
    throw new ProblemError(problem('validation', 'Idempotency-Key phải có từ 1 đến 200 ký tự'));
  const ifMatchRaw = first(headers['if-match']);
  let ifMatch: number | undefined;
  if (ifMatchRaw !== undefined) {
    const m = REVISION.exec(ifMatchRaw.trim());
    if (!m) throw new ProblemError(problem('validation', 'If-Match phải là số phiên bản (ETag) của nhiệm vụ'));
    ifMatch = Number(m[1]);
  }
  const now = clock.now();
  return {
    actor,
    now,
    today: clock.today(),
    idempotencyKey: key,
    // Only a replay under an Idempotency-Key compares hashes: without a key, hashing would be wasted.
    requestHash: key === undefined ? '' : hashRequest(request.method, request.url, hashedBody),
    correlationId: first(headers['x-correlation-id']),
    ifMatch,
  };
}

const first = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

export function setEtag(reply: FastifyReply, revision: number): void {
  void reply.header('etag', `"${revision}"`);
}
