import { Actor } from '@tdnv/domain';
import { addCounts, addToCounts, DeadlineMode, emptyCounts } from './buckets';
import { reportConditions, reportRows, ReportScope } from './report-rows.query';
import { SqlExecutor, SqlValue } from './sql-database';
import { StatsGroupBy } from './stats-sql.query';
import { BucketCount, bucketParams, bucketSql, CountedGroup, countsPerGroup } from './standing-buckets.sql';
import { accessRowSees, seesEverything } from './visibility';

/** One group of figures counted over access rows: its key, the notice number (groupBy=notice), its counts. */
export type OwnGroup = CountedGroup;

/**
 * The group key of an access row (its copies of the task's lead, notice and assignment date): the
 * key rows are first counted by (`row`), and the group that key belongs to (`group`, over `k`).
 */
const ACCESS_KEY: Record<StatsGroupBy, { row: string; group: string }> = {
  agency: { row: 'a.lead', group: 'k' },
  notice: { row: 'a.notice_id', group: 'k' },
  month: { row: 'a.assigned_on', group: 'substr(k, 1, 7)' },
};

/**
 * Counts per group and bucket in two steps: the rows per (key, standings), then those counts per
 * group and bucket. The bucket CASE then runs once per distinct (key, standings), not per row, and
 * by month the first step follows the figures index ((agency, assigned_on, cur, orig, …): no sort).
 */
async function bucketsPerGroup(
  db: SqlExecutor,
  groupBy: StatsGroupBy,
  standing: 'cur' | 'orig',
  conditions: string[],
  values: SqlValue[],
  today: string,
): Promise<Map<string, OwnGroup>> {
  const { row, group } = ACCESS_KEY[groupBy];
  // Only a notice's group has a label (its number); the others are named from their key.
  const label = groupBy === 'notice' ? 'MIN(a.notice_number)' : "''";
  const rows = await db.all<BucketCount>(
    `SELECT ${group} AS group_key, MIN(label) AS label, ${bucketSql(standing)} AS b, SUM(n) AS n
     FROM (SELECT ${row} AS k, ${label} AS label, a.cur AS cur, a.orig AS orig, COUNT(*) AS n
           FROM rm_task_access a WHERE ${conditions.join(' AND ')} GROUP BY ${row}, a.cur, a.orig) c
     GROUP BY 1, 3`,
    [...bucketParams(today), ...values],
  );
  return countsPerGroup(rows);
}

/**
 * Whose access rows answer a request: an agency's own (the tasks it sees), or, for anyone else
 * asking about one lead (`agency=X`), the rows X holds as lead, under the asker's sight.
 */
function accessRowsOf(actor: Actor, scope: ReportScope): { agency: string; where: string[] } | undefined {
  if (actor.role === 'agency') return actor.agency ? { agency: actor.agency, where: [accessRowSees('a')] } : undefined;
  if (!scope.agency) return undefined;
  return { agency: scope.agency, where: ['a.is_lead = 1', ...(seesEverything(actor) ? [] : ['a.confidential = 0'])] };
}

/**
 * Figures counted over access rows: an agency's own, or one lead's (accessRowsOf), now or as of an
 * instant, per group; `undefined` when the request is neither. The access rows carry each task's
 * standings (task-access.ts), so the database sums one walk of one agency's rows, with no join to
 * rm_tasks. As of an instant, a row unchanged since then (`changed_at`) is what it was then and is
 * summed the same way; only the tasks changed since, and those led before a reassignment, are
 * rebuilt from their history (report-rows.query.ts) and judged as they were then.
 */
export async function accessRowGroups(
  db: SqlExecutor,
  actor: Actor,
  request: ReportScope & { groupBy: StatsGroupBy; deadline: DeadlineMode; today: string },
): Promise<OwnGroup[] | undefined> {
  const rowsOf = accessRowsOf(actor, request);
  if (!rowsOf) return undefined;
  // The scope on the access row's copies of the task's columns.
  const { where, params } = reportConditions(actor, request, { visible: false, alias: 'a' });
  const standing = request.deadline === 'original' ? 'orig' : 'cur';
  const conditions = ['a.agency = ?', ...rowsOf.where, ...where];
  const values: SqlValue[] = [rowsOf.agency, ...params];
  if (request.asOf) {
    conditions.push('a.changed_at <= ?');
    values.push(request.asOf);
  }
  const groups = await bucketsPerGroup(db, request.groupBy, standing, conditions, values, request.today);
  if (!request.asOf) return [...groups.values()];
  const changed = new Map<string, OwnGroup>();
  for (const row of await reportRows(db, actor, request, { changedOnly: true })) {
    const key = request.groupBy === 'agency' ? row.lead : request.groupBy === 'notice' ? row.notice_id : row.assigned_on.slice(0, 7);
    let group = changed.get(key);
    if (!group) changed.set(key, (group = { key, label: row.notice_number, counts: emptyCounts() }));
    addToCounts(group.counts, row, request.today, request.deadline);
  }
  for (const [key, group] of changed) {
    const base = groups.get(key);
    if (base) addCounts(base.counts, group.counts);
    else groups.set(key, group);
  }
  return [...groups.values()];
}
