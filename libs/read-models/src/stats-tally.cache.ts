import { addDays } from '@tdnv/calendar';
import { addCounts, Counts, DeadlineMode, emptyCounts } from './buckets';
import { SqlExecutor } from './sql-database';
import { changesFrom, countFromTally, NOW, periodsAt, TalliedGroup, TallyPlan } from './stats-tally.query';
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
/** One kept answer: its groups in key order, and where each key is. */
interface Answer {
  groups: TalliedGroup[];
  at: Map<string, number>;
}

interface Settled extends Answer {
  position: string;
}

/** The order /stats lists groups in (stats.query.ts sortedByKey). */
export const compareByKey = (a: { key: string }, b: { key: string }): number => a.key.localeCompare(b.key);

function answerOf(groups: TalliedGroup[]): Answer {
  const sorted = groups.sort(compareByKey);
  return { groups: sorted, at: new Map(sorted.map((group, i) => [group.key, i])) };
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

/**
 * `base` + `changes`, in key order, without a group whose tasks all left it. A kept group is never
 * changed: a changed one is a new object, and the order is kept unless a group is new.
 */
function plus(base: Answer, changes: TalliedGroup[]): TalliedGroup[] {
  const out = base.groups.slice();
  let added = false;
  for (const change of changes) {
    const i = base.at.get(change.key);
    const counts: Counts = emptyCounts();
    if (i !== undefined) addCounts(counts, out[i].counts);
    addCounts(counts, change.counts);
    const group = { key: change.key, label: i !== undefined ? out[i].label : change.label, counts };
    if (i !== undefined) out[i] = group;
    else {
      out.push(group);
      added = true;
    }
  }
  const kept = out.filter((group) => group.counts.total !== 0);
  return added ? kept.sort(compareByKey) : kept;
}

async function settled(db: SqlExecutor, key: string, day: string, count: () => Promise<TalliedGroup[]>): Promise<Answer> {
  const cache = cacheOf(db);
  const position = await writtenThrough(db, day);
  const hit = cache.get(key);
  if (hit && hit.position === position) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const answer = { position, ...answerOf(await count()) };
  cache.set(key, answer);
  if (cache.size > LIMIT) cache.delete(cache.keys().next().value!);
  return answer;
}

/**
 * Counts per group, in key order, from the counters: now (judged on `today`), or at the end of
 * `asOfDay` (judged on that day). Same answer as countFromTally over NOW or periodsAt(asOfDay),
 * from the cache when it can. The groups are shared with the cache: read them, do not change them.
 */
export async function talliedGroups(
  db: SqlExecutor,
  plan: TallyPlan,
  request: { deadline: DeadlineMode; today: string; asOfDay?: string },
): Promise<TalliedGroup[]> {
  const { deadline, today, asOfDay } = request;
  const id = JSON.stringify([plan, deadline, today]);
  if (asOfDay) {
    const answer = await settled(db, `end ${asOfDay} ${id}`, asOfDay, async () =>
      countFromTally(db, plan, { deadline, today, periods: await periodsAt(db, asOfDay) }),
    );
    return answer.groups;
  }
  // Yesterday's end, as now minus the changes from today on, in one statement (one snapshot): it needs
  // no history to be kept, so counters counted straight from the rows (the benchmark's) answer the same.
  const yesterday = await settled(db, `now ${id}`, addDays(today, -1), () =>
    countFromTally(db, plan, { deadline, today, periods: [...NOW, ...changesFrom(today, true)], changes: true }),
  );
  const recent = await countFromTally(db, plan, { deadline, today, periods: changesFrom(today), changes: true });
  return plus(yesterday, recent);
}
