import { FastifyInstance } from 'fastify';
import { problem, ProblemError } from './problem';

/** Deeper than any body this API takes (a notice is 4 levels); far below what recursion tolerates. */
export const MAX_JSON_DEPTH = 32;

/**
 * Whether a parsed JSON value nests deeper than `limit`. Recursive, but never deeper than `limit`
 * frames (it stops there), and it allocates nothing: it runs on every request with a body.
 */
export function depthExceeds(value: unknown, limit: number, depth = 1): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (depth > limit) return true;
  if (Array.isArray(value)) {
    for (const child of value) if (depthExceeds(child, limit, depth + 1)) return true;
  } else {
    for (const key in value) if (depthExceeds((value as Record<string, unknown>)[key], limit, depth + 1)) return true;
  }
  return false;
}

/**
 * A JSON body nested thousands of levels deep is valid JSON under the size limit, but every
 * recursive walk after parsing (validation, request hashing) would overflow the stack: refuse it
 * right after parsing, before any of them.
 */
export function limitJsonDepth(fastify: FastifyInstance): void {
  // A callback hook, not an async one: no promise and no extra microtask on every request.
  fastify.addHook('preValidation', (request, _reply, done) => {
    const body = request.body;
    if (body !== null && typeof body === 'object' && !Buffer.isBuffer(body) && depthExceeds(body, MAX_JSON_DEPTH))
      return done(new ProblemError(problem('validation', `Nội dung yêu cầu lồng nhau quá ${MAX_JSON_DEPTH} cấp`)));
    done();
  });
}
