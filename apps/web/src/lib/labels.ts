import { TASK_STATUS_LABELS } from '@tdnv/domain';

/** Vietnamese names of task states (shared with the API's reasons), deadline kinds, events and buckets. */
export const STATE_LABELS: Record<string, string> = TASK_STATUS_LABELS;

export const KIND_LABELS: Record<string, string> = {
  date: 'ngày',
  month: 'tháng',
  quarter: 'quý',
  year: 'năm',
  relative: 'tương đối',
  recurring: 'định kỳ',
  range: 'giai đoạn',
  none: 'không thời hạn',
  urgent: 'khẩn trương',
};

export const EVENT_LABELS: Record<string, string> = {
  TaskAssigned: 'Giao nhiệm vụ',
  TaskAcknowledged: 'Tiếp nhận',
  TaskDeclined: 'Đề nghị giao lại (không thuộc thẩm quyền)',
  TaskReassigned: 'Giao lại cho cơ quan khác',
  ProgressReported: 'Báo cáo tiến độ',
  ExtensionRequested: 'Đề nghị gia hạn',
  ExtensionApproved: 'Chấp thuận gia hạn',
  ExtensionRejected: 'Không chấp thuận gia hạn',
  DeadlineChanged: 'Điều chỉnh thời hạn',
  CompletionReported: 'Báo cáo hoàn thành',
  TaskCompleted: 'Xác nhận hoàn thành',
  CompletionReturned: 'Trả lại báo cáo hoàn thành',
  TaskCancelled: 'Thu hồi, hủy nhiệm vụ',
  TaskDelegated: 'Giao đơn vị cấp dưới',
  TaskBecameOverdue: 'Quá hạn',
  ReminderSent: 'Gửi thư đôn đốc',
  EscalationSent: 'Cảnh báo quá hạn, báo cáo cấp trên',
};

export const BUCKETS = [
  { key: 'done_on_time', label: 'Hoàn thành đúng hạn', color: '#1a7f37' },
  { key: 'done_late', label: 'Hoàn thành quá hạn', color: '#7dba84' },
  { key: 'open_on_time', label: 'Chưa hoàn thành, trong hạn', color: '#d4a72c' },
  { key: 'open_overdue', label: 'Chưa hoàn thành, quá hạn', color: '#cf222e' },
  { key: 'no_deadline', label: 'Không thời hạn', color: '#8c959f' },
] as const;

export type BucketKey = (typeof BUCKETS)[number]['key'];

/**
 * The buckets as the statistics count them (dashboard table and chart): an open periodic duty is
 * counted with the standing ("thường xuyên") duties, as VPCP does, so `no_deadline` says both. The
 * inbox keeps BUCKETS: there a periodic duty goes by its current period's due date.
 */
export const STATS_BUCKETS = BUCKETS.map((b) => (b.key === 'no_deadline' ? { ...b, label: 'Thường xuyên / không thời hạn' } : b));

export const ROLE_LABELS: Record<string, string> = {
  vpcp: 'Văn phòng Chính phủ',
  agency: 'Cơ quan',
  viewer: 'Xem báo cáo',
  admin: 'Quản trị',
};

/** The field of a reviewer's optional words on approving or accepting (the task page and the review queue). */
export const COMMENT_LABEL = 'Ý kiến (không bắt buộc)';
