import { Actor } from '../actor';
import { NoticeRegistered, RegisteredDirective } from './notice.events';

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
  /** What NoticeRegistered will say, before the directives are numbered and the time is known. */
  payload: Omit<NoticeRegistered['data'], 'directives' | 'registeredAt'> & {
    /** Imported as history: its tasks send no reminder (TaskAssigned.historical). */
    historical?: boolean;
    directives: DirectiveToRegister[];
  };
}
