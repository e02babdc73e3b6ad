export * from './mark-task-overdue';
