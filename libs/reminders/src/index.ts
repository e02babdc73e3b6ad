export * from './reminder-ladder';
export * from './reminder-policy';
export * from './reminder-view';
export * from './reminder.decider';
export * from './recipient-resolver';
export * from './missed-periods';
