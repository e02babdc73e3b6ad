import { evolveTask, TaskEvent, Task } from '@tdnv/domain';
import { StoredEvent } from '@tdnv/event-store';
import { physical, Projection, ProjectionContext } from './projection';
import { insertRows, SqlExecutor, SqlValue, upsertClause } from './sql-database';
import { TallyBatch } from './stats-tally';
import { writeTally } from './stats-tally.store';
import { ACCESS_COLUMNS, accessAgenciesOf, accessRowValues, sameAccessFacts } from './task-access';
import {
  changesHistory,
  countsAsUpdate,
  HISTORY_COLUMNS,
  STATE_COLUMNS,
  stateOf,
  TASK_COLUMNS,
  taskRowValues,
  historyRowValues,
  TaskTracking,
} from './task-row';
import { OccurrenceBatch } from './task-occurrences';
import { TASK_TABLES, taskIndexesDdl, taskTablesDdl } from './tasks.tables';

interface Entry extends TaskTracking {
  task: Task | undefined;
  /** The row was in the table when the batch began: its old access rows must go. */
  stored: boolean;
  /** The agencies of the access rows stored with it (accessAgenciesOf the state loaded). */
  storedAgencies?: string[];
  touched: boolean;
  /** When an event of this batch last changed what the access rows copy (sameAccessFacts). */
  factsChangedAt?: string;
}

interface StoredRow extends Record<(typeof STATE_COLUMNS)[number], string> {
  position: number | string;
  last_update_at: string;
  updated_at: string;
}

const FORMER_LEAD_COLUMNS = ['agency', 'task_id'] as const;

const isTaskEvent = (event: StoredEvent): boolean => event.stream.startsWith('task-');
const taskIdOf = (event: StoredEvent): string => event.stream.slice('task-'.length);

/** Loads the rows a batch touches, so the fold continues from the stored domain state. */
async function loadEntries(tx: SqlExecutor, table: string, ids: string[]): Promise<Map<string, Entry>> {
  const entries = new Map<string, Entry>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = await tx.all<StoredRow>(
      `SELECT position, last_update_at, updated_at, ${STATE_COLUMNS.join(', ')} FROM ${table} WHERE task_id IN (${chunk.map(() => '?').join(', ')})`,
      chunk,
    );
    for (const row of rows) {
      const task = stateOf(row);
      entries.set(row.task_id, {
        task,
        position: BigInt(row.position),
        lastUpdateAt: row.last_update_at,
        updatedAt: row.updated_at,
        stored: true,
        storedAgencies: accessAgenciesOf(task),
        touched: false,
      });
    }
  }
  return entries;
}

