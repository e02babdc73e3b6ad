import { Actor } from '@tdnv/domain';
import { Counts, DeadlineMode, standingSql } from './buckets';
import { reportConditions, ReportScope } from './report-rows.query';
import { accessRowSees } from './visibility';
import { SqlExecutor, SqlValue } from './sql-database';
import { BucketCount, bucketParams, bucketSql, countsPerGroup } from './standing-buckets.sql';

export type StatsGroupBy = 'agency' | 'notice' | 'month';

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
 * The tasks an actor's figures are counted over: an agency's come from its access rows (one walk of
 * the (agency, …) index, then its tasks by key), everyone else's from rm_tasks under the
 * visibility filter.
 */
export function countedTasks(
  actor: Actor,
  scope: ReportScope,
  options: { periodicOnly?: boolean } = {},
): { from: string; where: string[]; params: SqlValue[] } {
  if (actor.role !== 'agency' || !actor.agency) return { from: 'rm_tasks t', ...reportConditions(actor, scope) };
  const { where, params } = reportConditions(actor, scope, { visible: false });
  return {
    from: 'rm_task_access a CROSS JOIN rm_tasks t',
    where: ['a.agency = ?', ...(options.periodicOnly ? ['a.periodic = 1'] : []), 't.task_id = a.task_id', accessRowSees('a'), ...where],
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
  const due = request.deadline === 'original' ? 't.original_effective_due' : 't.effective_due';
  const rows = await db.all<BucketCount>(
    `SELECT ${GROUP_KEY[request.groupBy]} AS group_key, MIN(t.notice_number) AS label, ${bucketSql(standingSql(due))} AS b, COUNT(*) AS n
     FROM ${from} WHERE ${where.join(' AND ')} GROUP BY 1, 3`,
    [...bucketParams(request.today), ...params],
  );
  return [...countsPerGroup(rows).values()].map(({ key, label, counts }) => ({ key, notice_number: label, counts }));
}
