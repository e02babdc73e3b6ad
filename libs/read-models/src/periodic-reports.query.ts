import { Actor } from '@tdnv/domain';
import { ReportScope } from './report-rows.query';
import { SqlExecutor, SqlValue } from './sql-database';
import { countedTasks, GROUP_KEY, StatsGroupBy } from './stats-sql.query';

/**
 * Periodic reports (báo cáo định kỳ) of the periods asked for: the periods of periodic duties whose
 * effective due date falls in the range and has come by the day judged on. `due` = `onTime` +
 * `late` + `missing`: a period due today and not yet reported is not counted until it is reported
 * or its day is over; one reported before its due date is counted as soon as it is reported.
 */
export interface PeriodicReportCounts {
  due: number;
  onTime: number;
  late: number;
  missing: number;
}

export const emptyPeriodicCounts = (): PeriodicReportCounts => ({ due: 0, onTime: 0, late: 0, missing: 0 });

export function addPeriodicCounts(to: PeriodicReportCounts, from: PeriodicReportCounts): void {
  to.due += from.due;
  to.onTime += from.onTime;
  to.late += from.late;
  to.missing += from.missing;
}

export interface PeriodicReportsRequest extends ReportScope {
  groupBy: StatsGroupBy;
  /** The local day periods are judged on (today, or the day of `asOf`). */
  today: string;
}

/**
 * The periods counted on a day (as conditions on `o`, rm_task_occurrences, and `t`, rm_tasks): due
 * by then (or reported), of a task assigned by then, still owed then. `reported` is the condition
 * "reported by then", with its parameters.
 */
export function periodsCounted(at: { asOf?: string; today: string; from?: string; to?: string }): {
  reported: string;
  reportedParams: SqlValue[];
  where: string[];
  params: SqlValue[];
} {
  const asOf = at.asOf;
  const reported = asOf ? 'o.reported_at <= ?' : 'o.reported_at IS NOT NULL';
  const reportedParams: SqlValue[] = asOf ? [asOf] : [];
  const where: string[] = [];
  const params: SqlValue[] = [];
  const add = (sql: string, ...values: SqlValue[]): void => {
    where.push(sql);
    params.push(...values);
  };
  if (asOf) add('t.assigned_at <= ?', asOf);
  if (asOf) add('(o.closed_at IS NULL OR o.closed_at > ?)', asOf);
  else add('o.closed_at IS NULL');
  add(`(${reported} OR o.effective_due < ?)`, ...reportedParams, at.today);
  if (at.from) add('o.effective_due >= ?', at.from);
  if (at.to) add('o.effective_due <= ?', at.to);
  return { reported, reportedParams, where, params };
}

interface Row {
  group_key: string;
  notice_number: string;
  on_time: number | string | null;
  late: number | string | null;
  missing: number | string | null;
}

/**
 * The figures per group of /stats (same grouping, visibility and notice / agency filters as the
 * tasks'), summed by the database over rm_task_occurrences. `from`/`to` bound the periods' effective
 * due dates (the period asked for), not the tasks' assignment. As of an instant, a report counts
 * when it was recorded by then, a task when it was assigned by then, and a period the series no
 * longer owed (closed by completing or cancelling the series) only when it closed after then; the
 * task's group and visibility are today's.
 */
export async function periodicReportCounts(
  db: SqlExecutor,
  actor: Actor,
  request: PeriodicReportsRequest,
): Promise<{ key: string; notice_number: string; counts: PeriodicReportCounts }[]> {
  // An agency's: its periodic duties only (the access rows' partial index), then their periods.
  const { from, where, params } = countedTasks(actor, { ...request, from: undefined, to: undefined }, { periodicOnly: true });
  const { reported, reportedParams, where: periods, params: periodParams } = periodsCounted(request);
  // Walked from the periods (a range of due dates), or from an agency's access rows, never from every
  // task: CROSS JOIN keeps SQLite's join order as written.
  const joined = from === 'rm_tasks t' ? `rm_task_occurrences o CROSS JOIN ${from}` : `${from} CROSS JOIN rm_task_occurrences o`;
  const key = GROUP_KEY[request.groupBy];
  const rows = await db.all<Row>(
    `SELECT ${key} AS group_key, MIN(t.notice_number) AS notice_number,
       SUM(CASE WHEN ${reported} AND o.on_time = 1 THEN 1 ELSE 0 END) AS on_time,
       SUM(CASE WHEN ${reported} AND o.on_time = 0 THEN 1 ELSE 0 END) AS late,
       SUM(CASE WHEN ${reported} THEN 0 ELSE 1 END) AS missing
     FROM ${joined} WHERE ${['o.task_id = t.task_id', ...where, ...periods].join(' AND ')} GROUP BY ${key}`,
    [...reportedParams, ...reportedParams, ...reportedParams, ...params, ...periodParams],
  );
  return rows.map((row) => {
    const n = (value: number | string | null) => Number(value ?? 0);
    const counts = { onTime: n(row.on_time), late: n(row.late), missing: n(row.missing) };
    return {
      key: row.group_key,
      notice_number: row.notice_number,
      counts: { due: counts.onTime + counts.late + counts.missing, ...counts },
    };
  });
}
