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

/*
 * Fixed since (kept here as history, the fuzzer still sends them): errors raised before routing
 * (400 FST_ERR_BAD_URL for a bad %-escape, 414 FST_ERR_MAX_PARAM_LENGTH for a path id over 100
 * characters, 431 for headers over 16 kB) were answered as application/json; apps/api/src/http/edge-errors.ts.
 * A JSON body nested 20,000 levels deep overflowed the stack in the validation pipe and in request
 * hashing (500); apps/api/src/http/json-depth.ts refuses bodies deeper than 32 levels with a 400.
 */
export const KNOWN_FAILURES: KnownFailure[] = [];

/** Splits findings into those already reported (with the entry they match) and new ones. */
export function triage(findings: Finding[]): { known: { entry: KnownFailure; findings: Finding[] }[]; unknown: Finding[] } {
  const known = KNOWN_FAILURES.map((entry) => ({ entry, findings: findings.filter((f) => entry.matches(f)) }));
  const unknown = findings.filter((f) => !KNOWN_FAILURES.some((entry) => entry.matches(f)));
  return { known, unknown };
}
