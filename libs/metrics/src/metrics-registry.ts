import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * One Prometheus registry per process. Each capability creates its own metrics in its own file
 * with `registers: [metricsRegistry]`; `/metrics` serialises this registry.
 */
export const metricsRegistry = new Registry();
metricsRegistry.setDefaultLabels({ app: 'theo-doi-nhiem-vu' });
collectDefaultMetrics({ register: metricsRegistry, prefix: 'tdnv_' });
