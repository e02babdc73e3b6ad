export * from './eventually';
export * from './shared-folder';
export * from './smtp-sink';
export * from './task.fixtures';
export * from './decider-spec';
