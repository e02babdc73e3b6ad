import { DeadlineKind as DomainDeadlineKind } from '../../domain/src/deadline';

/**
 * Public shapes of the directive parser (issue 3). Everything here is plain data so the result can
 * be printed as JSON by the CLI and sent over HTTP unchanged.
 */

/** A reference to a catalogue agency: `name` is the catalogue's canonical full name. */
export interface AgencyRef {
  code: string;
  name: string;
}

/** The domain's kinds, less `urgent`: the gold convention writes "khẩn trương" as kind none. */
export type DeadlineKind = Exclude<DomainDeadlineKind, 'urgent'>;

export interface ParsedDeadline {
  /** Local date YYYY-MM-DD (Asia/Ho_Chi_Minh), end of that day; null when the phrase gives no date. */
  due: string | null;
  /** The words of the document the deadline came from; null when there is none. */
  phrase: string | null;
  kind: DeadlineKind;
  /** How `due` was derived, kept for audit ("last day of the month", "15 working days after …"). */
  rule: string | null;
}

export interface TextSpan {
  start: number;
  end: number;
}

export interface ParsedDirective {
  /** Position as written: "3.b.2", split parts "3.b.3(1)", appendix rows "PL.I.3". */
  path: string;
  text: string;
  span: TextSpan;
  lead: AgencyRef[];
  coordinators: AgencyRef[];
  deadline: ParsedDeadline;
  /** The group code when the lead is a group that fans out into one task per member. */
  fanout?: string;
  warnings: string[];
}

export type NoticeKind =
  | 'thong_bao_ket_luan'
  | 'chi_thi'
  | 'cong_van'
  | 'bao_cao'
  | 'quyet_dinh'
  | 'ke_hoach'
  | 'nghi_quyet'
  | 'unknown';

export interface NoticeHeader {
  /** Document number with spaces removed ("6922/VP-KGVX"); null when absent. */
  number: string | null;
  /** The header's date line (YYYY-MM-DD), or the caller's `issuedAt`; null when neither exists. */
  issuedAt: string | null;
  kind: NoticeKind;
  issuer: string | null;
  /** The concluding or signing leader, as written ("Thủ tướng Chính phủ Nguyễn Xuân Phúc"). */
  leader: string | null;
  title: string | null;
}

/** An agency name the catalogue could not resolve, kept as text so nothing is silently dropped. */
export interface UnresolvedName {
  path: string;
  role: 'lead' | 'coordinator';
  text: string;
}

export interface ParseResult {
  notice: NoticeHeader;
  directives: ParsedDirective[];
  unresolved: UnresolvedName[];
}
