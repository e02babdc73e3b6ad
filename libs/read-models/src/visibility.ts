import { maySee, SEE, Actor } from '@tdnv/domain';
import { SqlValue } from './sql-database';

export interface SqlFilter {
  sql: string;
  params: SqlValue[];
}

/**
 * The authorization policy (libs/domain access.policy.ts) as SQL over rm_tasks `t` and
 * rm_task_access. Nothing here restates who sees what: the conditions are built from the SEE
 * table, and a spec checks them against `maySee` on every kind of row.
 */
const roleSight = (actor: Actor) => (actor.role === 'agency' ? undefined : SEE[actor.role]);

export const seesEverything = (actor: Actor): boolean => roleSight(actor) === 'all';

/**
 * On an rm_task_access row `alias`: the agency of the row sees the task. The projection stored the
 * policy's own answer (maySee) in `sees` (task-access.ts), so this is an equality an index can start with.
 */
export const accessRowSees = (alias: string): string => `${alias}.sees = 1`;

export function visibilityFilter(actor: Actor): SqlFilter {
  const sight = roleSight(actor);
  if (sight === 'all') return { sql: '1 = 1', params: [] };
  if (sight === 'public') return { sql: 't.confidential = 0', params: [] };
  if (actor.role === 'agency' && actor.agency) {
    return {
      sql: `t.task_id IN (SELECT a.task_id FROM rm_task_access a WHERE a.agency = ? AND ${accessRowSees('a')})`,
      params: [actor.agency],
    };
  }
  return { sql: '1 = 0', params: [] };
}

/** The same rule for one row in memory (asOf rows, progress pages): the policy itself. */
export function maySeeRow(
  actor: Actor,
  row: { lead: string; confidential: number | boolean; coordinators: string; delegated_by: string | null },
): boolean {
  return maySee(actor, {
    lead: row.lead,
    confidential: Boolean(Number(row.confidential)),
    coordinators: JSON.parse(row.coordinators) as string[],
    delegatedBy: row.delegated_by,
  });
}
