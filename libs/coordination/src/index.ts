export * from './leases';
export * from './postgres-leases';
export * from './redis-leases';
export * from './worker-presence';
export * from './postgres-schema';
