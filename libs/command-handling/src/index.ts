export * from './command-context';
export * from './command-errors';
export * from './stream-command';
export * from './stream-state-cache';
