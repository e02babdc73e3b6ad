import type { NewEvent } from '@tdnv/event-store';

export const OCCURRED_AT = '2026-02-12T03:00:00.000Z';

/** A realistic progress report (ProgressReported) for the append benchmarks: its id is deterministic. */
export const progressEvent = (stream: string, revision: number): NewEvent => ({
  id: `${stream}/${revision}`,
  type: 'ProgressReported',
  data: {
    taskId: stream.slice(5),
    text: 'Bộ Tài chính đã hoàn thiện dự thảo Nghị định, gửi Bộ Tư pháp thẩm định',
    percent: 60,
    documentRef: '1234/BTC-PC',
  },
  metadata: {
    commandId: `cmd-${stream}-${revision}`,
    correlationId: `corr-${stream}`,
    actor: { id: 'u-btc', role: 'agency', agency: 'BTC' },
    occurredAt: OCCURRED_AT,
  },
});
