import { collectDefaultMetrics, Registry } from 'prom-client';

/** Dependency-injection token of an app instance's registry. */
export const METRICS_REGISTRY = Symbol('METRICS_REGISTRY');

/**
 * One Prometheus registry per app instance, handed to each capability that adds its collectors
 * (no metric is registered as a side effect of importing a module, and two API instances in one
 * process, as in the tests, each answer /metrics for themselves).
 */
export function createMetricsRegistry(): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ app: 'theo-doi-nhiem-vu' });
  collectDefaultMetrics({ register: registry, prefix: 'tdnv_' });
  return registry;
}
