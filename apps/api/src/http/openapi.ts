import type { OpenAPIObject } from '@nestjs/swagger';
import { PROBLEM_TYPES } from './problem';

type Operation = { responses?: Record<string, unknown>; security?: unknown[]; summary?: string; operationId?: string };

const PROBLEM_SCHEMA = {
  type: 'object',
  description: 'RFC 9457 problem details; `title` and `detail` are Vietnamese',
  required: ['type', 'title', 'status'],
  properties: {
    type: { type: 'string', example: '/problems/validation' },
    title: { type: 'string', example: PROBLEM_TYPES.validation.title },
    status: { type: 'integer', example: 400 },
    detail: { type: 'string' },
    errors: {
      type: 'array',
      items: { type: 'object', properties: { field: { type: 'string', nullable: true }, message: { type: 'string' } } },
    },
  },
};

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

/** Which problems an operation can answer, from what it is: every answer of the API's edge is one of these. */
function problemsOf(method: string, path: string, operation: Operation): Record<string, string> {
  const problems: Record<string, string> = { '400': 'Dữ liệu không hợp lệ', '500': PROBLEM_TYPES.internal.title };
  if (operation.security?.length) problems['401'] = PROBLEM_TYPES.unauthenticated.title;
  if (operation.security?.length && method !== 'get') problems['403'] = PROBLEM_TYPES.forbidden.title;
  if (path.includes('{')) problems['404'] = `${PROBLEM_TYPES['not-found'].title} (hoặc không có quyền xem)`;
  if (method !== 'get') {
    problems['409'] = 'Không được phép ở trạng thái hiện tại, If-Match đã cũ, hoặc đã tồn tại';
    problems['413'] = PROBLEM_TYPES['payload-too-large'].title;
    problems['415'] = PROBLEM_TYPES['unsupported-media-type'].title;
    problems['422'] = PROBLEM_TYPES['idempotency-key-reused'].title;
  }
  if (path.endsWith('/auth/login')) problems['429'] = PROBLEM_TYPES['too-many-requests'].title;
  return problems;
}

/**
 * Completes the generated document: the Problem schema, and for every operation the problem
 * responses it can give (the controllers declare their summaries and success schemas).
 */
export function withProblemResponses(document: OpenAPIObject): OpenAPIObject {
  document.components = { ...document.components, schemas: { ...document.components?.schemas, Problem: PROBLEM_SCHEMA } };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item as Record<string, Operation>)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const problems = problemsOf(method, path, operation);
      operation.responses = { ...operation.responses };
      for (const [status, description] of Object.entries(problems)) operation.responses[status] ??= problemResponse(description);
    }
  }
  return document;
}
