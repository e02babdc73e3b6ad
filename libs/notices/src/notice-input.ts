import { DeadlineKind, NoticeRegistered, Recurrence, ReportedStatus } from '@tdnv/domain';

/**
 * A notice to register, as its edges hand it in (the HTTP body, the import preview, the CLI demo):
 * plain data, already checked for form. The HTTP DTO classes implement these shapes.
 */
export interface DeadlineInput {
  due?: string;
  phrase?: string;
  kind?: DeadlineKind;
  /** How the date was derived (the parser's rule): kept in the task's history unchanged. */
  rule?: string;
  /** A periodic duty's rhythm; `due` may then be left out (the first occurrence after the issue date). */
  recurrence?: Recurrence;
}

export interface DirectiveInput {
  /** Its position as the document writes it ("3.b.2"), kept for the notice page and the appendix. */
  path?: string;
  /** A report row's status (đã hoàn thành / đang thực hiện): the tasks are imported with that history. */
  status?: ReportedStatus;
  text: string;
  /** Agency or group codes; a group fans out into one task per member. */
  lead: string[];
  coordinators?: string[];
  deadline?: DeadlineInput;
  key?: boolean;
  confidential?: boolean;
}

/** The notice's own fields are NoticeRegistered's; it is registered as history when `historical`. */
export type NoticeInput = Pick<NoticeRegistered['data'], 'number' | 'issuedAt' | 'title' | 'kind' | 'leader' | 'trackingOfficer'> & {
  /** Imported as history (a past report, an old notice): its tasks send no reminder. */
  historical?: boolean;
  directives: DirectiveInput[];
};

/** A specialist's correction of one parsed directive before import, by its path ("3.b.2"). */
export interface DirectiveEdit extends Partial<DirectiveInput> {
  path: string;
  drop?: boolean;
}
