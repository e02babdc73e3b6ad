import { maySee, Task } from '@tdnv/domain';
import { standingOf } from './buckets';
import { SqlValue } from './sql-database';
import { TASK_COLUMNS } from './task-row';

/** Columns of `rm_task_access`, in insert order. */
export const ACCESS_COLUMNS = [
  'agency',
  'task_id',
  'is_lead',
  'is_coordinator',
  'is_delegator',
  'confidential',
  'sees',
  'open_rank',
  'due_key',
  'lead',
  'notice_id',
  'notice_number',
  'assigned_on',
  'cur',
  'orig',
  'changed_at',
  'periodic',
] as const;

/** The columns of a task's rm_tasks row its access rows copy (the inbox key and what the stats count by). */
const COPIED = ['open_rank', 'due_key', 'lead', 'notice_id', 'notice_number', 'assigned_on'] as const;
const COPIED_AT = COPIED.map((column) => TASK_COLUMNS.indexOf(column));
const AT = Object.fromEntries(TASK_COLUMNS.map((column, i) => [column, i])) as Record<(typeof TASK_COLUMNS)[number], number>;

/** The standing (buckets.ts standingOf) of an rm_tasks row under each deadline mode. */
function standingsOfRow(row: readonly SqlValue[]): [cur: string, orig: string] {
  const input = {
    status: row[AT.status] as string,
    effective_due: row[AT.effective_due] as string | null,
    original_effective_due: row[AT.original_effective_due] as string | null,
    completed_on: row[AT.completed_on] as string | null,
    due_kind: row[AT.due_kind] as string,
  };
  return [standingOf(input, 'current'), standingOf(input, 'original')];
}

/**
 * Whether two states of a task have the same access rows (but for `changed_at`). An event that
 * leaves them as they were (progress, a comment, an extension request) does not rewrite the rows.
 */
export function sameAccessFacts(a: Task, b: Task): boolean {
  return (
    a.lead === b.lead &&
    a.status === b.status &&
    a.deadline.due === b.deadline.due &&
    a.deadline.kind === b.deadline.kind &&
    Boolean(a.deadline.recurrence) === Boolean(b.deadline.recurrence) &&
    a.originalDeadline.due === b.originalDeadline.due &&
    (a.completed?.reportedOn ?? null) === (b.completed?.reportedOn ?? null) &&
    a.confidential === b.confidential &&
    (a.delegatedBy ?? null) === (b.delegatedBy ?? null) &&
    a.coordinators.length === b.coordinators.length &&
    a.coordinators.every((code, i) => code === b.coordinators[i]) &&
    a.noticeId === b.noticeId &&
    a.noticeNumber === b.noticeNumber &&
    a.assignedAt === b.assignedAt &&
    isPeriodic(a) === isPeriodic(b)
  );
}

/** A task with periods of a periodic duty (rm_task_occurrences rows): an agency's periodic reports walk only these. */
const isPeriodic = (task: Task): number => (task.occurrences?.length ? 1 : 0);

/** lead, coordinator, delegator flags per agency with a relation to the task (one row each). */
function relationsOf(task: Task): Map<string, [lead: number, coordinator: number, delegator: number]> {
  const relations = new Map<string, [lead: number, coordinator: number, delegator: number]>();
  const flags = (agency: string) => {
    let entry = relations.get(agency);
    if (!entry) relations.set(agency, (entry = [0, 0, 0]));
    return entry;
  };
  flags(task.lead)[0] = 1;
  // A lead listed among the coordinators is only the lead (as before: it sees the task as its own).
  for (const agency of task.coordinators) if (agency !== task.lead) flags(agency)[1] = 1;
  if (task.delegatedBy && task.delegatedBy !== task.lead) flags(task.delegatedBy)[2] = 1;
  return relations;
}

/** The agencies whose access rows a task state has: the keys to delete them by. */
export const accessAgenciesOf = (task: Task): string[] => [...relationsOf(task).keys()];

/**
 * One row per agency that has a relation with the task (lead, coordinator, delegator). An agency
 * that both coordinates and delegated a task has one row with both flags, so its inbox lists the
 * task once.
 *
 * `sees` is the authorization policy's answer (maySee) for that agency, decided here once per row,
 * so an inbox and an agency's figures are one range of the (agency, sees, …) keys. The row also
 * copies what an agency's /stats count by (lead, notice, assignment date, the standings under both
 * deadline modes) and when those facts last changed (`changed_at`: the time of the latest event that
 * changed them: sameAccessFacts): an agency's figures are one walk of its own rows, with no join to rm_tasks,
 * and as of a past instant only the rows changed since need their history. `periodic` marks a task with
 * periods of a periodic duty, so an agency's periodic reports read those rows only. Rewritten when the facts change.
 */
export function accessRowValues(task: Task, row: readonly SqlValue[], changedAt: string): SqlValue[][] {
  const relations = relationsOf(task);
  const confidential = task.confidential ? 1 : 0;
  const copied = COPIED_AT.map((i) => row[i]);
  const [cur, orig] = standingsOfRow(row);
  return [...relations].map(([agency, [lead, coordinator, delegator]]) => [
    agency,
    task.taskId,
    lead,
    coordinator,
    delegator,
    confidential,
    maySee({ id: agency, role: 'agency', agency }, task) ? 1 : 0,
    ...copied,
    cur,
    orig,
    changedAt,
    isPeriodic(task),
  ]);
}
