import type { DeadlineKind as DomainDeadlineKind, Recurrence } from '@tdnv/domain';

export type { Recurrence } from '@tdnv/domain';

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
  /** Recurring deadlines: the rhythm of the duty (libs/domain Recurrence), whose first occurrence is `due`. */
  recurrence?: Recurrence;
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
  /** Report and plan rows: what the source says was done (gold/RULES.md additions). */
  status?: DirectiveStatus;
  /**
   * Named leads the catalogue does not hold (a Sở, a district or commune committee, a ministry's Cục
   * or Vụ, a state corporation, a local group): kept with their kind and probable parent, so the
   * preview can map them to a catalogue entry or add them as units. Also listed in `unresolved`.
   */
  unresolvedLead?: UnresolvedAgency[];
}

/** Status of a report row, from its "Kết quả thực hiện" / "Tình hình thực hiện" column. */
export interface DirectiveStatus {
  kind: 'done' | 'in_progress' | 'open';
  /** The result or progress text as written in the row. */
  result?: string;
  /** The report's date (YYYY-MM-DD): when the row's status was reported. */
  reportedOn?: string;
  /** Done rows: the day it was done (completedOn, else reportedOn) is on or before the due date (no due date: true). */
  onTime?: boolean;
  /** A date the result names for the completion ("Ngày 09/4/2020, Chính phủ đã ban hành …"): the import completes the tasks on it. */
  completedOn?: string;
}

/** What kind of body an agency name outside the catalogue probably is. */
export type UnresolvedAgencyKind =
  | 'department' // Sở and other specialised agencies of a province
  | 'provincial_unit' // Văn phòng UBND tỉnh, Thanh tra tỉnh, Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh, Ban …
  | 'district_committee' // Ủy ban nhân dân cấp huyện (before 1/7/2025)
  | 'commune_committee' // Ủy ban nhân dân cấp xã (xã, phường, thị trấn, đặc khu)
  | 'ministry_unit' // Cục, Vụ, Tổng cục, Văn phòng Bộ, Thanh tra Bộ of a ministry
  | 'state_enterprise' // Tập đoàn, Tổng công ty
  | 'local_group' // Các sở, ban, ngành; Ủy ban nhân dân các xã, phường; Các đơn vị thuộc Bộ
  | 'other';

export interface UnresolvedAgency {
  /** Full name as the rules write it (abbreviations expanded, no province or ministry suffix). */
  name: string;
  kind: UnresolvedAgencyKind;
  /** The catalogue agency it most probably belongs to (the issuing province or ministry), if known. */
  probableParent: AgencyRef | null;
  /** Ready for "add it as a unit of its parent" (POST /api/v1/agencies/{parent}/units). */
  proposedUnit?: { parent: string; code: string; name: string };
  /** Local groups: fan out into the parent's units of this kind once the catalogue has them. */
  fanout?: boolean;
}

export type NoticeKind =
  'thong_bao_ket_luan' | 'chi_thi' | 'cong_dien' | 'cong_van' | 'bao_cao' | 'quyet_dinh' | 'ke_hoach' | 'nghi_quyet' | 'unknown';

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
  /** The catalogue agency the issuer is, or belongs to, today (Kiên Giang's office → An Giang). */
  issuerAgency?: AgencyRef | null;
  /** Remarks on the header for the reader, in Vietnamese (a former province, a missing date). */
  notes?: string[];
}

/** An agency name the catalogue could not resolve, kept as text so nothing is silently dropped. */
export interface UnresolvedName {
  path: string;
  role: 'lead' | 'coordinator';
  text: string;
  /** Leads: what the name probably is and where it belongs (see UnresolvedAgency). */
  kind?: UnresolvedAgencyKind;
  probableParent?: AgencyRef | null;
}

/** Why a paragraph that looks like a directive gives no task. */
export type SkipReason =
  | 'achievement' // "Bộ X đã …": a result
  | 'assessment' // praise, evaluation
  | 'shortcoming' // "Tồn tại, hạn chế", "chưa …"
  | 'forecast' // "Dự báo …"
  | 'upward_recommendation' // kiến nghị, đề xuất to the Government or the Prime Minister
  | 'report_body' // any other paragraph of a report: only its task table gives tasks
  | 'plan_with_table' // a plan's prose when the plan has a task table
  | 'outside_command' // "Đề nghị Ủy ban Mặt trận Tổ quốc …"
  | 'non_state' // "Các doanh nghiệp … cần …"
  | 'approval' // "Đồng ý về nguyên tắc."
  | 'closing' // "… chịu trách nhiệm thi hành …", "… thông báo để … biết, thực hiện./."
  | 'no_owner'; // an action with no agency named or inherited

export interface SkippedParagraph {
  path: string;
  /** The paragraph's first words. */
  text: string;
  span: TextSpan;
  reason: SkipReason;
  /** The reason for the reader, in Vietnamese. */
  note: string;
}

export interface ParseResult {
  notice: NoticeHeader;
  directives: ParsedDirective[];
  unresolved: UnresolvedName[];
  /** Paragraphs that look like directives but give no task, with the reason. */
  skipped: SkippedParagraph[];
}
