export * from './event-store.port';
export { SqliteEventStore } from './sqlite-event-store';
export type { SqliteEventStoreOptions } from './sqlite-event-store';
export { EventStoreDbEventStore } from './eventstoredb-event-store';
export type { EventStoreDbEventStoreOptions } from './eventstoredb-event-store';
export { createEventStore } from './create-event-store';
export type { EventStoreConfig } from './create-event-store';
export * from './create-event-store';
export * from './sqlite-event-store';
