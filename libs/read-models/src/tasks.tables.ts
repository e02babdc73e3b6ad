import { physical } from './projection';
import { Dialect } from './sql-database';
import { TALLY_DAYS_TABLE, TALLY_ENDS_TABLE, TALLY_MONTHS_TABLE, TALLY_TABLE, tallyTablesDdl } from './stats-tally.store';
import { OCCURRENCES_TABLE, occurrenceIndexesDdl, occurrenceTablesDdl } from './task-occurrences';

export const TASK_TABLES = [
  'rm_tasks',
  'rm_task_access',
  'rm_task_former_leads',
  'rm_task_history',
  TALLY_TABLE,
  TALLY_MONTHS_TABLE,
  TALLY_ENDS_TABLE,
  TALLY_DAYS_TABLE,
  OCCURRENCES_TABLE,
] as const;

/**
 * rm_tasks: one row per task, the inbox and dashboard source. rm_task_access: one row per agency
 * with a relation to a task (task-access.ts), kept in (agency, task_id) order, carrying the policy's
 * `sees`, a copy of the task's `due` sort key and what the stats count by: an agency's inbox is one
 * walk of an (agency, open_rank, due_key) index that stops after a page, and its figures one walk
 * of its own rows. rm_task_former_leads: (agency, task) for every lead a task was reassigned
 * away from, so an agency's answer as of a past instant finds the tasks it led then. rm_task_history: one row per
 * event that changed the task, with the fields a report shows, so an `asOf` answer needs no log scan.
 * rm_task_tally, rm_task_tally_months and rm_task_tally_days: the stats counters (stats-tally.ts). rm_task_occurrences: the
 * periods of periodic duties (task-occurrences.ts).
 */
export function taskTablesDdl(generation: number, dialect: Dialect): string[] {
  const tasks = physical('rm_tasks', generation);
  const access = physical('rm_task_access', generation);
  const history = physical('rm_task_history', generation);
  // SQLite: small rows found by their primary key live in that key's b-tree (one b-tree written per row, not two).
  const clustered = dialect === 'sqlite' ? ' WITHOUT ROWID' : '';
  return [
    `CREATE TABLE ${tasks} (
      task_id TEXT PRIMARY KEY, position BIGINT NOT NULL, notice_id TEXT NOT NULL, notice_number TEXT NOT NULL,
      directive_index INTEGER NOT NULL, text TEXT NOT NULL, search_text TEXT NOT NULL, lead TEXT NOT NULL,
      coordinators TEXT NOT NULL, delegated_by TEXT, parent_task_id TEXT, fanout TEXT, status TEXT NOT NULL,
      open_rank INTEGER NOT NULL, key_flag INTEGER NOT NULL, confidential INTEGER NOT NULL, due TEXT, due_phrase TEXT,
      due_kind TEXT NOT NULL, effective_due TEXT, due_key TEXT NOT NULL, original_due TEXT, original_phrase TEXT,
      original_effective_due TEXT, pending_due TEXT, pending_extension INTEGER NOT NULL, completed_on TEXT, result TEXT, result_kind TEXT, percent INTEGER,
      assigned_at TEXT NOT NULL, assigned_on TEXT NOT NULL, last_update_at TEXT NOT NULL, updated_at TEXT NOT NULL,
      state TEXT NOT NULL)`,
    `CREATE TABLE ${access} (
      agency TEXT NOT NULL, task_id TEXT NOT NULL, is_lead INTEGER NOT NULL, is_coordinator INTEGER NOT NULL,
      is_delegator INTEGER NOT NULL, confidential INTEGER NOT NULL, sees INTEGER NOT NULL, open_rank INTEGER NOT NULL,
      due_key TEXT NOT NULL, lead TEXT NOT NULL, notice_id TEXT NOT NULL, notice_number TEXT NOT NULL, assigned_on TEXT NOT NULL,
      cur TEXT NOT NULL, orig TEXT NOT NULL, changed_at TEXT NOT NULL, periodic INTEGER NOT NULL,
      PRIMARY KEY (agency, task_id))${clustered}`,
    `CREATE TABLE ${physical('rm_task_former_leads', generation)} (
      agency TEXT NOT NULL, task_id TEXT NOT NULL, PRIMARY KEY (agency, task_id))${clustered}`,
    `CREATE TABLE ${history} (
      task_id TEXT NOT NULL, position BIGINT NOT NULL, occurred_at TEXT NOT NULL, status TEXT NOT NULL, lead TEXT NOT NULL,
      due TEXT, due_phrase TEXT, effective_due TEXT, completed_on TEXT, result TEXT, due_kind TEXT NOT NULL,
      PRIMARY KEY (task_id, position))${clustered}`,
    ...tallyTablesDdl(generation, dialect),
    ...occurrenceTablesDdl(generation, dialect),
  ];
}

/**
 * Secondary indexes: the VPCP-wide inbox, an agency's inbox (all its tasks, or only those it leads
 * or coordinates: with the role in the index a role=… page is one range, even when the agency's
 * earliest deadlines all belong to the other role), reports per lead, progress per notice, and the
 * VPCP review queue (pending=extension|completion): partial indexes over the few tasks awaiting
 * review, in inbox order, so the queue never walks the whole inbox.
 */
export function taskIndexesDdl(generation: number): string[] {
  const tasks = physical('rm_tasks', generation);
  const access = physical('rm_task_access', generation);
  return [
    `CREATE INDEX ${tasks}_due ON ${tasks} (open_rank, due_key, task_id)`,
    `CREATE INDEX ${tasks}_lead ON ${tasks} (lead)`,
    `CREATE INDEX ${tasks}_notice ON ${tasks} (notice_id, directive_index)`,
    `CREATE INDEX ${tasks}_pending_extension ON ${tasks} (open_rank, due_key, task_id) WHERE pending_extension = 1`,
    `CREATE INDEX ${tasks}_pending_completion ON ${tasks} (open_rank, due_key, task_id) WHERE status = 'completion_reported'`,
    // An agency's inbox (filtered on `sees`: it skips only the few confidential tasks it coordinates)
    // and VPCP's view of one agency's tasks, both in the `due` order. `sees` last: the inbox filters
    // on it in the index, so a page reads no access row, only the tasks it lists.
    `CREATE INDEX ${access}_inbox ON ${access} (agency, open_rank, due_key, task_id, sees)`,
    // A lead always sees its task.
    `CREATE INDEX ${access}_leads ON ${access} (agency, is_lead, open_rank, due_key, task_id)`,
    // `sees` before the sort key: a role=coordinator page never steps over the thousands of
    // confidential tasks an agency coordinates without seeing them.
    `CREATE INDEX ${access}_coordinates ON ${access} (agency, is_coordinator, sees, open_rank, due_key, task_id)`,
    // An agency's figures by month (its own, or one lead's; now or as of an instant): one walk in
    // (assignment day, standings) order, so the database counts each day's standings as it goes, with
    // no sort. It holds every column such a count filters on, so it reads no access row either.
    `CREATE INDEX ${access}_figures ON ${access} (agency, assigned_on, cur, orig, sees, is_lead, confidential, changed_at, lead, notice_id)`,
    // An agency's periodic duties (its periodic reports in /stats): a few rows, not all of its 200,000 at 10M tasks;
    // `periodic` in the key too, so the planner prefers it to the primary key.
    `CREATE INDEX ${access}_periodic ON ${access} (agency, periodic) WHERE periodic = 1`,
    ...occurrenceIndexesDdl(generation),
  ];
}
