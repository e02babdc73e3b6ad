import { FastifyInstance } from 'fastify';
import { problem, ProblemError } from './problem';

/** Deeper than any body this API takes (a notice is 4 levels); far below what recursion tolerates. */
export const MAX_JSON_DEPTH = 32;

/** The nesting depth of a parsed JSON value, walked without recursion, stopping past `limit`. */
export function depthExceeds(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth > limit) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node)) stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * A JSON body nested thousands of levels deep is valid JSON under the size limit, but every
 * recursive walk after parsing (validation, request hashing) would overflow the stack: refuse it
 * right after parsing, before any of them.
 */
export function limitJsonDepth(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', async (request) => {
    if (
      request.body !== null &&
      typeof request.body === 'object' &&
      !Buffer.isBuffer(request.body) &&
      depthExceeds(request.body, MAX_JSON_DEPTH)
    )
      throw new ProblemError(problem('validation', `Nội dung yêu cầu lồng nhau quá ${MAX_JSON_DEPTH} cấp`));
  });
}
