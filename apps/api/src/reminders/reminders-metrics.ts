import { Counter, Gauge, Registry } from 'prom-client';
import { ReminderQueuesClient } from './reminder-queues.client';

/**
 * Reminder metrics on this API instance's /metrics. The worker is another process, so the values
 * are read at scrape time: queue depths from BullMQ, sent and failed counts from the worker's Redis
 * counters.
 */
export function registerReminderMetrics(registry: Registry, source: ReminderQueuesClient): void {
  new Gauge({
    name: 'tdnv_reminder_queue_jobs',
    help: 'Jobs in the reminders and notifications queues, by state',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      const counts = await source.jobCounts().catch(() => undefined);
      for (const [queue, states] of Object.entries(counts ?? {}))
        for (const [state, n] of Object.entries(states)) this.set({ queue, state }, n);
    },
  });
  const counter = (name: string, help: string, field: 'reminders' | 'escalations' | 'failures') =>
    new Counter({
      name,
      help,
      registers: [registry],
      async collect() {
        const stats = await source.stats().catch(() => undefined);
        if (!stats) return;
        this.reset();
        this.inc(stats[field]);
      },
    });
  counter('tdnv_reminders_sent_total', 'Reminders (đôn đốc) recorded as sent, including assignment emails', 'reminders');
  counter('tdnv_escalations_sent_total', 'Escalations (cảnh báo quá hạn) recorded as sent', 'escalations');
  counter('tdnv_notification_send_failures_total', 'SMTP send attempts that failed (each is retried with backoff)', 'failures');
}
