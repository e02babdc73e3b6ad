import fc from 'fast-check';
import { ApiHarness } from '../../support/api-harness';
import { badAuthorizations } from './auth-variants';
import { EventWatermark, send } from './fuzz-client';
import { FindingLog, printable } from './fuzz-report';
import { epochPath, FuzzWorld, ROLES, RoleName, SeededTasks, seedTasks } from './fuzz-world';
import { violationsOf } from './invariants';
import { Operation } from './openapi-operations';
import { FuzzRequest, requestFor } from './request-arbitrary';

/** Requests per epoch: each epoch starts with a fresh notice, since the previous one's tasks get cancelled or reassigned. */
const EPOCH = 200;

export interface FuzzRunOptions {
  api: ApiHarness;
  world: FuzzWorld;
  operations: Operation[];
  seed: number;
  runs: number;
  verbose: boolean;
}

export interface FuzzRunResult {
  log: FindingLog;
  /** How many answers had each status (0: no answer). */
  statuses: Map<number, number>;
  seconds: number;
}

/**
 * Generates `runs` requests from the seed (all at once, so a replay sends the same sequence), sends
 * them one at a time, and checks every answer against the invariants. Sequential on purpose: the
 * events appended between two reads of the log then belong to exactly one request.
 */
export async function runFuzz(options: FuzzRunOptions): Promise<FuzzRunResult> {
  const { api, world, seed, runs, verbose } = options;
  const requests = fc.sample(anyRequest(options.operations, world), { seed, numRuns: runs });
  const authorizations = badAuthorizations(world.tokens.vpcp!);
  const watermark = new EventWatermark(api.dataDir);
  const log = new FindingLog();
  const statuses = new Map<number, number>();
  const started = Date.now();
  let current: SeededTasks = world.tasks;
  try {
    for (const [index, generated] of requests.entries()) {
      if (index > 0 && index % EPOCH === 0) current = await seedTasks(api, world.tokens, index / EPOCH);
      await watermark.appendedSinceLastCall();
      const request = { ...generated, path: epochPath(generated.path, world, current) };
      const answer = await send(api.baseUrl, request, authorizationOf(request.caller, world, authorizations));
      const appended = await watermark.appendedSinceLastCall();
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      if (verbose) console.log(`#${index} ${answer.status} ${printable(request)}`);
      for (const v of violationsOf(
        request.method,
        answer,
        appended.map((e) => e.type),
      ))
        log.add(index, request, answer, v.kind, v.detail);
    }
  } finally {
    await watermark.close();
  }
  return { log, statuses, seconds: (Date.now() - started) / 1000 };
}

/** All operations, the sign-in one rarely: it is slow on purpose (scrypt) and rate-limited. */
function anyRequest(operations: Operation[], world: FuzzWorld): fc.Arbitrary<FuzzRequest> {
  const hints = { agencyCodes: world.agencyCodes, emails: [world.userEmail, 'khong.co@mof.gov.vn'] };
  const badAuthNames = Object.keys(badAuthorizations('x.y.z'));
  const weighted = operations.map((op) => ({
    arbitrary: requestFor(op, world, hints, badAuthNames),
    weight: op.template.endsWith('/auth/login') ? 1 : 5,
  }));
  return fc.oneof(...weighted);
}

function authorizationOf(caller: string, world: FuzzWorld, bad: Record<string, string>): string | undefined {
  if (caller.startsWith('bad-auth:')) return bad[caller.slice('bad-auth:'.length)];
  const token = ROLES.includes(caller as RoleName) ? world.tokens[caller as RoleName] : undefined;
  return token ? `Bearer ${token}` : undefined;
}
