import { Actor, SEE } from '@tdnv/domain';
import { addStanding, Counts, DeadlineMode, emptyCounts } from './buckets';
import { ReportScope } from './report-rows.query';
import { SqlExecutor, SqlValue } from './sql-database';
import type { StatsGroupBy } from './stats-sql.query';
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
async function periodsAt(db: SqlExecutor, day: string | undefined): Promise<{ sql: string; params: SqlValue[] }[]> {
  if (!day) return [{ sql: 'period = ?', params: ['*'] }];
  const month = day.slice(0, 7);
  const [start] = await db.all<{ month: string | null }>(`SELECT MAX(month) AS month FROM ${TALLY_MONTHS_TABLE} WHERE month <= ?`, [
    previousMonth(month),
  ]);
  const days = { sql: 'period >= ? AND period <= ?', params: [`D${month}-01`, `D${day}`] };
  return start?.month ? [{ sql: 'period = ?', params: [`S${start.month}`] }, days] : [days];
}

interface TallyRow {
  grp: string;
  label: string;
  standing: string;
  n: number | string;
}

export interface TalliedGroup {
  key: string;
  label: string;
  counts: Counts;
}

/**
 * Counts per group from the counters: now, or at the end of `asOfDay`. Standings that sum to zero
 * (a task that moved to another group within the days summed) are left out, so a group appears
 * only with tasks in it, as when the rows are counted.
 */
export async function countFromTally(
  db: SqlExecutor,
  plan: TallyPlan,
  request: { deadline: DeadlineMode; today: string; asOfDay?: string },
): Promise<TalliedGroup[]> {
  const standing = request.deadline === 'original' ? 'orig' : 'cur';
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
  const parts: string[] = [];
  const params: SqlValue[] = [];
  for (const period of await periodsAt(db, request.asOfDay)) {
    parts.push(
      `SELECT grp, label, ${standing} AS standing, n FROM ${TALLY_TABLE} WHERE ${['dim = ?', period.sql, ...filters].join(' AND ')}`,
    );
    params.push(plan.dim, ...period.params, ...filterParams);
  }
  const rows = await db.all<TallyRow>(
    `SELECT grp, MIN(label) AS label, standing, SUM(n) AS n FROM (${parts.join(' UNION ALL ')}) c GROUP BY grp, standing`,
    params,
  );
  const groups = new Map<string, TalliedGroup>();
  for (const row of rows) {
    const n = Number(row.n);
    if (n === 0) continue;
    let group = groups.get(row.grp);
    if (!group) groups.set(row.grp, (group = { key: row.grp, label: row.label, counts: emptyCounts() }));
    addStanding(group.counts, row.standing, n, request.today);
  }
  return [...groups.values()];
}
