import { FuzzAnswer } from './fuzz-client';
import { ViolationKind } from './invariants';
import { FuzzRequest } from './request-arbitrary';

export interface Finding {
  kind: ViolationKind;
  operation: string;
  status: number;
  /** The framework's error code, when the answer carried one (FST_ERR_…): it names the layer that answered. */
  code?: string;
  /** How many requests hit this kind on this operation with this status. */
  count: number;
  /** The first such request: its index in the run, so FUZZ_RUNS=index+1 replays up to it. */
  index: number;
  request: FuzzRequest;
  detail: string;
}

/**
 * Groups violations by likely cause, keeping the first example of each: a 4xx in the wrong format
 * comes from a layer below the routes (so it groups by status and error code across operations);
 * anything else groups by operation and status.
 */
export class FindingLog {
  private readonly byKey = new Map<string, Finding>();

  add(index: number, request: FuzzRequest, answer: FuzzAnswer, kind: ViolationKind, detail: string): void {
    const code = errorCode(answer.json);
    const key = kind === 'not-problem-json' ? `${kind} ${answer.status} ${code}` : `${kind} ${request.operation} ${answer.status}`;
    const known = this.byKey.get(key);
    if (known) known.count += 1;
    else this.byKey.set(key, { kind, operation: request.operation, status: answer.status, code, count: 1, index, request, detail });
  }

  get findings(): Finding[] {
    return [...this.byKey.values()];
  }
}

function errorCode(json: unknown): string | undefined {
  const code = typeof json === 'object' && json !== null ? (json as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

/** A failure message that says how to replay: the seed, the run length, and each first offending request. */
export function describeFindings(findings: Finding[], seed: number, runs: number): string {
  const lines = findings.map(
    (f) =>
      `- ${f.kind}: ${f.operation} → ${f.status || 'no answer'}${f.code ? ` ${f.code}` : ''} (×${f.count}), first at request #${f.index}\n` +
      `    request: ${printable(f.request)}\n    answer: ${f.detail.slice(0, 300)}`,
  );
  return [
    `API fuzzing found ${findings.length} kind(s) of violation in ${runs} requests.`,
    `Replay with: FUZZ_SEED=${seed} FUZZ_RUNS=${runs} npx jest test/security/api-fuzz.e2e.spec.ts`,
    ...lines,
  ].join('\n');
}

/** The request as JSON with long strings shortened, so a 100 kB field does not bury the report. */
export function printable(request: FuzzRequest): string {
  return JSON.stringify(request, (_key, value: unknown) =>
    typeof value === 'string' && value.length > 120 ? `${value.slice(0, 40)}…(${value.length} chars)` : value,
  );
}
