import type { EventMetadata, StoredEvent } from './event-store.port';

/** A row of an events table as a driver returns it: SQLite gives JSON text, PostgreSQL parsed json and Dates. */
export interface EventRow<Json, Time> {
  position: number | string;
  id: string;
  stream: string;
  revision: number;
  type: string;
  data: Json;
  metadata: Json;
  recorded_at: Time;
}

export const EVENT_COLUMNS = 'position, id, stream, revision, type, data, metadata, recorded_at';

export function storedEvent<Json, Time>(
  row: EventRow<Json, Time>,
  json: (value: Json) => unknown,
  time: (value: Time) => string,
): StoredEvent {
  return {
    id: row.id,
    stream: row.stream,
    revision: row.revision,
    position: BigInt(row.position),
    type: row.type,
    data: json(row.data),
    metadata: json(row.metadata) as EventMetadata,
    recordedAt: time(row.recorded_at),
  };
}
