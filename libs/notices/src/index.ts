export * from './notice-input';
export * from './register-notice.command';
export * from './register-notice.handler';
export * from './import-plan';
