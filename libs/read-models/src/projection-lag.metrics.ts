import { Gauge } from 'prom-client';
import { metricsRegistry } from '@tdnv/metrics';
import { ProjectionStatus } from './projection-status';

/**
 * Projection lag gauges, filled on each scrape by `refresh` (set by the API module), so /metrics
 * always shows the lag measured against the log at that moment.
 */
let refresh: (() => Promise<ProjectionStatus[]>) | undefined;

export function setProjectionStatusSource(source: (() => Promise<ProjectionStatus[]>) | undefined): void {
  refresh = source;
}

async function collectInto(set: (status: ProjectionStatus) => void): Promise<void> {
  if (!refresh) return;
  try {
    for (const status of await refresh()) set(status);
  } catch {
    // A scrape must not fail because the read-model store is briefly unavailable.
  }
}

export const projectionLagSeconds = new Gauge({
  name: 'tdnv_projection_lag_seconds',
  help: 'Age in seconds of the oldest event a read-model projection has not applied yet (0 = caught up)',
  labelNames: ['projection'],
  registers: [metricsRegistry],
  async collect() {
    await collectInto((s) => this.set({ projection: s.name }, s.lagSeconds));
  },
});

export const projectionPendingEvents = new Gauge({
  name: 'tdnv_projection_pending_events',
  help: 'Events after the projection checkpoint (counted up to 1000)',
  labelNames: ['projection'],
  registers: [metricsRegistry],
  async collect() {
    await collectInto((s) => this.set({ projection: s.name }, s.pendingEvents));
  },
});
