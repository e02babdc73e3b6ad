import { Actor } from '../actor';

/**
 * The one authorization policy (chính sách phân quyền): who may see a task, a notice or a report
 * row, and who may act with each kind of command. Everything else (the command handlers, the read
 * models' SQL, the exports, the reminders' recipients, the web app's buttons) asks this file.
 *
 * An actor stands in one or more relations to a task. Seeing is decided per relation by SEE: `all`
 * sees confidential tasks too, `public` only the others. Acting is decided by ACT, per kind of
 * command (the `who` of each row of the lifecycle table), and always needs seeing first: a
 * coordinator of a confidential task cannot write to it (issue 9, finding 3).
 */
export type Relation = 'vpcp' | 'system' | 'lead' | 'delegator' | 'coordinator' | 'viewer' | 'admin';

export type Sight = 'all' | 'public';

export const SEE: Readonly<Record<Relation, Sight>> = {
  vpcp: 'all',
  system: 'all',
  lead: 'all',
  // The agency that delegated a sub-task leads its parent and reviews the child, confidential or not.
  delegator: 'all',
  coordinator: 'public',
  viewer: 'public',
  // Admins manage users and agencies, not the Government's confidential directives (finding 8).
  admin: 'public',
};

/** Kinds of command by who issues them (the `who` column of TASK_RULES). */
export type Who = 'lead' | 'participant' | 'reviewer' | 'system';

export const ACT: Readonly<Record<Who, readonly Relation[]>> = {
  lead: ['vpcp', 'lead'],
  participant: ['vpcp', 'lead', 'coordinator'],
  // The delegating agency reviews its sub-tasks, within limits the decider checks (finding 4).
  reviewer: ['vpcp', 'delegator'],
  system: ['system'],
};

/** What the policy needs to know of a task: its current lead, coordinators and confidentiality. */
export interface AccessSubject {
  lead: string;
  coordinators: readonly string[];
  confidential: boolean;
  delegatedBy?: string | null;
}

export function relationsTo(actor: Actor, task: AccessSubject): Relation[] {
  switch (actor.role) {
    case 'vpcp':
    case 'system':
    case 'viewer':
    case 'admin':
      return [actor.role];
    case 'agency': {
      const code = actor.agency;
      if (!code) return [];
      const relations: Relation[] = [];
      if (task.lead === code) relations.push('lead');
      if (task.delegatedBy === code) relations.push('delegator');
      if (task.coordinators.includes(code)) relations.push('coordinator');
      return relations;
    }
  }
}

const sees = (relation: Relation, task: AccessSubject): boolean => SEE[relation] === 'all' || !task.confidential;

export function maySee(actor: Actor, task: AccessSubject): boolean {
  return relationsTo(actor, task).some((r) => sees(r, task));
}

/** Acting needs a relation that both sees the task and may issue this kind of command. */
export function mayAct(who: Who, actor: Actor, task: AccessSubject): boolean {
  return relationsTo(actor, task).some((r) => sees(r, task) && ACT[who].includes(r));
}

/** Acting as the delegating agency, not as VPCP: the decider then keeps the action within the parent's bounds. */
export const actsAsDelegator = (actor: Actor, task: AccessSubject): boolean =>
  actor.role === 'agency' && actor.agency !== undefined && task.delegatedBy === actor.agency && task.lead !== actor.agency;

/**
 * A notice is seen by whoever sees one of its tasks; VPCP sees every notice. Those who see it read
 * its public directives (the roll-up "41/63 tỉnh" is the point of the page) and the confidential
 * ones they see a task of; everything else about the notice stays hidden (finding 7).
 */
export function noticeDirectivesVisibleTo<D extends { confidential: boolean }>(
  actor: Actor,
  directives: readonly D[],
  tasksOf: (directive: D) => readonly AccessSubject[],
): D[] | undefined {
  if (actor.role === 'vpcp' || actor.role === 'system') return [...directives];
  const seen = directives.map((d) => tasksOf(d).some((t) => maySee(actor, t)));
  if (!seen.includes(true)) return undefined;
  return directives.filter((d, i) => seen[i] || !d.confidential);
}

/** Registering and importing notices is VPCP's. */
export const mayRegisterNotice = (actor: Actor): boolean => actor.role === 'vpcp';
