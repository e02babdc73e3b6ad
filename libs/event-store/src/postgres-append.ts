import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { ConcurrencyError } from '@tdnv/domain';
import type { AppendRequest, AppendResult, ExpectedRevision } from './event-store.port';

/**
 * Appends through append_events (postgres-event-store.schema.ts): one statement, so one round
 * trip and one transaction for any number of streams.
 *
 * Global order: append_events first takes ONE advisory lock per schema, held until its commit,
 * so appends are serialised and take their positions in commit order. A reader asking for
 * `position > p` therefore never sees a position that an earlier, still-open transaction fills
 * later (the trap of a bare sequence). PostgreSQL makes a commit visible before it releases the
 * transaction's locks, which is what the argument needs. The alternative, storing
 * pg_current_xact_id() and reading only below pg_snapshot_xmin(pg_current_snapshot()), lets
 * appends run in parallel but orders the log by (transaction id, position), which the port's
 * single bigint position cannot carry, and any long transaction on the server (a read-model
 * rebuild in the same database) would hold every subscriber back. The parallelism it buys is
 * small here: a transaction that NOTIFYs already commits one at a time (PostgreSQL serialises
 * notifying commits with a database-wide lock so the queue is in commit order), on 2 cores the
 * WAL flush dominates, and our lock is held only for the server-side work and the commit, never
 * across a round trip to Node. Simplicity wins.
 */
export async function appendToPostgres(pool: Pool, requests: AppendRequest[]): Promise<AppendResult[]> {
  const results = new Map<number, AppendResult>();
  let pending = requests.map((_, index) => index);
  // Each pass writes everything, or finds a conflict; a conflict that is a committed retry takes
  // its request out of the next pass, any other conflict is thrown. So at most requests + 1 passes.
  for (;;) {
    const batch = pending.map((index) => requests[index]);
    const outcome = await callAppend(pool, batch);
    if (outcome.written) {
      outcome.written.forEach((result, i) => results.set(pending[i], result));
      return requests.map((_, index) => results.get(index)!);
    }
    const stored = await storedEvents(pool, batch);
    const retried = pending.filter((index) => {
      const result = alreadyStored(requests[index], stored);
      if (result) results.set(index, result);
      return result !== undefined;
    });
    if (retried.length === 0) throw outcome.refusal(batch);
    pending = pending.filter((index) => !retried.includes(index));
    if (pending.length === 0) return requests.map((_, index) => results.get(index)!);
  }
}

interface AppendRow {
  request: number;
  actual: number | null;
  next_revision: number | null;
  last_position: string | null;
}

type Outcome = { written: AppendResult[] } | { written?: undefined; refusal: (requests: AppendRequest[]) => Error };

const expectedParam = (expected: ExpectedRevision): number | null => (expected === 'any' ? null : expected === 'no_stream' ? -1 : expected);

async function callAppend(pool: Pool, requests: AppendRequest[]): Promise<Outcome> {
  const events = requests.flatMap((request, r) => request.events.map((event, k) => ({ event, request: r + 1, rank: k + 1 })));
  let rows: AppendRow[];
  try {
    ({ rows } = await pool.query<AppendRow>({
      name: 'event-store-append',
      text: 'SELECT request, actual, next_revision, last_position FROM append_events($1, $2, $3, $4, $5, $6, $7, $8, $9)',
      values: [
        requests.map((request) => request.stream),
        requests.map((request) => expectedParam(request.expected)),
        requests.map((request) => request.events.length),
        events.map((e) => e.request),
        events.map((e) => e.rank),
        events.map((e) => e.event.id ?? randomUUID()),
        events.map((e) => e.event.type),
        events.map((e) => JSON.stringify(e.event.data)),
        events.map((e) => JSON.stringify(e.event.metadata)),
      ],
    }));
  } catch (error) {
    if (!isDuplicateId(error)) throw error;
    const id = /\(id\)=\((.*)\)/.exec((error as { detail?: string }).detail ?? '')?.[1] ?? '?';
    return { refusal: () => new Error(`Event id ${id} is already stored, or used twice in one append`) };
  }
  const conflict = rows.find((row) => row.actual !== null);
  if (conflict) {
    const actual = conflict.actual!;
    return { refusal: (sent) => new ConcurrencyError(sent[conflict.request - 1].stream, sent[conflict.request - 1].expected, actual) };
  }
  return {
    // -1n says no event was written (an empty append only checks the revision), as in SQLite.
    written: rows.map((row, i) => ({
      stream: requests[i].stream,
      nextRevision: row.next_revision!,
      position: row.last_position === null ? -1n : BigInt(row.last_position),
    })),
  };
}

const isDuplicateId = (error: unknown): boolean =>
  (error as { code?: string; constraint?: string }).code === '23505' && (error as { constraint?: string }).constraint === 'events_id_key';

interface StoredRef {
  stream: string;
  revision: number;
  position: string;
}

async function storedEvents(pool: Pool, requests: AppendRequest[]): Promise<Map<string, StoredRef>> {
  const ids = requests.flatMap((request) => request.events.flatMap((event) => (event.id ? [event.id] : [])));
  if (ids.length === 0) return new Map();
  const { rows } = await pool.query<StoredRef & { id: string }>(
    'SELECT id, stream, revision, position FROM events WHERE id = ANY($1::text[])',
    [ids],
  );
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * A request whose event ids are all stored, in its stream, at the revisions it would have given
 * them, is a retry of an append that committed (a lost answer, a retried batch): it is answered
 * from the stored events and writes nothing, as EventStoreDB does. Events never change once
 * stored, so this needs no lock.
 */
function alreadyStored({ stream, events, expected }: AppendRequest, stored: Map<string, StoredRef>): AppendResult | undefined {
  if (events.length === 0) return undefined;
  const refs = events.map((event) => (event.id === undefined ? undefined : stored.get(event.id)));
  if (refs.some((ref) => ref?.stream !== stream)) return undefined;
  const first = refs[0]!.revision;
  const wanted = expected === 'no_stream' ? 0 : expected === 'any' ? first : expected + 1;
  if (first !== wanted || refs.some((ref, i) => ref!.revision !== first + i)) return undefined;
  const last = refs[refs.length - 1]!;
  return { stream, nextRevision: last.revision, position: BigInt(last.position) };
}
