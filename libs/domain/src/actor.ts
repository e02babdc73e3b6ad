/** Who issues a command. `system` is the scheduler (overdue transitions, reminders). */
export type Role = 'vpcp' | 'agency' | 'viewer' | 'admin' | 'system';

export interface Actor {
  id: string;
  role: Role;
  /** The agency code, for role `agency`. */
  agency?: string;
}

/** The one system actor: the worker's scheduler (overdue transitions, reminders recorded). */
export const SCHEDULER: Actor = { id: 'scheduler', role: 'system' };
