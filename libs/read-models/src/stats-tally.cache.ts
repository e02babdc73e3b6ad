import { addDays } from '@tdnv/calendar';
import { addCounts, Counts, DeadlineMode, emptyCounts } from './buckets';
import { SqlExecutor } from './sql-database';
import { changesFrom, countFromTally, NOW, periodsAt, TalliedGroup, TallyPlan } from './stats-tally.query';
import { TALLY_DIMS } from './stats-tally';
import { TALLY_DAYS_TABLE } from './stats-tally.store';

/**
 * The counters' answers that cannot change any more, kept in memory: the standing at the end of a
 * day, judged on a given day. "Now" is the standing at the end of yesterday plus the changes
 * recorded from today on, so a dashboard reads today's changes (a few rows) instead of every
 * group's counters (15,625 notices at 1,000,000 tasks).
 *
 * An answer for the end of `day` stays valid while no batch of the projection has written to
 * `day` or an earlier day since it was counted: rm_task_tally_days keeps the last batch position
 * per day, read before the answer is counted (a batch landing in between makes it look stale, never
 * fresh). A late event (one recorded with an earlier day, or a rebuild) therefore invalidates it.
 */
interface Settled {
  position: string;
  groups: Map<string, TalliedGroup>;
}

const LIMIT = 64;
const caches = new WeakMap<SqlExecutor, Map<string, Settled>>();

function cacheOf(db: SqlExecutor): Map<string, Settled> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  return cache;
}

/** The last batch that wrote to `day` or before (`null`: none, e.g. counters counted without a history). */
async function writtenThrough(db: SqlExecutor, day: string): Promise<string> {
  const [row] = await db.all<{ position: string | number | null }>(
    `SELECT MAX(position) AS position FROM ${TALLY_DAYS_TABLE} WHERE day <= ?`,
    [day],
  );
  return String(row?.position ?? null);
}

const byKey = (groups: TalliedGroup[]) => new Map(groups.map((group) => [group.key, group]));

/** `into` + `groups`, as new objects (a cached group is never changed). */
function combined(into: Map<string, TalliedGroup>, groups: TalliedGroup[]): Map<string, TalliedGroup> {
  const out = new Map(into);
  for (const group of groups) {
    const counts: Counts = emptyCounts();
    const base = out.get(group.key);
    if (base) addCounts(counts, base.counts);
    addCounts(counts, group.counts);
    out.set(group.key, { key: group.key, label: base?.label ?? group.label, counts });
  }
  return out;
}

async function settled(
  db: SqlExecutor,
  key: string,
  day: string,
  count: () => Promise<Map<string, TalliedGroup>>,
): Promise<Map<string, TalliedGroup>> {
  const cache = cacheOf(db);
  const position = await writtenThrough(db, day);
  const hit = cache.get(key);
  if (hit && hit.position === position) {
    cache.delete(key);
    cache.set(key, hit);
    return hit.groups;
  }
  const groups = await count();
  cache.set(key, { position, groups });
  if (cache.size > LIMIT) cache.delete(cache.keys().next().value!);
  return groups;
}

/**
 * Counts per group from the counters: now (judged on `today`), or at the end of `asOfDay` (judged on
 * that day). Same answer as countFromTally over NOW or periodsAt(asOfDay), from the cache when it can.
 */
export async function talliedGroups(
  db: SqlExecutor,
  plan: TallyPlan,
  request: { deadline: DeadlineMode; today: string; asOfDay?: string },
): Promise<TalliedGroup[]> {
  const { deadline, today, asOfDay } = request;
  const id = JSON.stringify([plan, deadline, today]);
  if (asOfDay) {
    const groups = await settled(db, `end ${asOfDay} ${id}`, asOfDay, async () =>
      byKey(await countFromTally(db, plan, { deadline, today, periods: await periodsAt(db, asOfDay) })),
    );
    return [...groups.values()];
  }
  // Yesterday's end, as now minus the changes from today on, in one statement (one snapshot): it needs
  // no history to be kept, so counters counted straight from the rows (the benchmark's) answer the same.
  const yesterday = await settled(db, `now ${id}`, addDays(today, -1), async () =>
    byKey(await countFromTally(db, plan, { deadline, today, periods: [...NOW, ...changesFrom(today, true)], changes: true })),
  );
  const recent = await countFromTally(db, plan, { deadline, today, periods: changesFrom(today), changes: true });
  return [...combined(yesterday, recent).values()].filter((group) => group.counts.total !== 0);
}

/**
 * Counts and keeps "now" for every grouping, both deadline modes, for those who see every task and
 * those who see the public ones: the dashboards' first request of a day then reads only the day's
 * changes. The API runs it at start and after each local midnight; it yields between answers, so
 * no request waits behind more than one of them.
 */
export async function warmStatsCache(db: SqlExecutor, today: string, stopped: () => boolean = () => false): Promise<void> {
  for (const publicOnly of [false, true]) {
    for (const dim of TALLY_DIMS) {
      for (const deadline of ['current', 'original'] as const) {
        if (stopped()) return;
        await talliedGroups(db, { publicOnly, dim }, { deadline, today });
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  }
}
