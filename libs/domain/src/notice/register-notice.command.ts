import { Actor } from '../actor';
import { NoticeRegistered, RegisteredDirective } from './notice.events';

/** One task to create: the lead is a single agency, already expanded from any group code. */
export interface PlannedTask {
  taskId: string;
  lead: string;
  fanout?: string;
}

/**
 * What a report says was already done about a directive (a row of its appendix): `done` imports
 * the tasks as completed with that result on the report's date, `in_progress` with the text as
 * their progress, `open` as new work.
 */
export interface ReportedStatus {
  kind: 'done' | 'in_progress' | 'open';
  result?: string;
  /** The report's date; the notice's issue date when the row gives none. */
  reportedOn?: string;
}

/** A directive as registered, before it has an index; its tasks may still carry their fan-out group. */
export type DirectiveToRegister = Omit<RegisteredDirective, 'index' | 'tasks'> & { tasks: PlannedTask[]; status?: ReportedStatus };

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
