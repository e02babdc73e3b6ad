export * from './mark-task-overdue';
export * from './execute-task-command';
export * from './execute-task-command.handler';
export * from './task-reader';
export * from './history-actor';
