import { Gauge, Registry } from 'prom-client';
import { ProjectionStatus } from './projection-status';

/**
 * Projection lag gauges in an app instance's registry, filled on each scrape from `statuses`, so
 * /metrics always shows the lag measured against the log at that moment.
 */
export function registerProjectionLagMetrics(registry: Registry, statuses: () => Promise<ProjectionStatus[]>): void {
  const collectInto = async (set: (status: ProjectionStatus) => void): Promise<void> => {
    try {
      for (const status of await statuses()) set(status);
    } catch {
      // A scrape must not fail because the read-model store is briefly unavailable.
    }
  };
  new Gauge({
    name: 'tdnv_projection_lag_seconds',
    help: 'Age in seconds of the oldest event a read-model projection has not applied yet (0 = caught up)',
    labelNames: ['projection'],
    registers: [registry],
    async collect() {
      await collectInto((s) => this.set({ projection: s.name }, s.lagSeconds));
    },
  });
  new Gauge({
    name: 'tdnv_projection_pending_events',
    help: 'Events after the projection checkpoint (counted up to 1000)',
    labelNames: ['projection'],
    registers: [registry],
    async collect() {
      await collectInto((s) => this.set({ projection: s.name }, s.pendingEvents));
    },
  });
}
