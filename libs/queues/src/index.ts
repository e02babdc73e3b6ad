export * from './delete-prefixed-keys';
export * from './projections.queue';
export * from './queues';
export * from './reminders.queue';
