import { addDays } from '@tdnv/calendar';
import { Counts, emptyCounts, onTimeRate } from './buckets';
import { SqlValue } from './sql-database';

/**
 * buckets.ts `bucketOfStanding` (and the ageing band of an overdue task) as one SQL CASE over a
 * standing, so the database gives each row (or counter) its bucket once and counts per group and
 * bucket; countsPerGroup turns those counts into the official Counts. Standings compare as strings:
 * `O2026-03-15` is overdue on a day when it sorts before `O<day>`, and the other standings are
 * letters outside `O…P`. A counter's month standing (`O2026-03`, stats-tally.ts) sorts wholly
 * before or after every cut-off, unless its month holds one (then it is counted to the day).
 * Parameters (bucketParams): today, then the 120, 60 and 30 day cut-offs.
 */
export function bucketSql(standing: string): string {
  return `CASE WHEN ${standing} < 'O' OR ${standing} > 'P' THEN ${standing} WHEN ${standing} >= ? THEN 'open' WHEN ${standing} < ? THEN '120' WHEN ${standing} < ? THEN '60' WHEN ${standing} < ? THEN '30' ELSE '0' END`;
}

export const bucketParams = (today: string): SqlValue[] =>
  [today, addDays(today, -120), addDays(today, -60), addDays(today, -30)].map((day) => `O${day}`);

const CLOSED: Record<string, 'cancelled' | 'no_deadline' | 'done_on_time' | 'done_late'> = {
  C: 'cancelled',
  N: 'no_deadline',
  T: 'done_on_time',
  L: 'done_late',
};
const AGE_BANDS = ['0', '30', '60', '120'];

export interface BucketCount {
  group_key: string;
  label: string;
  b: string;
  n: number | string;
}

export interface CountedGroup {
  key: string;
  label: string;
  counts: Counts;
}

/** The counts per bucket of each group (rows of `bucketSql` with their number) as the official Counts. */
export function countsPerGroup(rows: BucketCount[]): Map<string, CountedGroup> {
  const groups = new Map<string, CountedGroup>();
  for (const row of rows) {
    let group = groups.get(row.group_key);
    if (!group) groups.set(row.group_key, (group = { key: row.group_key, label: row.label, counts: emptyCounts() }));
    if (row.label < group.label) group.label = row.label;
    const n = Number(row.n);
    const counts = group.counts;
    counts.total += n;
    if (row.b === 'open') counts.open_on_time += n;
    else if (CLOSED[row.b]) counts[CLOSED[row.b]] += n;
    else {
      const band = AGE_BANDS.indexOf(row.b);
      counts.open_overdue += n;
      if (band >= 1) counts.overdueAgeing.over30 += n;
      if (band >= 2) counts.overdueAgeing.over60 += n;
      if (band >= 3) counts.overdueAgeing.over120 += n;
    }
  }
  for (const group of groups.values()) group.counts.onTimeRate = onTimeRate(group.counts);
  return groups;
}

/**
 * `bucketSql` in JavaScript, for standings the database hands back as text (stats-tally.query.ts):
 * adds `n` tasks of `standing` to `counts`, judged on the day of the cut-offs. The same string
 * comparisons in the same order, so the two cannot disagree (standing-buckets.spec.ts holds them
 * side by side); the rate is left to the caller, once per group.
 */
export function standingJudge(today: string): (counts: Counts, standing: string, n: number) => void {
  const [open, over120, over60, over30] = bucketParams(today) as string[];
  return (counts, standing, n) => {
    counts.total += n;
    if (standing < 'O' || standing > 'P') {
      counts[CLOSED[standing[0]]] += n;
      return;
    }
    if (standing >= open) {
      counts.open_on_time += n;
      return;
    }
    counts.open_overdue += n;
    if (standing < over30) counts.overdueAgeing.over30 += n;
    if (standing < over60) counts.overdueAgeing.over60 += n;
    if (standing < over120) counts.overdueAgeing.over120 += n;
  };
}
