import { Task } from '@tdnv/domain';
import { SqlValue } from './sql-database';

/** Columns of `rm_task_access`, in insert order. */
export const ACCESS_COLUMNS = [
  'task_id',
  'agency',
  'is_lead',
  'is_coordinator',
  'is_delegator',
  'confidential',
  'open_rank',
  'due_key',
] as const;

/** The inbox sort key of a task, as stored in rm_tasks (`due` sort: open first, then deadline). */
export interface InboxKey {
  openRank: number;
  dueKey: string;
}

/**
 * One row per agency that sees the task. An agency that both coordinates and delegated a task has
 * one row with both flags, so its inbox lists the task once. The sort key is copied from the task
 * row and rewritten whenever the task row is.
 */
export function accessRowValues(task: Task, key: InboxKey): SqlValue[][] {
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
  const confidential = task.confidential ? 1 : 0;
  return [...relations].map(([agency, [lead, coordinator, delegator]]) => [
    task.taskId,
    agency,
    lead,
    coordinator,
    delegator,
    confidential,
    key.openRank,
    key.dueKey,
  ]);
}
