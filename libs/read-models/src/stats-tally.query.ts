import { Actor, SEE } from '@tdnv/domain';
import { addDays } from '@tdnv/calendar';
import { DeadlineMode } from './buckets';
import { ReportScope } from './report-rows.query';
import { SqlExecutor, SqlValue } from './sql-database';
import { type StatsGroupBy } from './stats-sql.query';
import { BucketCount, bucketParams, bucketSql, CountedGroup, countsPerGroup } from './standing-buckets.sql';
import { TallyDim } from './stats-tally';
import { TALLY_MONTHS_TABLE, TALLY_TABLE } from './stats-tally.store';

/** Which counters answer a request: one grouping, optionally one group or a range of months. */
export interface TallyPlan {
  publicOnly: boolean;
  dim: TallyDim;
  group?: string;
  months?: { from?: string; to?: string };
}

const DIM: Record<StatsGroupBy, TallyDim> = { agency: 'agency', notice: 'notice', month: 'month' };

const isFirstOfMonth = (day: string) => day.endsWith('-01');
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const isLastOfMonth = (day: string) => isFirstOfMonth(nextDay(day));

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

const previousMonth = (month: string): string => {
  const [year, m] = month.split('-').map(Number);
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`;
};

/**
 * The periods whose sum is the standing at the end of `day`: the latest end-of-month standing
 * before its month, and its days up to it. `undefined`: now. One range each, so each is one walk
 * of the key.
 */
export interface TallyPeriods {
  sql: string;
  params: SqlValue[];
  /** Subtracts these counters instead of adding them. */
  minus?: boolean;
}

/** Now: the `*` counters. */
export const NOW: TallyPeriods[] = [{ sql: 'period = ?', params: ['*'] }];

/** The changes recorded on `day` and after (`S…` periods sort after `E`). */
export const changesFrom = (day: string, minus = false): TallyPeriods[] => [
  { sql: "period >= ? AND period < 'E'", params: [`D${day}`], minus },
];

export async function periodsAt(db: SqlExecutor, day: string | undefined): Promise<TallyPeriods[]> {
  if (!day) return NOW;
  const month = day.slice(0, 7);
  const [start] = await db.all<{ month: string | null }>(`SELECT MAX(month) AS month FROM ${TALLY_MONTHS_TABLE} WHERE month <= ?`, [
    previousMonth(month),
  ]);
  const days = { sql: 'period >= ? AND period <= ?', params: [`D${month}-01`, `D${day}`] };
  return start?.month ? [{ sql: 'period = ?', params: [`S${start.month}`] }, days] : [days];
}

/** One group counted from the counters: its key, the notice number (groupBy=notice), its counts. */
export type TalliedGroup = CountedGroup;

/** The months holding today and the three ageing cut-offs: only their counters are read to the day. */
export function boundaryMonths(today: string): string[] {
  return [...new Set([0, 30, 60, 120].map((days) => addDays(today, -days).slice(0, 7)))];
}

/**
 * Counts per group from the counters of `periods` (NOW, periodsAt a day's end, or changesFrom a
 * day), judged on `today`. The database sums them into buckets, one row per group. A group whose
 * counters sum to nothing (its tasks moved to another group within the days summed) is left out,
 * as when the rows are counted, unless `changes`: a day's changes can move tasks between buckets
 * of one group and sum to nothing.
 */
export async function countFromTally(
  db: SqlExecutor,
  plan: TallyPlan,
  request: { deadline: DeadlineMode; today: string; periods: TallyPeriods[]; changes?: boolean },
): Promise<TalliedGroup[]> {
  const column = request.deadline === 'original' ? 'orig' : 'cur';
  const boundary = boundaryMonths(request.today);
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
  const marks = boundary.map(() => '?').join(', ');
  const parts: string[] = [];
  const params: SqlValue[] = [];
  for (const period of request.periods) {
    const select = (where: string) =>
      `SELECT grp, label, ${column} AS s, ${period.minus ? '-n' : 'n'} AS n FROM ${TALLY_TABLE} WHERE ${['dim = ?', period.sql, where, ...filters].join(' AND ')}`;
    parts.push(select(`part = '' AND ${column} NOT IN (${marks})`), select(`part IN (${marks})`));
    params.push(plan.dim, ...period.params, ...boundary.map((m) => `O${m}`), ...filterParams);
    params.push(plan.dim, ...period.params, ...boundary.map((m) => `${column[0]}${m}`), ...filterParams);
  }
  const rows = await db.all<BucketCount>(
    `SELECT grp AS group_key, MIN(label) AS label, ${bucketSql('s')} AS b, SUM(n) AS n FROM (${parts.join(' UNION ALL ')}) c GROUP BY 1, 3`,
    [...bucketParams(request.today), ...params],
  );
  const groups = [...countsPerGroup(rows).values()];
  return request.changes ? groups : groups.filter((group) => group.counts.total !== 0);
}
