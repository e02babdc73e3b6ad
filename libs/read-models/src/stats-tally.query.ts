import { Actor, SEE } from '@tdnv/domain';
import { addDays, daysBetween, lastDayOfMonth } from '@tdnv/calendar';
import { DeadlineMode, emptyCounts, onTimeRate } from './buckets';
import { ReportScope } from './report-rows.query';
import { SqlExecutor, SqlValue } from './sql-database';
import { type StatsGroupBy } from './stats-sql.query';
import { CountedGroup, standingJudge } from './standing-buckets.sql';
import { TallyDim } from './stats-tally';
import { forEachStanding, standingsListSql } from './standings-list';
import { TALLY_ENDS_TABLE, TALLY_MONTHS_TABLE, TALLY_TABLE } from './stats-tally.store';

/** Which counters answer a request: one grouping, optionally one group or a range of months. */
export interface TallyPlan {
  publicOnly: boolean;
  dim: TallyDim;
  group?: string;
  months?: { from?: string; to?: string };
}

const DIM: Record<StatsGroupBy, TallyDim> = { agency: 'agency', notice: 'notice', month: 'month' };

const isFirstOfMonth = (day: string) => day.endsWith('-01');
const isLastOfMonth = (day: string) => isFirstOfMonth(addDays(day, 1));

/**
 * The plan for a request, or undefined when the counters cannot answer it (then the rows are
 * counted: stats.query.ts). The counters hold every task, so they answer those who see every task
 * (SEE `all`) or every public one (SEE `public`), not an agency, which sees its own. A filter is
 * answered when the grouping holds it: a lead with groupBy=agency, a notice with groupBy=notice,
 * assignment dates on month boundaries with groupBy=month.
 */
export function tallyPlan(actor: Actor, request: ReportScope & { groupBy: StatsGroupBy }): TallyPlan | undefined {
  if (actor.role === 'agency') return undefined;
  const plan: TallyPlan = { publicOnly: SEE[actor.role] !== 'all', dim: DIM[request.groupBy] };
  if (request.from || request.to) {
    const whole = (!request.from || isFirstOfMonth(request.from)) && (!request.to || isLastOfMonth(request.to));
    if (plan.dim !== 'month' || !whole) return undefined;
    plan.months = { from: request.from?.slice(0, 7), to: request.to?.slice(0, 7) };
  }
  const filters: [string | undefined, TallyDim][] = [
    [request.agency, 'agency'],
    [request.noticeId, 'notice'],
  ];
  for (const [value, dim] of filters) {
    if (value === undefined) continue;
    if (plan.dim !== dim) return undefined;
    plan.group = value;
  }
  return plan;
}

/**
 * What is summed for a standing: counters of one period or a range of periods, or (`monthEnd`) the
 * month-end lists of a month (stats-tally.store.ts).
 */
export type TallyPeriods =
  | {
      sql: string;
      params: SqlValue[];
      /** Subtracts these counters instead of adding them. */
      minus?: boolean;
      /** One period (`period = ?`), not a range of days. */
      point?: boolean;
    }
  | { monthEnd: string };

/** Now: the `*` counters. */
export const NOW: TallyPeriods[] = [{ sql: 'period = ?', params: ['*'], point: true }];

/** The changes recorded on `day` and after (`D…` sorts before `E`). */
export const changesFrom = (day: string, minus = false): TallyPeriods[] => [
  { sql: "period >= ? AND period < 'E'", params: [`D${day}`], minus },
];

/**
 * The standing at the end of `day` (`undefined`: now), from the nearer month end: the end of the
 * month before plus the changes of its days up to `day`, or the end of its own month (kept once the
 * month has begun) minus the changes of the days after `day`. The end of a month is one list per
 * group; a day in its middle adds at most 15 days of changes.
 */
export async function periodsAt(db: SqlExecutor, day: string | undefined): Promise<TallyPeriods[]> {
  if (!day) return NOW;
  const month = day.slice(0, 7);
  const [ends] = await db.all<{ before: string | null; own: string | null }>(
    `SELECT MAX(CASE WHEN month < ? THEN month END) AS before, MAX(CASE WHEN month = ? THEN month END) AS own FROM ${TALLY_MONTHS_TABLE} WHERE month <= ?`,
    [month, month, month],
  );
  const last = lastDayOfMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
  if (ends?.own && daysBetween(day, last) < Number(day.slice(8))) {
    if (day === last) return [{ monthEnd: month }];
    return [{ monthEnd: month }, { sql: 'period > ? AND period <= ?', params: [`D${day}`, `D${last}`], minus: true }];
  }
  const days = { sql: 'period >= ? AND period <= ?', params: [`D${month}-01`, `D${day}`] };
  return ends?.before ? [{ monthEnd: ends.before }, days] : [days];
}

/** One group counted from the counters: its key, the notice number (groupBy=notice), its counts. */
export type TalliedGroup = CountedGroup;

