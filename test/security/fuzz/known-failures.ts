import { Finding } from './fuzz-report';

/**
 * Violations the fuzzer found in code another engineer is changing at the time of writing: reported
 * to them, not fixed here. They are still generated and checked on every run, and printed with their
 * count; they fail the run only with FUZZ_STRICT=1. Delete an entry once its fix lands (the run says
 * when an entry matched nothing).
 */
export interface KnownFailure {
  id: string;
  /** Where the fix belongs. */
  owner: string;
  summary: string;
  matches(finding: Finding): boolean;
}

export const KNOWN_FAILURES: KnownFailure[] = [
  {
    id: 'fastify-edge-errors-not-problem-json',
    owner: 'apps/api/src/api.app.ts, apps/api/src/http/* (edge errors)',
    summary:
      'Errors raised before routing bypass ProblemDetailsFilter: a bad %-escape in the path (400 FST_ERR_BAD_URL), a path id over ' +
      "Fastify's maxParamLength of 100 (414 FST_ERR_MAX_PARAM_LENGTH), and headers or a request line over 16 kB (431 from Node's " +
      'parser) are answered as application/json { error, message, statusCode }.',
    matches: (f) => f.kind === 'not-problem-json' && ((f.code ?? '').startsWith('FST_ERR_') || f.status === 431 || f.status === 414),
  },
  {
    id: 'deep-json-stack-overflow',
    owner: 'apps/api/src/api.app.ts or apps/api/src/http/* (the JSON body parser accepts any depth)',
    summary:
      'A JSON body nested 20,000 levels deep (valid JSON, 40 kB, under the body limit) is parsed, then overflows the stack: in the ' +
      'global ValidationPipe (stripProtoKeys) on every route with a DTO body, and in hashRequest (JSON.stringify, ' +
      'libs/command-handling/src/command-context.ts) on POST /auth/logout with an Idempotency-Key. RangeError: Maximum call stack ' +
      'size exceeded, answered 500. A depth limit where JSON is parsed would refuse it with a 400 before any of them.',
    matches: (f) => f.kind === 'server-error' && f.request.body?.kind === 'nested',
  },
];

/** Splits findings into those already reported (with the entry they match) and new ones. */
export function triage(findings: Finding[]): { known: { entry: KnownFailure; findings: Finding[] }[]; unknown: Finding[] } {
  const known = KNOWN_FAILURES.map((entry) => ({ entry, findings: findings.filter((f) => entry.matches(f)) }));
  const unknown = findings.filter((f) => !KNOWN_FAILURES.some((entry) => entry.matches(f)));
  return { known, unknown };
}
