import { DeadlineKind } from '@tdnv/domain';

/**
 * A notice to register, as its edges hand it in (the HTTP body, the import preview, the CLI demo):
 * plain data, already checked for form. The HTTP DTO classes implement these shapes.
 */
export interface DeadlineInput {
  due?: string;
  phrase?: string;
  kind?: DeadlineKind;
}

export interface DirectiveInput {
  text: string;
  /** Agency or group codes; a group fans out into one task per member. */
  lead: string[];
  coordinators?: string[];
  deadline?: DeadlineInput;
  key?: boolean;
  confidential?: boolean;
}

export interface NoticeInput {
  number: string;
  issuedAt: string;
  title: string;
  leader?: string;
  trackingOfficer?: string;
  directives: DirectiveInput[];
}

/** A specialist's correction of one parsed directive before import, by its path ("3.b.2"). */
export interface DirectiveEdit extends Partial<DirectiveInput> {
  path: string;
  drop?: boolean;
}
