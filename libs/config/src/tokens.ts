/** Dependency-injection tokens for the adapters the API is assembled from. */
export const APP_CONFIG = Symbol('APP_CONFIG');
export const CLOCK = Symbol('CLOCK');
export const EVENT_STORE = Symbol('EVENT_STORE');
export const DEADLINE_POLICY = Symbol('DEADLINE_POLICY');
