import { Actor, SEE } from '@tdnv/domain';
import { addDays } from '@tdnv/calendar';
import { Counts, DeadlineMode, emptyCounts, onTimeRate } from './buckets';
import { ReportScope } from './report-rows.query';
import { SqlExecutor, SqlValue } from './sql-database';
import { type StatsGroupBy } from './stats-sql.query';
import { CountedGroup, standingJudge } from './standing-buckets.sql';
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
  /** One period (`period = ?`), not a range of days. */
  point?: boolean;
}

/** Now: the `*` counters. */
export const NOW: TallyPeriods[] = [{ sql: 'period = ?', params: ['*'], point: true }];

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
  return start?.month ? [{ sql: 'period = ?', params: [`S${start.month}`], point: true }, days] : [days];
}

/** One group counted from the counters: its key, the notice number (groupBy=notice), its counts. */
export type TalliedGroup = CountedGroup;

/** The months holding today and the three ageing cut-offs: only their counters are read to the day. */
export function boundaryMonths(today: string): string[] {
  return [...new Set([0, 30, 60, 120].map((days) => addDays(today, -days).slice(0, 7)))];
}

/**
 * Counts per group from the counters of `periods` (NOW, periodsAt a day's end, or changesFrom a
 * day), judged on `today`. A group whose counters sum to nothing (its tasks moved to another group
 * within the days summed) is left out, as when the rows are counted, unless `changes`: a day's
 * changes can move tasks between buckets of one group and sum to nothing.
 *
 * The database groups each key range's counters by group and hands back each group's standings as
 * one text ("O2026-03:5,T:2"), in one statement (one snapshot), and standingJudge buckets them here:
 * bucketing in SQL cost an aggregate step or a sort per counter, about 200 ms for the 155,558
 * month-end counters by notice at 1,000,000 tasks, where the texts take about 55 ms. A single period
 * is read one part at a time (the plain part, then each boundary month's days), so each grouping
 * follows the key order without a sort. The plain counters of the boundary months are left out:
 * their days are read instead.
 */
export async function countFromTally(
  db: SqlExecutor,
  plan: TallyPlan,
  request: { deadline: DeadlineMode; today: string; periods: TallyPeriods[]; changes?: boolean },
): Promise<TalliedGroup[]> {
  const column = request.deadline === 'original' ? 'orig' : 'cur';
  const boundary = boundaryMonths(request.today);
  const { filters, filterParams } = filtersOf(plan);
  const selects: string[] = [];
  const params: SqlValue[] = [];
  const dayParts = boundary.map((month) => `${column[0]}${month}`);
  const select = (where: string, whereParams: SqlValue[], minus?: boolean) => {
    selects.push(
      `SELECT grp, MIN(label) AS label, string_agg(${column} || ':' || ${minus ? '-n' : 'n'}, ',') AS list FROM ${TALLY_TABLE}
       WHERE ${['dim = ?', where, ...filters].join(' AND ')} GROUP BY grp`,
    );
    params.push(plan.dim, ...whereParams, ...filterParams);
  };
  const marks = (values: unknown[]) => values.map(() => '?').join(', ');
  const plain = `part = '' AND ${column} NOT IN (${marks(boundary)})`;
  const plainParams = boundary.map((month) => `O${month}`);
  for (const period of request.periods) {
    if (period.point) {
      // One key range per part, each grouped in key order.
      select(`${period.sql} AND ${plain}`, [...period.params, ...plainParams], period.minus);
      for (const part of dayParts) select(`${period.sql} AND part = ?`, [...period.params, part], period.minus);
    } else {
      // A range of days is one walk over every part of those days: grouping needs a sort either way.
      select(`${period.sql} AND (${plain} OR part IN (${marks(dayParts)}))`, [...period.params, ...plainParams, ...dayParts], period.minus);
    }
  }
  const rows = await db.all<{ grp: string; label: string; list: string }>(selects.join(' UNION ALL '), params);
  const judge = standingJudge(request.today);
  const groups = new Map<string, TalliedGroup>();
  for (const row of rows) {
    let group = groups.get(row.grp);
    if (!group) groups.set(row.grp, (group = { key: row.grp, label: row.label, counts: emptyCounts() }));
    else if (row.label < group.label) group.label = row.label;
    addStandings(group.counts, row.list, judge);
  }
  const out: TalliedGroup[] = [];
  for (const group of groups.values()) {
    if (group.counts.total === 0 && !request.changes) continue;
    group.counts.onTimeRate = onTimeRate(group.counts);
    out.push(group);
  }
  return out;
}

/** Adds the standings of one "standing:n,…" list. */
function addStandings(counts: Counts, list: string, judge: ReturnType<typeof standingJudge>): void {
  let from = 0;
  while (from < list.length) {
    const comma = list.indexOf(',', from);
    const end = comma < 0 ? list.length : comma;
    const colon = list.lastIndexOf(':', end - 1);
    judge(counts, list.slice(from, colon), Number(list.slice(colon + 1, end)));
    from = end + 1;
  }
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