async function apply(tx: SqlExecutor, generation: number, events: StoredEvent[], context: ProjectionContext): Promise<void> {
  const tasks = physical('rm_tasks', generation);
  const taskEvents = events.filter(isTaskEvent);
  if (taskEvents.length === 0) return;
  const entries = await loadEntries(tx, tasks, [...new Set(taskEvents.map(taskIdOf))]);
  const history: SqlValue[][] = [];
  const formerLeads: SqlValue[][] = [];
  const tally = new TallyBatch(context);
  const occurrences = new OccurrenceBatch(context.policy);
  for (const event of taskEvents) {
    const id = taskIdOf(event);
    let entry = entries.get(id);
    if (!entry) {
      entry = { task: undefined, position: -1n, lastUpdateAt: '', updatedAt: '', stored: false, touched: false };
      entries.set(id, entry);
    }
    // The idempotency guard: this event (or a later one) is already in the row.
    if (event.position <= entry.position) continue;
    const before = entry.task;
    const task = evolveTask(before, event as unknown as TaskEvent);
    if (!task) continue;
    const occurredAt = event.metadata.occurredAt ?? event.recordedAt;
    entry.task = task;
    entry.position = event.position;
    // The latest event time folded in (an event recorded later with an earlier time does not move it back):
    // an agency's answer as of a past instant trusts the rows unchanged since (task-access.ts).
    if (occurredAt > entry.updatedAt) entry.updatedAt = occurredAt;
    if (countsAsUpdate(event.type)) entry.lastUpdateAt = occurredAt;
    entry.touched = true;
    if (before && before.lead !== task.lead) formerLeads.push([before.lead, id]);
    // The latest event time so far, not this event's own: never earlier than a change already written.
    if (!before || !sameAccessFacts(before, task)) entry.factsChangedAt = entry.updatedAt;
    tally.change(id, before, task, occurredAt);
    occurrences.change(before, task, occurredAt);
    if (changesHistory(event.type)) history.push(historyRowValues(task, event.position, occurredAt, context.policy));
  }
  const touched = [...entries.values()].filter((e) => e.touched && e.task);
  const rows = touched.map((e) => taskRowValues(e.task!, e, context.policy, context.timeZone));
  await insertRows(tx, tasks, TASK_COLUMNS, rows, upsertClause('task_id', TASK_COLUMNS));
  await insertRows(tx, physical('rm_task_history', generation), HISTORY_COLUMNS, history, 'ON CONFLICT (task_id, position) DO NOTHING');
  await rewriteAccess(tx, physical('rm_task_access', generation), touched, rows);
  await insertRows(
    tx,
    physical('rm_task_former_leads', generation),
    FORMER_LEAD_COLUMNS,
    formerLeads,
    'ON CONFLICT (agency, task_id) DO NOTHING',
  );
  await writeTally(tx, generation, tally.changes(), taskEvents[taskEvents.length - 1].position);
  await occurrences.write(tx, generation);
}

/**
 * Access rows copy facts of the task row (task-access.ts), so they are rewritten when an event of the
 * batch changed those facts. The stored rows are those of the state the batch started from (they are
 * rewritten whenever their agencies change), so they are deleted by their keys; a task that was not
 * stored before this batch has none (rows and access are written together).
 */
async function rewriteAccess(tx: SqlExecutor, access: string, touched: Entry[], rows: SqlValue[][]): Promise<void> {
  const changed = touched.flatMap((entry, i) => (entry.factsChangedAt ? [{ entry, row: rows[i] }] : []));
  const keys = changed.flatMap(({ entry }) => (entry.stored ? entry.storedAgencies!.map((agency) => [agency, entry.task!.taskId]) : []));
  for (let i = 0; i < keys.length; i += 500) {
    const chunk = keys.slice(i, i + 500);
    await tx.run(`DELETE FROM ${access} WHERE (agency, task_id) IN (VALUES ${chunk.map(() => '(?, ?)').join(', ')})`, chunk.flat());
  }
  const accessRows = changed.flatMap(({ entry, row }) => accessRowValues(entry.task!, row, entry.factsChangedAt!));
  await insertRows(tx, access, ACCESS_COLUMNS, accessRows);
}

/** Tasks: the inbox rows, who may see them, and their report history. */
export const tasksProjection: Projection = {
  name: 'tasks',
  // 3: access rows carry flags and the inbox sort key; `state` leaves out the fields held in columns. 5: role indexes.
  // 6: pending_extension column and the review-queue partial indexes. 7: the stats tallies. 8: an open periodic
  // duty counted as a standing duty, due_kind in the history, and the periods of periodic duties (rm_task_occurrences).
  // 9: a deadline with a rhythm is kept as `recurring`, whatever kind it was sent with. 10: access rows in
  // (agency, task) order with the policy's `sees` and what an agency's stats count by; former leads. 11: `sees`
  // in the inbox index, and the figures index (an agency's figures by month without a sort). 12: `periodic` on
  // the access rows (an agency's periodic reports walk its periodic duties only). 13: the month-end standings as one
  // list per group (rm_task_tally_ends) instead of counters.
  version: 13,
  tables: TASK_TABLES,
  ddl: taskTablesDdl,
  indexes: taskIndexesDdl,
  apply,
};
