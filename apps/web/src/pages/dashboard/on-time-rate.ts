import { BucketCounts } from '../../api/types';

/**
 * The on-time rate the stats API answers (done on time ÷ every task whose deadline has come, see
 * libs/read-models/src/buckets.ts) as a person reads it: "67%", or "—" while no deadline has come.
 */
export function onTimeRate(c: Pick<BucketCounts, 'onTimeRate'>): string {
  return c.onTimeRate === null ? '—' : `${Math.round(c.onTimeRate * 100)}%`;
}
