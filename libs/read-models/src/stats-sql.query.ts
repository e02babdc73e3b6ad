import { addDays } from '@tdnv/calendar';
import { Actor, OPEN_STATUSES } from '@tdnv/domain';
import { BUCKETS, Counts, DeadlineMode, onTimeRate, PERIODIC_KIND } from './buckets';
import { reportConditions, ReportScope } from './report-rows.query';
import { accessRowSees } from './visibility';
import { SqlExecutor, SqlValue } from './sql-database';

/** The domain's open states as an SQL list (constants, not input). */
const OPEN_SQL = OPEN_STATUSES.map((s) => `'${s}'`).join(', ');

export type StatsGroupBy = 'agency' | 'notice' | 'month';

/** One group's counts as the database returns them (PostgreSQL gives SUM as text). */
export type CountRow = Record<(typeof BUCKETS)[number] | 'total' | 'over30' | 'over60' | 'over120', number | string> & {
  group_key: string;
  notice_number: string;
};

/**
 * Group keys. Agency and notice are expressions on purpose: on a bare column SQLite groups by
 * walking that column's index and fetching every row in index order (random reads over the whole
 * table); with an expression it scans the table in storage order and sorts the keys (about 1.6 s
 * instead of 2.2 s at 1,000,000 tasks in bench/read-models.bench.ts).
 */
export const GROUP_KEY: Record<StatsGroupBy, string> = {
  agency: "(t.lead || '')",
  notice: "(t.notice_id || '')",
  month: 'substr(t.assigned_on, 1, 7)',
};

/**
 * `bucketOf` (buckets.ts) as SQL sums, so today's figures are counted by the database instead of
 * bringing 1,000,000 rows into memory. Parameters, in order: today twice, then the three ageing
 * cut-offs (a task overdue since before `today - n days` is more than n days overdue).
 */
function bucketSums(mode: DeadlineMode): string {
  const due = mode === 'original' ? 't.original_effective_due' : 't.effective_due';
  // An open periodic duty is a standing duty (buckets.ts PERIODIC_KIND), whatever its current period's date.
  const periodic = `t.status IN (${OPEN_SQL}) AND t.due_kind = '${PERIODIC_KIND}'`;
  const open = `t.status IN (${OPEN_SQL}) AND ${due} IS NOT NULL AND t.due_kind <> '${PERIODIC_KIND}'`;
  const done = `t.status = 'completed' AND ${due} IS NOT NULL`;
  const onTime = `t.completed_on IS NOT NULL AND t.completed_on <= ${due}`;
  const sum = (condition: string, name: string) => `SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END) AS ${name}`;
  return [
    sum("t.status = 'cancelled'", 'cancelled'),
    sum(`t.status <> 'cancelled' AND (${due} IS NULL OR ${periodic})`, 'no_deadline'),
    sum(`${done} AND ${onTime}`, 'done_on_time'),
    sum(`${done} AND NOT (${onTime})`, 'done_late'),
    sum(`${open} AND ? > ${due}`, 'open_overdue'),
    sum(`${open} AND ? <= ${due}`, 'open_on_time'),
    sum(`${open} AND ${due} < ?`, 'over30'),
    sum(`${open} AND ${due} < ?`, 'over60'),
    sum(`${open} AND ${due} < ?`, 'over120'),
    'COUNT(*) AS total',
  ].join(', ');
}

export function countsOf(row: CountRow): Counts {
  const n = (value: number | string) => Number(value ?? 0);
  const counts = {
    done_on_time: n(row.done_on_time),
    done_late: n(row.done_late),
    open_on_time: n(row.open_on_time),
    open_overdue: n(row.open_overdue),
    no_deadline: n(row.no_deadline),
    cancelled: n(row.cancelled),
    total: n(row.total),
    onTimeRate: null,
    overdueAgeing: { over30: n(row.over30), over60: n(row.over60), over120: n(row.over120) },
  };
  return { ...counts, onTimeRate: onTimeRate(counts) };
}

/**
 * The tasks an actor's figures are counted over: an agency's come from its access rows (one walk of
 * the (agency, …) index, then its tasks by key), everyone else's from rm_tasks under the
 * visibility filter.
 */
export function countedTasks(actor: Actor, scope: ReportScope): { from: string; where: string[]; params: SqlValue[] } {
  if (actor.role !== 'agency' || !actor.agency) return { from: 'rm_tasks t', ...reportConditions(actor, scope) };
  const { where, params } = reportConditions(actor, scope, { visible: false });
  return {
    from: 'rm_task_access a CROSS JOIN rm_tasks t',
    where: ['a.agency = ?', 't.task_id = a.task_id', accessRowSees('a'), ...where],
    params: [actor.agency, ...params],
  };
}

/** Today's counts per group, in the database, for what the counters cannot answer (stats.query.ts). */
export async function countGroups(
  db: SqlExecutor,
  actor: Actor,
  request: ReportScope & { groupBy: StatsGroupBy; deadline: DeadlineMode; today: string },
): Promise<{ key: string; notice_number: string; counts: Counts }[]> {
  const { from, where, params } = countedTasks(actor, request);
  const today = request.today;
  const head: SqlValue[] = [today, today, addDays(today, -30), addDays(today, -60), addDays(today, -120)];
  const key = GROUP_KEY[request.groupBy];
  const rows = await db.all<CountRow>(
    `SELECT ${key} AS group_key, MIN(t.notice_number) AS notice_number, ${bucketSums(request.deadline)}
     FROM ${from} WHERE ${where.join(' AND ')} GROUP BY ${key}`,
    [...head, ...params],
  );
  return rows.map((row) => ({ key: row.group_key, notice_number: row.notice_number, counts: countsOf(row) }));
}
