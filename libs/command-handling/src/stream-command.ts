import { randomUUID } from 'node:crypto';
import { ConcurrencyError, CommandRefusedError } from '@tdnv/domain';
import { AppendRequest, EventMetadata, EventStore, NewEvent, StoredEvent } from '@tdnv/event-store';
import { IdempotencyKeyReusedError, RefusedWithStateError, StaleRevisionError, StreamExistsError } from './command-errors';
import { CommandContext, eventId, newCommandId } from './command-context';
import { StreamStateCache } from './stream-state-cache';

export interface DomainEvent {
  type: string;
  data: unknown;
}

export interface StreamDecision {
  events: DomainEvent[];
  /** First events of other streams written in the same command (new task streams). */
  newStreams?: { stream: string; events: DomainEvent[] }[];
}

export interface StreamCommand<S, R> {
  stream: string;
  evolve: (state: S, event: DomainEvent) => S;
  initial: S;
  decide: (state: S) => StreamDecision;
  /**
   * Throws when the actor may not see the stream (not found) or may not issue the command
   * (forbidden). It runs before the Idempotency-Key replay and the If-Match check, so neither a
   * stored answer nor a revision reaches one who may not have them.
   */
  authorize?: (state: S) => void;
  /** Reads what the decision needs from other streams (a sub-task's parent), once authorized. */
  prepare?: (state: S) => Promise<void>;
  /** The answer, built from the state after the command (or, on a replay, after the first run). */
  respond: (state: S, revision: number) => R;
  context: CommandContext;
  /** Folded states of recent streams, shared by the commands of one kind (see StreamStateCache). */
  cache?: StreamStateCache<S>;
}

const ATTEMPTS_WITHOUT_IF_MATCH = 3;

/**
 * The one shape of every command: read the stream, fold, decide, append with the expected
 * revision. Idempotency needs no table: the command id (Idempotency-Key) is in the metadata of the
 * events it produced, so a retry finds them in the stream, also after a restart.
 */
export async function runStreamCommand<S, R>(store: EventStore, command: StreamCommand<S, R>): Promise<R> {
  const { context } = command;
  // A command that may be a replay needs the events, so it always reads the stream.
  let trustCache = !context.idempotencyKey;
  for (let lostRaces = 0; ;) {
    const cached = trustCache ? command.cache?.get(command.stream) : undefined;
    // Another process may have appended since the state was cached. A success is safe anyway (the
    // append names the cached revision and fails if the stream moved on); any other outcome is
    // only given once a fresh read of the stream confirms it.
    trustCache = false;
    let revision: number;
    let state: S;
    if (cached) {
      ({ revision, state } = cached);
      if (!authorized(command, state)) continue;
    } else {
      const read = await store.readStream(command.stream);
      revision = read.revision;
      state = fold(command, read.events);
      if (revision >= 0) command.cache?.set(command.stream, revision, state);
      command.authorize?.(state);
      const replay = context.idempotencyKey ? replayOf(command, read.events) : undefined;
      if (replay) return replay;
    }
    if (context.ifMatch !== undefined && context.ifMatch !== revision) {
      if (cached) continue;
      throw conflict(command, state, revision);
    }
    if (command.prepare) await command.prepare(state);
    let decision: StreamDecision;
    try {
      decision = command.decide(state);
    } catch (error) {
      if (cached) continue;
      if (error instanceof CommandRefusedError) throw refused(error, command.respond(state, revision), revision);
      throw error;
    }
    if (decision.events.length === 0 && !decision.newStreams?.length) {
      if (cached) continue;
      return command.respond(state, revision);
    }
    try {
      const next = await append(store, command, revision, decision);
      const after = decision.events.reduce(command.evolve, state);
      if (decision.events.length) command.cache?.set(command.stream, next, after);
      return command.respond(after, next);
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
      if (cached) continue;
      if (context.ifMatch !== undefined || ++lostRaces >= ATTEMPTS_WITHOUT_IF_MATCH) {
        const latest = await store.readStream(command.stream);
        if (error.stream !== command.stream) throw new StreamExistsError(error.stream);
        const current = fold(command, latest.events);
        command.authorize?.(current);
        const replayed = context.idempotencyKey ? replayOf(command, latest.events) : undefined;
        if (replayed) return replayed;
        throw conflict(command, current, latest.revision);
      }
    }
  }
}

async function append<S, R>(store: EventStore, command: StreamCommand<S, R>, revision: number, decision: StreamDecision): Promise<number> {
  const commandId = newCommandId(command.context);
  const metadata = metadataOf(command.context, commandId);
  // Without an Idempotency-Key the command id is random, so ids derived from it would be random too:
  // a random UUID is the same thing without the hashing.
  const idOf = command.context.idempotencyKey ? (stream: string, i: number) => eventId(commandId, stream, i) : () => randomUUID();
  const toNew = (stream: string, events: DomainEvent[]): NewEvent[] =>
    events.map((e, i) => ({ id: idOf(stream, i), type: e.type, data: e.data, metadata }));
  const main: AppendRequest = {
    stream: command.stream,
    events: toNew(command.stream, decision.events),
    expected: revision < 0 ? 'no_stream' : revision,
  };
  if (!decision.newStreams?.length) return (await store.appendToStream(main)).nextRevision;
  const others = decision.newStreams.map((s): AppendRequest => ({
    stream: s.stream,
    events: toNew(s.stream, s.events),
    expected: 'no_stream',
  }));
  const results = await store.appendToStreams(main.events.length ? [main, ...others] : others);
  return main.events.length ? results[0].nextRevision : revision;
}

/** Built field by field in the stored order (no spread of a temporary object per optional field). */
function metadataOf(context: CommandContext, commandId: string): EventMetadata {
  const { actor: who, actorName, idempotencyKey } = context;
  const actor: EventMetadata['actor'] = who.agency ? { id: who.id, role: who.role, agency: who.agency } : { id: who.id, role: who.role };
  const metadata: EventMetadata = {
    commandId,
    correlationId: context.correlationId ?? commandId,
    causationId: commandId,
    actor,
  } as EventMetadata;
  if (actorName) metadata.actorName = actorName;
  metadata.occurredAt = context.now.toISOString();
  if (idempotencyKey) metadata.requestHash = context.requestHash;
  return metadata;
}

/** On a cached state a refusal is only believed after a fresh read confirms it. */
function authorized<S, R>(command: StreamCommand<S, R>, state: S): boolean {
  try {
    command.authorize?.(state);
    return true;
  } catch {
    return false;
  }
}

function fold<S, R>(command: StreamCommand<S, R>, events: StoredEvent[]): S {
  return events.reduce((state, e) => command.evolve(state, e), command.initial);
}

function replayOf<S, R>(command: StreamCommand<S, R>, events: StoredEvent[]): R | undefined {
  const key = command.context.idempotencyKey;
  let last = -1;
  for (let i = 0; i < events.length; i++) if (events[i].metadata.commandId === key) last = i;
  if (last < 0) return undefined;
  if (events[last].metadata.requestHash !== command.context.requestHash) throw new IdempotencyKeyReusedError(key!);
  return command.respond(fold(command, events.slice(0, last + 1)), events[last].revision);
}

function conflict<S, R>(command: StreamCommand<S, R>, state: S, revision: number): StaleRevisionError {
  return new StaleRevisionError(command.stream, revision, command.respond(state, revision));
}

function refused(error: CommandRefusedError, current: unknown, revision: number): RefusedWithStateError {
  return new RefusedWithStateError(error, revision, current);
}
