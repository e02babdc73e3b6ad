import { SkippedParagraph, SkipReason } from '../../api/types';

/** Why a paragraph that reads like a directive gives no task, as the preview says it. */
export const SKIP_REASONS: Record<SkipReason, string> = {
  achievement: 'kết quả đã đạt được (“đã …”), không phải việc phải làm',
  assessment: 'nhận xét, đánh giá, không giao việc',
  shortcoming: 'nêu tồn tại, hạn chế, không giao việc',
  forecast: 'nội dung dự báo, không giao việc',
  upward_recommendation: 'kiến nghị, đề xuất gửi cấp trên (Chính phủ, Thủ tướng Chính phủ), không phải nhiệm vụ được giao',
  report_body: 'phần báo cáo kết quả, không phải chỉ đạo: chỉ các dòng của phụ lục nhiệm vụ được giao thành nhiệm vụ',
  plan_with_table: 'phần thuyết minh của kế hoạch: nhiệm vụ lấy từ bảng nhiệm vụ kèm theo',
  outside_command: 'đề nghị gửi cơ quan, tổ chức ngoài quyền chỉ đạo của cơ quan ban hành',
  non_state: 'lời kêu gọi doanh nghiệp, tổ chức ngoài nhà nước, không giao việc cho cơ quan nhà nước',
  approval: 'ý kiến đồng ý, thống nhất, không giao việc',
  closing: 'câu kết của văn bản, trách nhiệm thi hành chung',
  no_owner: 'có việc phải làm nhưng không nêu cơ quan thực hiện',
};

/** The reason in words; a code the page does not know yet reads as the parser's own sentence. */
export const skipReason = (s: SkippedParagraph): string => SKIP_REASONS[s.reason] ?? s.note;

/** "I.5.p2" → "Mục I.5, đoạn 2"; "p1" (before any numbered part) → "Đoạn 1"; "III.2" → "Mục III.2". */
export function position(path: string): string {
  const m = /^(?:(.+)\.)?p(\d+)$/.exec(path);
  if (!m) return `Mục ${path}`;
  return m[1] ? `Mục ${m[1]}, đoạn ${m[2]}` : `Đoạn ${m[2]}`;
}

/**
 * The paragraphs that look like directives but give no task (a report's account of its results,
 * its recommendations upwards …), folded: "Đoạn không tạo nhiệm vụ (4)", each with its first words
 * and why, so VPCP sees nothing was lost without reading them all.
 */
export function SkippedParagraphs({ skipped }: { skipped: SkippedParagraph[] }) {
  if (skipped.length === 0) return null;
  return (
    <details class="card skipped" data-skipped>
      <summary>Đoạn không tạo nhiệm vụ ({skipped.length})</summary>
      <ul>
        {skipped.map((s) => (
          <li key={`${s.path}-${s.span.start}`} data-reason={s.reason}>
            <q>{s.text}</q>
            <div class="hint">
              {s.path && <span class="where">{position(s.path)} · </span>}
              <span class="why">Lý do: {skipReason(s)}.</span>
            </div>
          </li>
        ))}
      </ul>
    </details>
  );
}
