import { AgencyIndex, agencyName } from '../../api/agencies';
import { ParseResult } from '../../api/types';
import { formatDate } from '../../lib/format';
import { effectiveDue, isWorkingDay } from '../../lib/urgency';
import { Row, unmappedLeads } from './import-model';

const WEEKDAY = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'];

/** What an agency outside the catalogue probably is, as a phrase ("Ủy ban nhân dân cấp xã"). */
export const KIND_WORDS: Record<string, string> = {
  department: 'một sở, ngành của tỉnh',
  provincial_unit: 'một cơ quan của tỉnh',
  district_committee: 'Ủy ban nhân dân cấp huyện',
  commune_committee: 'Ủy ban nhân dân cấp xã',
  ministry_unit: 'một đơn vị thuộc Bộ',
  state_enterprise: 'một doanh nghiệp nhà nước',
  local_group: 'một nhóm đơn vị',
};

/**
 * The warnings of one preview row, as sentences: the parser's (already Vietnamese), the names the
 * catalogue does not hold, and what the page sees of the deadline (past, or on a day off and so
 * ending on the next working day, Điều 148 Bộ luật Dân sự). A lead outside the catalogue that the
 * preview can map or add (parsed.unresolvedLead) is said once, by UnknownLeads, with its buttons;
 * a row the report says is done is not overdue.
 */
export function rowWarnings(r: Row, parsed: ParseResult, index: AgencyIndex | undefined, today: string): string[] {
  const unknownLeads = r.parsed.unresolvedLead ?? [];
  const out = r.parsed.warnings.filter((w) => !unknownLeads.some((u) => w.includes(`“${u.name}”`))).map((w) => withRole(w, r, index));
  for (const u of parsed.unresolved.filter((x) => x.path === r.path && !(x.role === 'lead' && unknownLeads.length > 0))) {
    const role = u.role === 'lead' ? 'cơ quan chủ trì' : 'cơ quan phối hợp';
    const kind = u.kind && KIND_WORDS[u.kind] ? `, có thể là ${KIND_WORDS[u.kind]}` : '';
    const parent = u.probableParent ? ` của ${agencyName(index, u.probableParent.code)}` : '';
    out.push(
      `Không tìm thấy ${role} “${u.text}” trong danh mục${kind}${parent}: chọn cơ quan trong danh sách, hoặc đề nghị quản trị hệ thống thêm đơn vị này vào danh mục.`,
    );
  }
  if (r.due) {
    if (r.due < today && r.status.kind !== 'done') out.push(`Thời hạn ${formatDate(r.due)} đã qua: nhiệm vụ sẽ quá hạn ngay khi nhập.`);
    if (!isWorkingDay(r.due)) {
      const day = WEEKDAY[new Date(`${r.due}T00:00:00Z`).getUTCDay()];
      out.push(
        `Thời hạn ${formatDate(r.due)} là ${day}, ngày nghỉ: hạn cuối tính đến hết ngày làm việc tiếp theo, ${formatDate(effectiveDue(r.due))}.`,
      );
    }
  }
  return out;
}

/** A row to look at again before import: a warning, or a lead outside the catalogue not yet mapped. */
export function needsReview(r: Row, parsed: ParseResult, index: AgencyIndex | undefined, today: string): boolean {
  return !r.drop && (rowWarnings(r, parsed, index, today).length > 0 || unmappedLeads(r).length > 0);
}

/**
 * A former name's warning says which role the renamed agency has on the row, so a renamed
 * coordinator does not read as if the lead had changed.
 */
function withRole(warning: string, r: Row, index: AgencyIndex | undefined): string {
  const successor = /(?:giao cho|thuộc|là) (.+?)\.?$/.exec(warning)?.[1];
  if (!successor || !index || !/tên cơ quan trước khi sắp xếp/.test(warning)) return warning;
  const code = [...index.values()].find((a) => a.name === successor)?.code;
  if (!code) return warning;
  if (r.lead.includes(code)) return `Cơ quan chủ trì: ${warning}`;
  if (r.coordinators.includes(code)) return `Cơ quan phối hợp (không phải cơ quan chủ trì): ${warning}`;
  return warning;
}
