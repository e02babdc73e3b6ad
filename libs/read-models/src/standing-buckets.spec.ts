import { addDays } from '@tdnv/calendar';
import { addStanding, Counts, emptyCounts, onTimeRate } from './buckets';
import { SqliteDatabase } from './sqlite-database';
import { BucketCount, bucketParams, bucketSql, countsPerGroup, standingJudge } from './standing-buckets.sql';

const DAYS = ['2026-03-16', '2026-03-31', '2026-01-01', '2024-02-29'];

/** Closed standings, month-cut open ones far from the cut-offs, and every day around each cut-off. */
function standingsAround(today: string): string[] {
  const around = [0, -30, -60, -120].flatMap((cut) => [-2, -1, 0, 1, 2].map((d) => `O${addDays(today, cut + d)}`));
  return ['C', 'N', 'T', 'L', `O${addDays(today, -400).slice(0, 7)}`, `O${addDays(today, 200).slice(0, 7)}`, ...around];
}

describe('standingJudge buckets a standing as bucketSql does', () => {
  const db = new SqliteDatabase(':memory:');
  afterAll(() => db.close());

  it.each(DAYS)('on %s: each standing alone lands in the same bucket and ageing band', async (today) => {
    const judge = standingJudge(today);
    for (const standing of standingsAround(today)) {
      const rows = await db.all<BucketCount>(
        `SELECT 'g' AS group_key, '' AS label, ${bucketSql('s')} AS b, 3 AS n FROM (SELECT ? AS s) x`,
        [...bucketParams(today), standing],
      );
      const counts: Counts = emptyCounts();
      judge(counts, standing, 3);
      counts.onTimeRate = onTimeRate(counts);
      expect({ standing, counts }).toEqual({ standing, counts: countsPerGroup(rows).get('g')!.counts });
    }
  });

  it.each(DAYS)('on %s: a day-level standing ages as addStanding (days between) says', (today) => {
    const judge = standingJudge(today);
    for (const standing of standingsAround(today).filter((s) => s.length === 11)) {
      const byDays = emptyCounts();
      addStanding(byDays, standing, 2, today);
      const byJudge = emptyCounts();
      judge(byJudge, standing, 2);
      byJudge.onTimeRate = onTimeRate(byJudge);
      expect({ standing, counts: byJudge }).toEqual({ standing, counts: byDays });
    }
  });
});
