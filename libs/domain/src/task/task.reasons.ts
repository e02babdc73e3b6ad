import { TaskCommandType } from './task.commands';
import { statusLabel } from './task-status.labels';
import { TaskStatus } from './task.state';

/** What each command does, as a phrase that completes "mới được …" and "không thể …". */
const ACTIONS: Record<TaskCommandType, string> = {
  AcknowledgeTask: 'tiếp nhận nhiệm vụ',
  DeclineTask: 'đề nghị giao lại nhiệm vụ (không thuộc thẩm quyền)',
  ReassignTask: 'giao lại nhiệm vụ cho cơ quan khác',
  ReportProgress: 'báo cáo tiến độ',
  RequestExtension: 'đề nghị gia hạn',
  ApproveExtension: 'chấp thuận gia hạn',
  RejectExtension: 'từ chối đề nghị gia hạn',
  AmendDeadline: 'điều chỉnh thời hạn',
  ReportCompletion: 'báo cáo hoàn thành',
  AcceptCompletion: 'xác nhận hoàn thành',
  ReturnCompletion: 'trả lại báo cáo hoàn thành',
  CancelTask: 'thu hồi nhiệm vụ',
  DelegateTask: 'giao nhiệm vụ cho đơn vị cấp dưới',
  MarkTaskOverdue: 'ghi nhận nhiệm vụ quá hạn',
  RecordNotificationSent: 'ghi nhận thư đã gửi',
  IssueReminderLetter: 'ban hành công văn đôn đốc',
  SubmitPeriodicReport: 'gửi báo cáo định kỳ',
};

/** Vietnamese names of the payload fields a reason may name (the web form uses the same words). */
const FIELDS: Record<string, string> = {
  reason: 'Lý do',
  note: 'Nội dung báo cáo',
  result: 'Kết quả thực hiện',
  proposedDue: 'Thời hạn đề nghị',
  due: 'Thời hạn',
  reportBy: 'Hạn báo cáo',
  period: 'Kỳ báo cáo',
};

export const actionLabel = (type: TaskCommandType): string => ACTIONS[type];

export const fieldLabel = (field: string): string => FIELDS[field] ?? field;

/** “Mới giao”, “Đã tiếp nhận” hoặc “Đang thực hiện”. */
function oneOf(statuses: readonly TaskStatus[]): string {
  const quoted = statuses.map((s) => `“${statusLabel(s)}”`);
  return quoted.length < 2 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} hoặc ${quoted[quoted.length - 1]}`;
}

/** Why a command cannot run in the task's current state, naming the states it can run in. */
export function notInStateReason(type: TaskCommandType, status: TaskStatus, open: boolean, from: readonly TaskStatus[]): string {
  const now = `“${statusLabel(status)}”`;
  if (!open) return `Không thể ${ACTIONS[type]} vì nhiệm vụ đã kết thúc (trạng thái ${now})`;
  return `Không thể ${ACTIONS[type]} vì nhiệm vụ đang ở trạng thái ${now}; thao tác này chỉ thực hiện được khi nhiệm vụ ở trạng thái ${oneOf(from)}`;
}
