import { currentOccurrence, DeadlinePolicy, isOpen, OccurrenceRecord, Task } from '@tdnv/domain';
import { physical } from './projection';
import { Dialect, insertRows, SqlExecutor, SqlValue } from './sql-database';
import { effectiveDueOf } from './task-row';

/**
 * rm_task_occurrences: one row per period of a periodic duty (task id, period), as the task's fold
 * holds it (Task.occurrences), with its effective due date and `closed_at`: when VPCP completed or
 * cancelled the series while this period was still open, the period is no longer owed from then on.
 * The periodic-report figures of /stats are SQL sums over it (periodic-reports.query.ts).
 */
export const OCCURRENCES_TABLE = 'rm_task_occurrences';

export const OCCURRENCE_COLUMNS = [
  'task_id',
  'period',
  'due',
  'effective_due',
  'reported_at',
  'reported_on',
  'on_time',
  'missed',
  'closed_at',
] as const;

export function occurrenceTablesDdl(generation: number, dialect: Dialect): string[] {
  const clustered = dialect === 'sqlite' ? ' WITHOUT ROWID' : '';
  return [
    `CREATE TABLE ${physical(OCCURRENCES_TABLE, generation)} (
      task_id TEXT NOT NULL, period TEXT NOT NULL, due TEXT NOT NULL, effective_due TEXT NOT NULL, reported_at TEXT,
      reported_on TEXT, on_time INTEGER, missed INTEGER NOT NULL, closed_at TEXT, PRIMARY KEY (task_id, period))${clustered}`,
  ];
}

/** The figures of a period asked for are a range of effective due dates. */
export function occurrenceIndexesDdl(generation: number): string[] {
  const table = physical(OCCURRENCES_TABLE, generation);
  return [`CREATE INDEX ${table}_due ON ${table} (effective_due, task_id)`];
}

export function occurrenceRowValues(taskId: string, o: OccurrenceRecord, policy: DeadlinePolicy, closedAt: string | null): SqlValue[] {
  return [
    taskId,
    o.period,
    o.due,
    effectiveDueOf(policy, o.due),
    o.reportedAt ?? null,
    o.reportedOn ?? null,
    o.onTime === undefined ? null : o.onTime ? 1 : 0,
    o.missed ? 1 : 0,
    closedAt,
  ];
}

/**
 * The occurrence rows one batch of events changed. The fold replaces only the occurrences an event
 * changes (and appends the next one), so an unchanged occurrence is the same object before and after.
 */
export class OccurrenceBatch {
  private readonly rows = new Map<string, SqlValue[]>();

  constructor(private readonly policy: DeadlinePolicy) {}

  change(before: Task | undefined, after: Task, occurredAt: string): void {
    if (!after.occurrences?.length) return;
    const old = new Set(before?.occurrences ?? []);
    // The series ended (completed or cancelled) with this period open: from now on it is not owed.
    const closing = before !== undefined && isOpen(before) && !isOpen(after) ? currentOccurrence(before) : undefined;
    for (const o of after.occurrences) {
      const closed = closing !== undefined && o.period === closing.period;
      if (old.has(o) && !closed) continue;
      this.rows.set(`${after.taskId}\u0000${o.period}`, occurrenceRowValues(after.taskId, o, this.policy, closed ? occurredAt : null));
    }
  }

  /** The rows to write, in OCCURRENCE_COLUMNS order. */
  changed(): SqlValue[][] {
    return [...this.rows.values()];
  }

  /** Upserts the changed rows; a period once closed stays closed (a later event does not reopen it). */
  async write(tx: SqlExecutor, generation: number): Promise<void> {
    if (this.rows.size === 0) return;
    const table = physical(OCCURRENCES_TABLE, generation);
    const set = OCCURRENCE_COLUMNS.slice(2)
      .map((c) => (c === 'closed_at' ? `closed_at = COALESCE(excluded.closed_at, ${table}.closed_at)` : `${c} = excluded.${c}`))
      .join(', ');
    await insertRows(tx, table, OCCURRENCE_COLUMNS, this.changed(), `ON CONFLICT (task_id, period) DO UPDATE SET ${set}`);
  }
}
