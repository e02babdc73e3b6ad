import {
  ANY,
  AppendExpectedRevision,
  CurrentRevision,
  NO_STREAM,
  Position,
  ReadPosition,
  RecordedEvent,
  START,
  jsonEvent,
} from '@eventstore/db-client';
import { createHash } from 'node:crypto';
import type { EventMetadata, ExpectedRevision, NewEvent, StoredEvent } from './event-store.port';

/*
 * Position mapping. Our bigint position is the ESDB commit position of the event in $all. Events
 * appended through gRPC are self-committing records, each with its own commit position, equal to
 * its prepare position. So reading "after p" starts at {commit: p, prepare: p}, where ESDB is
 * inclusive, and skips any event whose commit position is not above p.
 */
export function readPositionAfter(position: bigint): ReadPosition {
  return position <= 0n ? START : { commit: position, prepare: position };
}

export function isAfter(position: Position | undefined, after: bigint): position is Position {
  return position !== undefined && position.commit > after;
}

export function toEsdbExpected(expected: ExpectedRevision): AppendExpectedRevision {
  if (expected === 'no_stream') return NO_STREAM;
  if (expected === 'any') return ANY;
  return BigInt(expected);
}

export function fromEsdbRevision(revision: CurrentRevision): number {
  return revision === NO_STREAM ? -1 : Number(revision);
}

/** `$`-prefixed types are ESDB's own (stream metadata, links, statistics), never ours. */
export function isSystemEvent(event: RecordedEvent): boolean {
  return event.type.startsWith('$') || event.streamId.startsWith('$');
}

export function toEsdbEvent(event: NewEvent) {
  return jsonEvent({
    id: event.id === undefined ? undefined : toEventUuid(event.id),
    type: event.type,
    data: event.data as Record<string, unknown>,
    metadata: event.metadata,
  });
}

export function toStoredEvent(event: RecordedEvent, position: bigint): StoredEvent {
  return {
    id: event.id,
    stream: event.streamId,
    revision: Number(event.revision),
    position,
    type: event.type,
    data: event.data,
    metadata: event.metadata as EventMetadata,
    recordedAt: event.created.toISOString(),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * ESDB only accepts UUID event ids, while our deterministic ids may be any string
 * (`task-….TaskAssigned`). A non-UUID id becomes a name-based (version 5 layout) UUID of itself,
 * so the same id always maps to the same UUID and a retried append stays idempotent. Such an
 * event reads back with the UUID as its id.
 */
export function toEventUuid(id: string): string {
  if (UUID.test(id)) return id.toLowerCase();
  const bytes = createHash('sha1').update(`theo-doi-nhiem-vu/event/${id}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
