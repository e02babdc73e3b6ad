import { AgencyRef, ParsedDeadline, SkipReason, UnresolvedAgencyKind } from './directive.types';

/**
 * Every sentence the parser shows to a user (warnings, skip reasons, header notes), in Vietnamese,
 * in one place: the preview in the web app and the CLI print them as they are.
 */

/** dd/mm/yyyy from a local date YYYY-MM-DD. */
export function viDate(date: string): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

export const KIND_LABELS: Record<UnresolvedAgencyKind, string> = {
  department: 'sở, cơ quan chuyên môn cấp tỉnh',
  provincial_unit: 'cơ quan, đơn vị cấp tỉnh',
  district_committee: 'Ủy ban nhân dân cấp huyện',
  commune_committee: 'Ủy ban nhân dân cấp xã',
  ministry_unit: 'đơn vị thuộc bộ, ngành',
  state_enterprise: 'tập đoàn, tổng công ty, doanh nghiệp',
  local_group: 'nhóm đơn vị của tỉnh hoặc của bộ',
  other: 'cơ quan khác',
};

export const SKIP_NOTES: Record<SkipReason, string> = {
  achievement: 'Kết quả đã đạt được, không phải nhiệm vụ',
  assessment: 'Nội dung đánh giá, ghi nhận, không giao việc',
  shortcoming: 'Nêu tồn tại, hạn chế, không giao việc',
  forecast: 'Nội dung dự báo, không giao việc',
  upward_recommendation: 'Kiến nghị, đề xuất gửi cấp trên (Chính phủ, Thủ tướng Chính phủ), không phải nhiệm vụ được giao',
  report_body: 'Phần nội dung báo cáo: chỉ các dòng của phụ lục nhiệm vụ được giao thành nhiệm vụ',
  plan_with_table: 'Kế hoạch có bảng nhiệm vụ: chỉ các dòng của bảng được giao thành nhiệm vụ',
  outside_command: 'Đề nghị gửi cơ quan, tổ chức ngoài quyền chỉ đạo của cơ quan ban hành',
  non_state: 'Lời kêu gọi doanh nghiệp, tổ chức ngoài nhà nước, không giao việc cho cơ quan nhà nước',
  approval: 'Ý kiến đồng ý, thống nhất, không giao việc',
  closing: 'Câu kết, trách nhiệm thi hành chung của văn bản',
  no_owner: 'Có nội dung công việc nhưng không xác định được cơ quan thực hiện',
};

export function successorWarning(formerName: string, since: string, current: string): string {
  return `“${formerName}” là tên cơ quan trước khi sắp xếp; từ ${viDate(since)} giao cho ${current}`;
}

export function unresolvedLeadWarning(name: string, kind: UnresolvedAgencyKind, parent: AgencyRef | null): string {
  const where = parent ? `, có thể thuộc ${parent.name}` : '';
  return `Cơ quan chủ trì chưa có trong danh mục: “${name}” (${KIND_LABELS[kind]}${where}); hãy chọn cơ quan trong danh mục hoặc thêm làm đơn vị trực thuộc`;
}

export const NO_LEAD_IN_ROW = 'Dòng bảng không nêu cơ quan chủ trì';

/** Why a deadline gives no date, when the reader must set one; null when no date is expected. */
export function deadlineWarning(d: ParsedDeadline): string | null {
  if (d.due !== null || !d.rule || !d.phrase) return null;
  const rule = d.rule;
  const why = /event|another event/u.test(rule)
    ? 'thời hạn tính từ một sự kiện chưa có ngày'
    : /issue date (?:is )?unknown|issue date unknown|no year/u.test(rule)
      ? 'chưa xác định được ngày ban hành văn bản'
      : /Lunar New Year/u.test(rule)
        ? 'lịch nghỉ Tết năm đó chưa có trong dữ liệu ngày nghỉ'
        : /period not stated/u.test(rule)
          ? 'định kỳ nhưng không nêu kỳ báo cáo'
          : null;
  return why ? `Thời hạn “${d.phrase}” chưa quy ra được ngày (${why}); VPCP cần nhập ngày cụ thể` : null;
}

export function formerIssuerNote(formerName: string, since: string, current: string): string {
  return `Văn bản của ${formerName} (trước khi sắp xếp); từ ${viDate(since)} là ${current}`;
}
