/**
 * The one port every event-store adapter implements (SQLite embedded, EventStoreDB).
 * Revisions are per stream and start at 0; positions are global, monotonic, and bigint because
 * EventStoreDB commit positions are 64-bit.
 */

export interface EventMetadata {
  commandId?: string;
  correlationId?: string;
  causationId?: string;
  actor?: { id: string; role: string; agency?: string };
  occurredAt: string;
  /** Hash of the request that produced the event, to detect an Idempotency-Key reused with other data. */
  requestHash?: string;
  [key: string]: unknown;
}

export interface NewEvent<T extends string = string, D = unknown> {
  /** Deterministic ids make retried appends idempotent on EventStoreDB. */
  id?: string;
  type: T;
  data: D;
  metadata: EventMetadata;
}

export interface StoredEvent<T extends string = string, D = unknown> {
  id: string;
  stream: string;
  revision: number;
  position: bigint;
  type: T;
  data: D;
  metadata: EventMetadata;
  recordedAt: string;
}

/** `no_stream`: the stream must not exist; a number: its current revision must be exactly that. */
export type ExpectedRevision = 'no_stream' | 'any' | number;

export interface AppendRequest {
  stream: string;
  events: NewEvent[];
  expected: ExpectedRevision;
}

export interface AppendResult {
  stream: string;
  /** Revision of the last event written. */
  nextRevision: number;
  /** Global position of the last event written. */
  position: bigint;
}

export interface ReadStreamResult {
  /** -1 when the stream does not exist. */
  revision: number;
  events: StoredEvent[];
}

export interface Subscription {
  close(): Promise<void>;
}

export interface EventStore {
  readStream(stream: string): Promise<ReadStreamResult>;
  appendToStream(request: AppendRequest): Promise<AppendResult>;
  /**
   * Appends to several streams. SQLite does it in one transaction; EventStoreDB has no
   * multi-stream transaction, so it appends in order with deterministic event ids, which makes
   * a retry of the whole batch safe (already-written streams are recognised, not duplicated).
   */
  appendToStreams(requests: AppendRequest[]): Promise<AppendResult[]>;
  /** Events after `fromPosition` (exclusive; 0n or -1n = from the start), in global order, system events excluded. */
  readAll(fromPosition: bigint, maxCount: number): Promise<StoredEvent[]>;
  /** Follows the log after `fromPosition`, calling `onEvent` in order, including events appended later. */
  subscribe(fromPosition: bigint, onEvent: (event: StoredEvent) => Promise<void> | void): Subscription;
  close(): Promise<void>;
}

export { ConcurrencyError } from '@tdnv/domain';
