import { Actor } from '../actor';
import { RegisteredDirective } from './notice.events';

/** One task to create: the lead is a single agency, already expanded from any group code. */
export interface PlannedTask {
  taskId: string;
  lead: string;
  fanout?: string;
}

/** A directive as registered, before it has an index; its tasks may still carry their fan-out group. */
export type DirectiveToRegister = Omit<RegisteredDirective, 'index' | 'tasks'> & { tasks: PlannedTask[] };

export interface RegisterNotice {
  type: 'RegisterNotice';
  actor: Actor;
  now: string;
  today: string;
  payload: {
    noticeId: string;
    number: string;
    issuedAt: string;
    title: string;
    leader?: string;
    trackingOfficer?: string;
    /** Imported as history: its tasks send no reminder (TaskAssigned.historical). */
    historical?: boolean;
    directives: DirectiveToRegister[];
  };
}
