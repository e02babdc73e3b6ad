import { Actor } from '@tdnv/domain';
import { addToCounts, Counts, DeadlineMode, emptyCounts, namedCounts, totalOf } from './buckets';
import { reportRows, ReportRow, ReportScope } from './report-rows.query';
import { SqlExecutor } from './sql-database';
import { accessRowGroups } from './stats-access.query';
import { countGroups, StatsGroupBy } from './stats-sql.query';
import { compareByKey, talliedGroups } from './stats-tally.cache';
import { TalliedGroup, tallyPlan } from './stats-tally.query';

export type { StatsGroupBy } from './stats-sql.query';

export interface StatsRequest extends ReportScope {
  groupBy: StatsGroupBy;
  deadline: DeadlineMode;
  /** The local date the buckets are judged on: today, or the date of `asOf`. */
  today: string;
  /** `asOf` is the end of the local day `today` (a date was asked for): the day counters answer it. */
  asOfEndOfDay?: boolean;
}

export interface StatsGroup extends Counts {
  key: string;
  name: string;
}

const keyOf = (row: ReportRow, groupBy: StatsGroupBy): string =>
  groupBy === 'agency' ? row.lead : groupBy === 'notice' ? row.notice_id : row.assigned_on.slice(0, 7);

/** "2026-03" → "Tháng 3/2026". */
const monthName = (key: string): string => `Tháng ${Number(key.slice(5, 7))}/${key.slice(0, 4)}`;

export type Names = { agency(code: string): string | undefined };

export const groupName = (request: StatsRequest, key: string, noticeNumber: string, names: Names): string =>
  request.groupBy === 'agency' ? (names.agency(key) ?? key) : request.groupBy === 'month' ? monthName(key) : noticeNumber;

export const sortedByKey = <G extends StatsGroup>(groups: G[]): G[] => groups.sort(compareByKey);

/**
 * The official buckets per group. The projection's counters (stats-tally.ts) answer now and the end
 * of any day for those who see every task or every public one; an agency's own figures, and one
 * lead's in a grouping the counters do not hold, are summed over access rows (stats-access.query.ts);
 * what the counters cannot answer (an instant within a day, a lead filter with another
 * grouping, assignment dates with another grouping than month) is summed by the database over
 * rm_tasks (stats-sql.query.ts) now, and counted here in memory over the rows rebuilt as of an
 * instant. All judge lateness on the Điều 148 effective due dates stored by the projection,
 * exactly as the scheduler does, through buckets.ts.
 */
export async function taskStats(
  db: SqlExecutor,
  actor: Actor,
  request: StatsRequest,
  names: Names,
): Promise<{ groups: StatsGroup[]; total: Counts }> {
  const plan = tallyPlan(actor, request);
  if (plan && (!request.asOf || request.asOfEndOfDay)) {
    const tallied = await talliedGroups(db, plan, {
      deadline: request.deadline,
      today: request.today,
      asOfDay: request.asOf ? request.today : undefined,
    });
    // The counters' groups come in key order already.
    return summed(
      tallied.map((group) => namedOnce(group, groupName(request, group.key, group.label, names))),
      true,
    );
  }
  const fromAccess = await accessRowGroups(db, actor, request);
  if (fromAccess)
    return summed(fromAccess.map(({ key, label, counts }) => namedCounts(key, groupName(request, key, label, names), counts)));
  if (request.asOf) return countInMemory(await reportRows(db, actor, request), request, names);
  return summed(
    (await countGroups(db, actor, request)).map(({ key, notice_number, counts }) =>
      namedCounts(key, groupName(request, key, notice_number, names), counts),
    ),
  );
}

/** The named copy of each kept counters' group (stats-tally.cache.ts: a kept group is never changed), while its name holds. */
const namedGroups = new WeakMap<TalliedGroup, StatsGroup>();

function namedOnce(group: TalliedGroup, name: string): StatsGroup {
  const kept = namedGroups.get(group);
  if (kept?.name === name) return kept;
  const named = namedCounts(group.key, name, group.counts);
  namedGroups.set(group, named);
  return named;
}

function summed(groups: StatsGroup[], inKeyOrder = false): { groups: StatsGroup[]; total: Counts } {
  return { groups: inKeyOrder ? groups : sortedByKey(groups), total: totalOf(groups) };
}

/** Counts rows one by one (asOf rows, and the reference the SQL sums are tested against). */
export function countInMemory(rows: ReportRow[], request: StatsRequest, names: Names): { groups: StatsGroup[]; total: Counts } {
  const groups = new Map<string, StatsGroup>();
  const total = emptyCounts();
  for (const row of rows) {
    const key = keyOf(row, request.groupBy);
    let group = groups.get(key);
    if (!group) {
      group = { key, name: groupName(request, key, row.notice_number, names), ...emptyCounts() };
      groups.set(key, group);
    }
    addToCounts(group, row, request.today, request.deadline);
    addToCounts(total, row, request.today, request.deadline);
  }
  return { groups: sortedByKey([...groups.values()]), total };
}