/** The months holding today and the three ageing cut-offs: only their counters are read to the day. */
export function boundaryMonths(today: string): string[] {
  return [...new Set([0, 30, 60, 120].map((days) => addDays(today, -days).slice(0, 7)))];
}

/**
 * Counts per group from the counters and month-end lists of `periods` (NOW, periodsAt a day's end,
 * or changesFrom a day), judged on `today`. A group whose counters sum to nothing (its tasks moved
 * to another group within the days summed) is left out, as when the rows are counted, unless
 * `changes`: a day's changes can move tasks between buckets of one group and sum to nothing.
 *
 * The database hands back each group's standings as one text ("O2026-03:5,T:2", standings-list.ts),
 * all in one statement (one snapshot), and standingJudge buckets them here: bucketing in SQL cost an
 * aggregate step or a sort per counter. Counters of a single period are read one part at a time (the
 * plain part, then each boundary month's days), so each grouping follows the key order without a
 * sort; the plain counters of the boundary months are left out, as their days are read instead.
 */
export async function countFromTally(
  db: SqlExecutor,
  plan: TallyPlan,
  request: { deadline: DeadlineMode; today: string; periods: TallyPeriods[]; changes?: boolean },
): Promise<TalliedGroup[]> {
  const { sql, params } = standingsStatement(plan, request);
  const rows = await db.all<{ grp: string; label: string; list: string }>(sql, params);
  const judge = standingJudge(request.today);
  const groups = new Map<string, TalliedGroup>();
  for (const row of rows) {
    let group = groups.get(row.grp);
    if (!group) groups.set(row.grp, (group = { key: row.grp, label: row.label, counts: emptyCounts() }));
    else if (row.label < group.label) group.label = row.label;
    const counts = group.counts;
    forEachStanding(row.list, (standing, n) => judge(counts, standing, n));
  }
  const out: TalliedGroup[] = [];
  for (const group of groups.values()) {
    if (group.counts.total === 0 && !request.changes) continue;
    group.counts.onTimeRate = onTimeRate(group.counts);
    out.push(group);
  }
  return out;
}

/** One statement whose rows are (group, label, standings list), several rows per group. */
function standingsStatement(
  plan: TallyPlan,
  request: { deadline: DeadlineMode; today: string; periods: TallyPeriods[] },
): { sql: string; params: SqlValue[] } {
  const column = request.deadline === 'original' ? 'orig' : 'cur';
  const boundary = boundaryMonths(request.today);
  const { filters, filterParams } = filtersOf(plan);
  const selects: string[] = [];
  const params: SqlValue[] = [];
  const select = (where: string, whereParams: SqlValue[], minus?: boolean) => {
    selects.push(
      `SELECT grp, MIN(label) AS label, ${standingsListSql(column, minus ? '-n' : 'n')} AS list FROM ${TALLY_TABLE}
       WHERE ${['dim = ?', where, ...filters].join(' AND ')} GROUP BY grp`,
    );
    params.push(plan.dim, ...whereParams, ...filterParams);
  };
  const dayParts = boundary.map((month) => `${column[0]}${month}`);
  const marks = (values: unknown[]) => values.map(() => '?').join(', ');
  const plain = `part = '' AND ${column} NOT IN (${marks(boundary)})`;
  const plainParams = boundary.map((month) => `O${month}`);
  for (const period of request.periods) {
    if ('monthEnd' in period) {
      // One row per group (and confidentiality): its standings at the month's end, open ones to the day.
      selects.push(
        `SELECT grp, label, standings AS list FROM ${TALLY_ENDS_TABLE} WHERE ${['dim = ?', 'month = ?', 'mode = ?', ...filters].join(' AND ')}`,
      );
      params.push(plan.dim, period.monthEnd, column[0], ...filterParams);
    } else if (period.point) {
      // One key range per part, each grouped in key order.
      select(`${period.sql} AND ${plain}`, [...period.params, ...plainParams], period.minus);
      for (const part of dayParts) select(`${period.sql} AND part = ?`, [...period.params, part], period.minus);
    } else {
      // A range of days is one walk over every part of those days: grouping needs a sort either way.
      select(`${period.sql} AND (${plain} OR part IN (${marks(dayParts)}))`, [...period.params, ...plainParams, ...dayParts], period.minus);
    }
  }
  return { sql: selects.join(' UNION ALL '), params };
}

function filtersOf(plan: TallyPlan): { filters: string[]; filterParams: SqlValue[] } {
  const filters: string[] = [];
  const filterParams: SqlValue[] = [];
  if (plan.publicOnly) filters.push('conf = 0');
  if (plan.group !== undefined) {
    filters.push('grp = ?');
    filterParams.push(plan.group);
  }
  if (plan.months?.from) {
    filters.push('grp >= ?');
    filterParams.push(plan.months.from);
  }
  if (plan.months?.to) {
    filters.push('grp <= ?');
    filterParams.push(plan.months.to);
  }
  return { filters, filterParams };
}
