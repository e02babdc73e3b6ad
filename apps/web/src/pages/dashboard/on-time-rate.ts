import { BucketCounts } from '../../api/types';

/**
 * VPCP's on-time rate: done on time ÷ every task whose deadline has come (done on time + done late
 * + open overdue). A rate over completed tasks only reads "100%" with one task done and 127
 * overdue. Computed here from the buckets, whatever rate the stats API sends.
 */
export function onTimeRate(c: Pick<BucketCounts, 'done_on_time' | 'done_late' | 'open_overdue'>): string {
  const due = c.done_on_time + c.done_late + c.open_overdue;
  return due ? `${Math.round((100 * c.done_on_time) / due)}%` : '—';
}
