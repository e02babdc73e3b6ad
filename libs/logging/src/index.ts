export * from './logger';
export * from './log-format';
export * from './nest-logger';
export * from './job-logging';
