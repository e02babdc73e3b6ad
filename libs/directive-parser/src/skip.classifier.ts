import { isClosingFormula } from './directive.filter';
import { AgencyScope } from './document-scope';
import { NoticeKind, SkipReason } from './directive.types';
import { readPastSubject } from './owner.resolver';
import { startsWithActionVerb } from './owner-phrases';

/**
 * What is not a directive (gold/RULES.md "What is a directive" and its additions): assessments,
 * achievements, shortcomings, forecasts, recommendations addressed upwards, requests outside the
 * issuer's command, exhortations to non-state actors, approvals, closing formulas; in a report,
 * everything but its task table; in a plan with a task table, everything but the table.
 */

export interface BodyContext {
  kind: NoticeKind;
  /** The document has a task table (appendix rows became directives). */
  hasTaskTable: boolean;
}

const OUTSIDE_COMMAND =
  /^(?:Kính\s+)?đề nghị\s+(?:Ủy ban (?:Trung ương )?Mặt trận Tổ quốc|Mặt trận Tổ quốc|các tổ chức chính trị|Hội\s|Liên đoàn|Tỉnh ủy|Thành ủy|Hội đồng nhân dân|Thường trực Hội đồng|Đoàn Thanh niên|Tòa án|Viện kiểm sát|Kiểm toán)/iu;
const UPWARD =
  /^(?:Kính\s+)?(?:đề nghị|kiến nghị|đề xuất)\s+(?:với\s+)?(?:Chính phủ|Thủ tướng|Quốc hội|Ủy ban Thường vụ Quốc hội|Bộ Chính trị|Ban Bí thư|Lãnh đạo Chính phủ|Văn phòng Chính phủ báo cáo)/iu;
const APPROVAL = /^(?:Đồng ý|Thống nhất|Nhất trí|Cơ bản thống nhất|Cơ bản đồng ý|Chấp thuận)(?![\p{L}])/u;
const PRAISE = /^(?:[^,.;]{0,40}\s)?(?:biểu dương|đánh giá cao|ghi nhận|hoan nghênh|khen ngợi)(?![\p{L}])/iu;
const ASSESSMENT = /^(?:Thời gian qua|Nhìn chung|Kết quả|Năm \d{4},|Trong (?:thời gian|năm) qua|Theo báo cáo|Qua \d|Mặc dù|Tỷ lệ|Tổng số)/u;
const FORECAST = /^(?:Dự báo|Dự kiến)(?![\p{L}])/u;
const SHORTCOMING = /^(?:Tuy nhiên|Bên cạnh (?:đó|những)|Hạn chế|Tồn tại|(?:Một số|Nhiều|Việc)\s[^.;]{0,100}?\s(?:chưa|còn)\s)/u;
const NON_STATE =
  /^(?:Các|Những)\s+(?:doanh nghiệp|nhà thầu|tổ chức tín dụng|ngân hàng thương mại|hiệp hội|nhà đầu tư|chủ đầu tư|cơ sở sản xuất|tổ chức, cá nhân|người dân)[^.]{0,200}?\s(?:cần|nên|được khuyến khích)(?![\p{L}])/u;
/** Narrative that names agencies without being about them: never a directive, not worth a note. */
const NARRATIVE =
  /^(?:Ngày \d|Sáng|Chiều|Tối|Tham dự|Dự họp|Cùng dự|Sau khi nghe|Thực hiện|Căn cứ|Theo đề nghị|Xét|Chi tiết|Trên đây|Để [^,]{0,120},\s*(?:Thủ tướng|Phó Thủ tướng|Chủ tịch|Bộ trưởng|Thống đốc|Ủy ban)|[^,.]{0,60}kết luận như sau)/u;

const MAY_BE_PAST = /\s(?:đã|vẫn|còn|chưa|đang|được)\s/u;

const SECTION_REASONS: Array<[RegExp, SkipReason]> = [
  [/kiến nghị|đề xuất/iu, 'upward_recommendation'],
  [/tồn tại|hạn chế|khó khăn|vướng mắc|nguyên nhân/iu, 'shortcoming'],
  [/dự báo/iu, 'forecast'],
  [/kết quả|đánh giá|tình hình/iu, 'achievement'],
];

function byText(text: string, dir: AgencyScope): SkipReason | null {
  if (isClosingFormula(text)) return 'closing';
  if (OUTSIDE_COMMAND.test(text)) return 'outside_command';
  if (UPWARD.test(text)) return 'upward_recommendation';
  if (APPROVAL.test(text)) return 'approval';
  if (PRAISE.test(text) || ASSESSMENT.test(text)) return 'assessment';
  if (FORECAST.test(text)) return 'forecast';
  if (SHORTCOMING.test(text)) return 'shortcoming';
  if (NON_STATE.test(text)) return 'non_state';
  if (MAY_BE_PAST.test(text) && readPastSubject(text, dir)) return 'achievement';
  return null;
}

/**
 * Why a unit gives no task: a reason worth showing, `null` to drop it silently (narrative), or
 * `undefined` when it may well be a directive.
 */
export function skipReason(text: string, headings: string[], body: BodyContext, dir: AgencyScope): SkipReason | null | undefined {
  const t = text.trim();
  if (NARRATIVE.test(t) && !startsWithActionVerb(t)) return null;
  const own = byText(t, dir);
  if (body.kind === 'bao_cao') {
    if (own) return own;
    for (const [re, reason] of SECTION_REASONS) if (headings.some((h) => re.test(h))) return reason;
    return 'report_body';
  }
  if (own) return own;
  if (body.kind === 'ke_hoach' && body.hasTaskTable) return 'plan_with_table';
  return undefined;
}

/** Reasons about what the issuer decided or asked: always worth a note. */
const ALWAYS_NOTED = new Set<SkipReason>(['approval', 'upward_recommendation', 'outside_command', 'non_state', 'closing']);

/** Worth a note in the preview: a decision or a request, or a paragraph that names an agency, has an owner above it, or opens with an action. */
export function worthANote(reason: SkipReason, text: string, inherited: boolean, dir: AgencyScope): boolean {
  return ALWAYS_NOTED.has(reason) || looksLikeDirective(text, inherited, dir);
}

function looksLikeDirective(text: string, inherited: boolean, dir: AgencyScope): boolean {
  return inherited || startsWithActionVerb(text) || NAMES_AGENCY.test(text.slice(0, 200)) || dir.mentionAtStart(text) !== null;
}

/** A cheap look for an agency name: the head nouns of the catalogue's names and of local units. */
const NAMES_AGENCY =
  /(?:^|\s)(?:Bộ|Ủy ban|UBND|Sở|Vụ|Cục|Văn phòng|Ngân hàng|Thanh tra|Đài|Thông tấn|Kho bạc|Bảo hiểm|Ban)\s+\p{Lu}|các (?:bộ|sở|địa phương|tỉnh)(?![\p{L}])/u;
