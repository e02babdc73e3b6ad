import { describeRecurrence, Recurrence } from '@tdnv/domain';
import { formatPeriod } from '@tdnv/notifications';
import { vnDate } from './appendix-cells';
import { PERIODIC_KIND } from './buckets';
import { periodsCounted } from './periodic-reports.query';
import { ReportRow } from './report-rows.query';
import { SqlExecutor } from './sql-database';

/** How a periodic duty's last period stood on the appendix's day. */
export interface LastPeriod {
  period: string;
  /** Reported by then: on time or not; undefined: not reported (its due date has passed). */
  onTime?: boolean;
  reportedOn?: string;
}

/** What the appendix says of one periodic duty: its rhythm and its last period counted. */
export interface PeriodicFacts {
  recurrence: Recurrence;
  last?: LastPeriod;
}

/** "đã báo cáo đúng hạn", "báo cáo muộn (ngày 09/12/2026)", "chưa báo cáo". */
export function lastPeriodStatus(last: LastPeriod): string {
  if (last.onTime === undefined) return 'chưa báo cáo';
  if (last.onTime) return 'đã báo cáo đúng hạn';
  return last.reportedOn ? `báo cáo muộn (ngày ${vnDate(last.reportedOn)})` : 'báo cáo muộn';
}

/**
 * "Thời gian hoàn thành" of a periodic duty: its rhythm ("Hằng tháng, trước ngày 05"), then the last
 * period counted ("Kỳ 11/2026: đã báo cáo đúng hạn"); for a duty given to several agencies, how many
 * reported that period on time, late, or not. Undefined when none of the tasks is periodic.
 */
export function periodicDeadlineCell(tasks: readonly ReportRow[], facts: ReadonlyMap<string, PeriodicFacts>): string | undefined {
  const known = tasks.map((t) => facts.get(t.task_id)).filter((f): f is PeriodicFacts => f !== undefined);
  if (known.length === 0) return undefined;
  const rhythm = describeRecurrence(known[0].recurrence);
  const lasts = known.map((f) => f.last).filter((l): l is LastPeriod => l !== undefined);
  if (lasts.length === 0) return rhythm;
  const period = lasts.map((l) => l.period).sort((a, b) => a.localeCompare(b))[lasts.length - 1];
  const ofPeriod = lasts.filter((l) => l.period === period);
  if (known.length === 1) return `${rhythm}\nKỳ ${formatPeriod(period)}: ${lastPeriodStatus(ofPeriod[0])}`;
  const count = (onTime: boolean | undefined) => ofPeriod.filter((l) => l.onTime === onTime).length;
  const parts = [
    [count(true), 'đã báo cáo đúng hạn'],
    [count(false), 'báo cáo muộn'],
    [count(undefined), 'chưa báo cáo'],
  ] as const;
  const said = parts.filter(([n]) => n > 0).map(([n, what]) => `${n} cơ quan ${what}`);
  return `${rhythm}\nKỳ ${formatPeriod(period)}: ${said.join(', ')}`;
}

interface OccurrenceRow {
  task_id: string;
  period: string;
  reported_on: string | null;
  on_time: number | string | null;
}

/**
 * The rhythm and last period counted (periodic-reports.query.ts `periodsCounted`: due by the day, or
 * reported by then) of the periodic duties among `rows`, now or as of `asOf`. The rhythm is today's.
 */
export async function periodicFactsOf(
  db: SqlExecutor,
  rows: readonly ReportRow[],
  at: { asOf?: string; today: string },
): Promise<Map<string, PeriodicFacts>> {
  const ids = rows.filter((r) => r.due_kind === PERIODIC_KIND).map((r) => r.task_id);
  const facts = new Map<string, PeriodicFacts>();
  const { reported, reportedParams, where, params } = periodsCounted({ asOf: at.asOf, today: at.today });
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const marks = chunk.map(() => '?').join(', ');
    const states = await db.all<{ task_id: string; state: string }>(
      `SELECT task_id, state FROM rm_tasks WHERE task_id IN (${marks})`,
      chunk,
    );
    for (const { task_id, state } of states) {
      const recurrence = (JSON.parse(state) as { deadline?: { recurrence?: Recurrence } }).deadline?.recurrence;
      if (recurrence) facts.set(task_id, { recurrence });
    }
    const periods = await db.all<OccurrenceRow>(
      `SELECT o.task_id, o.period, CASE WHEN ${reported} THEN o.reported_on END AS reported_on, CASE WHEN ${reported} THEN o.on_time END AS on_time
       FROM rm_tasks t JOIN rm_task_occurrences o ON o.task_id = t.task_id
       WHERE t.task_id IN (${marks}) AND ${where.join(' AND ')} ORDER BY o.task_id, o.effective_due`,
      [...reportedParams, ...reportedParams, ...chunk, ...params],
    );
    // Ordered by due date: the last row of a task is its last period counted.
    for (const row of periods) {
      const f = facts.get(row.task_id);
      if (!f) continue;
      const onTime = row.on_time === null ? undefined : Number(row.on_time) === 1;
      f.last = {
        period: row.period,
        ...(onTime === undefined ? {} : { onTime }),
        ...(row.reported_on ? { reportedOn: row.reported_on } : {}),
      };
    }
  }
  return facts;
}
