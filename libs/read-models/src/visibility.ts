import { Actor } from '../../domain/src/actor';
import { SqlValue } from './sql-database';

export interface SqlFilter {
  sql: string;
  params: SqlValue[];
}

export const seesEverything = (actor: Actor): boolean => actor.role === 'vpcp' || actor.role === 'admin' || actor.role === 'system';

/**
 * The role rules of `maySee` (libs/domain task.permissions) as SQL over rm_tasks `t`: VPCP sees
 * all; a viewer all but confidential tasks; an agency the tasks it leads, coordinates or
 * delegated, and a confidential one only when it is the lead.
 */
export function visibilityFilter(actor: Actor): SqlFilter {
  if (seesEverything(actor)) return { sql: '1 = 1', params: [] };
  if (actor.role === 'viewer') return { sql: 't.confidential = 0', params: [] };
  if (actor.role === 'agency' && actor.agency) {
    return {
      sql: '(t.lead = ? OR (t.confidential = 0 AND t.task_id IN (SELECT task_id FROM rm_task_access WHERE agency = ?)))',
      params: [actor.agency, actor.agency],
    };
  }
  return { sql: '1 = 0', params: [] };
}

/** The same rule for one row in memory (asOf rows, progress pages). */
export function maySeeRow(actor: Actor, row: { lead: string; confidential: number | boolean; coordinators: string; delegated_by: string | null }): boolean {
  if (seesEverything(actor)) return true;
  if (Number(row.confidential)) return actor.role === 'agency' && actor.agency === row.lead;
  if (actor.role === 'viewer') return true;
  if (actor.role !== 'agency' || !actor.agency) return false;
  return actor.agency === row.lead || actor.agency === row.delegated_by || (JSON.parse(row.coordinators) as string[]).includes(actor.agency);
}
