export * from './jwt';
export * from './password';
