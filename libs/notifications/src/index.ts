export * from './mailer';
export * from './message-id';
export * from './notification-templates';
