import { Actor } from '@tdnv/domain';
import { addToCounts, Counts, DeadlineMode, emptyCounts } from './buckets';
import { reportRows, ReportRow, ReportScope } from './report-rows.query';
import { SqlExecutor } from './sql-database';
import { countGroups, StatsGroupBy } from './stats-sql.query';

export type { StatsGroupBy } from './stats-sql.query';

export interface StatsRequest extends ReportScope {
  groupBy: StatsGroupBy;
  deadline: DeadlineMode;
  /** The local date the buckets are judged on: today, or the date of `asOf`. */
  today: string;
}

export interface StatsGroup extends Counts {
  key: string;
  name: string;
}

const keyOf = (row: ReportRow, groupBy: StatsGroupBy): string =>
  groupBy === 'agency' ? row.lead : groupBy === 'notice' ? row.notice_id : row.assigned_on.slice(0, 7);

/** "2026-03" → "Tháng 3/2026". */
const monthName = (key: string): string => `Tháng ${Number(key.slice(5, 7))}/${key.slice(0, 4)}`;

type Names = { agency(code: string): string | undefined };

const groupName = (request: StatsRequest, key: string, noticeNumber: string, names: Names): string =>
  request.groupBy === 'agency' ? (names.agency(key) ?? key) : request.groupBy === 'month' ? monthName(key) : noticeNumber;

const byKey = (groups: StatsGroup[]): StatsGroup[] => groups.sort((a, b) => a.key.localeCompare(b.key));

/**
 * The official buckets per group. Today's figures are summed by the database over rm_tasks
 * (stats-sql.query.ts); `asOf` figures are counted here in memory over the rows rebuilt as of that
 * instant. Both judge lateness on the Điều 148 effective due dates stored by the projection, exactly
 * as the scheduler does.
 */
export async function taskStats(db: SqlExecutor, actor: Actor, request: StatsRequest, names: Names): Promise<{ groups: StatsGroup[]; total: Counts }> {
  if (request.asOf) return countInMemory(await reportRows(db, actor, request), request, names);
  const groups = (await countGroups(db, actor, request)).map(({ key, notice_number, counts }) => ({ key, name: groupName(request, key, notice_number, names), ...counts }));
  const total = emptyCounts();
  for (const group of groups) {
    for (const bucket of ['done_on_time', 'done_late', 'open_on_time', 'open_overdue', 'no_deadline', 'cancelled', 'total'] as const) total[bucket] += group[bucket];
    for (const age of ['over30', 'over60', 'over120'] as const) total.overdueAgeing[age] += group.overdueAgeing[age];
  }
  const done = total.done_on_time + total.done_late;
  total.onTimeRate = done ? Math.round((total.done_on_time / done) * 1000) / 1000 : null;
  return { groups: byKey(groups), total };
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
  return { groups: byKey([...groups.values()]), total };
}
