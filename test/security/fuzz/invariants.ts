import { FuzzAnswer } from './fuzz-client';

export type ViolationKind = 'no-answer' | 'server-error' | 'not-problem-json' | 'bad-problem-body' | 'appended-on-refusal';

/**
 * What must hold for any request, however hostile: an HTTP answer, never a 5xx, every 4xx an RFC 9457
 * problem document, and a refusal leaves the log as it was (a 2xx may append).
 */
export function violationsOf(method: string, answer: FuzzAnswer, appendedTypes: string[]): { kind: ViolationKind; detail: string }[] {
  if (answer.failure) return [{ kind: 'no-answer', detail: answer.failure }];
  const found: { kind: ViolationKind; detail: string }[] = [];
  if (answer.status >= 500) found.push({ kind: 'server-error', detail: answer.excerpt });
  if (answer.status >= 400 && answer.status < 500) {
    if (!answer.contentType.startsWith('application/problem+json'))
      found.push({ kind: 'not-problem-json', detail: `content-type "${answer.contentType}": ${answer.excerpt}` });
    else if (method !== 'HEAD' && !isProblem(answer.json, answer.status)) found.push({ kind: 'bad-problem-body', detail: answer.excerpt });
  }
  if (answer.status >= 400 && appendedTypes.length > 0)
    found.push({ kind: 'appended-on-refusal', detail: `appended ${appendedTypes.join(', ')}` });
  return found;
}

/** type and title are strings and status repeats the HTTP status, as RFC 9457 asks. */
function isProblem(body: unknown, status: number): boolean {
  if (typeof body !== 'object' || body === null) return false;
  const p = body as Record<string, unknown>;
  return typeof p.type === 'string' && typeof p.title === 'string' && p.status === status;
}
