export * from './app-config';
export * from './clock';
export * from './redis-check';
export * from './tokens';
