export * from './user-directory.service';
export * from './users.commands';
