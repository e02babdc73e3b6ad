import { SessionUser } from '../../api/session';
import type { TaskCommandType } from '@tdnv/domain';
import { Agency, TaskView } from '../../api/types';
import { formatDate } from '../../lib/format';
import { COMMENT_LABEL } from '../../lib/labels';
import { parseDmy } from '../../lib/dates';

export { parseDmy };

export interface FieldDef {
  name: string;
  label: string;
  /**
   * 'dmy': a date typed as dd/mm/yyyy (whatever the browser's locale), sent as YYYY-MM-DD;
   * 'agency': an agency chosen by name; 'files': attachments, uploaded first and sent as their ids.
   */
  type: 'text' | 'textarea' | 'dmy' | 'number' | 'select' | 'agency' | 'files';
  required?: boolean;
  /** The choices of a select (the first, empty one is added by the panel). */
  options?: { value: string; label: string }[];
  /** A line under the control (aria-describedby). */
  hint?: string;
  /** The latest date a date field accepts (YYYY-MM-DD); the server checks it too. */
  max?: string;
}

export interface ActionDef {
  id: string;
  label: string;
  method: 'POST' | 'PUT';
  path: string;
  fields: FieldDef[];
  primary?: boolean;
  danger?: boolean;
  /** A decision asked twice: the first click shows this question and a confirming button. */
  confirm?: string;
}

const reason: FieldDef = { name: 'reason', label: 'Lý do', type: 'textarea', required: true };
/** A reviewer's optional words on approving or accepting (recorded in the event, shown in the timeline). */
const comment: FieldDef = { name: 'comment', label: COMMENT_LABEL, type: 'textarea' };
const DMY_HINT = 'Dạng ngày/tháng/năm (dd/mm/yyyy), ví dụ 30/06/2026.';
const files: FieldDef = {
  name: 'attachments',
  label: 'Tệp đính kèm (văn bản báo cáo, ảnh)',
  type: 'files',
  hint: 'PDF, Word (.docx), Excel (.xlsx) hoặc ảnh; mỗi tệp tối đa 20 MB.',
};

/** The form of each command a person can issue, in the order the page shows them; which ones are shown is the server's answer. */
const FORMS: Partial<Record<TaskCommandType, (task: TaskView, units: Agency[]) => ActionDef | undefined>> = {
  AcknowledgeTask: () => ({ id: 'acknowledge', label: 'Tiếp nhận', method: 'POST', path: 'acknowledge', fields: [], primary: true }),
  DeclineTask: () => ({ id: 'decline', label: 'Không thuộc thẩm quyền', method: 'POST', path: 'decline', fields: [reason] }),
  ReportProgress: () => ({
    id: 'progress',
    label: 'Báo cáo tiến độ',
    method: 'POST',
    path: 'progress',
    fields: [
      { name: 'note', label: 'Nội dung', type: 'textarea', required: true },
      { name: 'percent', label: 'Tỷ lệ hoàn thành (%)', type: 'number' },
      { name: 'documentRef', label: 'Số văn bản', type: 'text' },
      files,
    ],
  }),
  RequestExtension: () => ({
    id: 'extension',
    label: 'Đề nghị gia hạn',
    method: 'POST',
    path: 'extension-requests',
    fields: [{ name: 'proposedDue', label: 'Thời hạn đề nghị', type: 'dmy', required: true, hint: DMY_HINT }, reason],
  }),
  ReportCompletion: () => ({
    id: 'completion',
    label: 'Báo cáo hoàn thành',
    method: 'POST',
    path: 'completion',
    primary: true,
    fields: [
      { name: 'result', label: 'Kết quả thực hiện', type: 'textarea', required: true },
      { name: 'documentRef', label: 'Số văn bản báo cáo', type: 'text' },
      files,
    ],
  }),
  // Delegating needs a unit to delegate to; an agency without units is not offered the form.
  DelegateTask: (task, units) => (units.length > 0 ? delegateAction(task, units) : undefined),
  ApproveExtension: (task) => ({
    id: 'approve-extension',
    label: 'Chấp thuận gia hạn',
    method: 'POST',
    path: 'extension-requests/current/approve',
    fields: [comment],
    primary: true,
    confirm: task.pendingExtension
      ? `Chấp thuận gia hạn đến ${formatDate(task.pendingExtension.proposedDue)} (lý do: ${task.pendingExtension.reason})?`
      : 'Chấp thuận gia hạn?',
  }),
  RejectExtension: () => ({
    id: 'reject-extension',
    label: 'Không chấp thuận gia hạn',
    method: 'POST',
    path: 'extension-requests/current/reject',
    fields: [reason],
  }),
  AcceptCompletion: () => ({
    id: 'accept',
    label: 'Xác nhận hoàn thành',
    method: 'POST',
    path: 'completion/accept',
    fields: [comment],
    primary: true,
    confirm: 'Xác nhận nhiệm vụ đã hoàn thành theo báo cáo và tệp đính kèm ở trên?',
  }),
  ReturnCompletion: () => ({ id: 'return', label: 'Trả lại báo cáo', method: 'POST', path: 'completion/return', fields: [reason] }),
  AmendDeadline: () => ({
    id: 'deadline',
    label: 'Điều chỉnh thời hạn',
    method: 'PUT',
    path: 'deadline',
    fields: [{ name: 'due', label: 'Thời hạn mới', type: 'dmy', required: true, hint: DMY_HINT }, reason],
  }),
  ReassignTask: () => ({
    id: 'reassign',
    label: 'Giao cho cơ quan khác',
    method: 'POST',
    path: 'reassign',
    fields: [{ name: 'agency', label: 'Cơ quan chủ trì mới', type: 'agency', required: true }, reason],
  }),
  CancelTask: () => ({ id: 'cancel', label: 'Thu hồi nhiệm vụ', method: 'POST', path: 'cancel', fields: [reason], danger: true }),
};

/**
 * The commands this viewer may issue on this task now: exactly the server's `allowedActions`
 * (derived from the domain's lifecycle table and authorization policy). The page holds no rule of
 * its own; the others are not rendered at all.
 */
export function actionsFor(task: TaskView, _user: SessionUser, units: Agency[] = []): ActionDef[] {
  const allowed = new Set(task.allowedActions ?? []);
  return (Object.keys(FORMS) as TaskCommandType[]).flatMap((type) => {
    const form = allowed.has(type) ? FORMS[type]?.(task, units) : undefined;
    return form ? [form] : [];
  });
}

/** POST /tasks/:id/delegate: one of the lead's own units, a due date not later than the task's. */
function delegateAction(task: TaskView, units: Agency[]): ActionDef {
  const deadline = task.deadline.due;
  return {
    id: 'delegate',
    label: 'Giao đơn vị cấp dưới',
    method: 'POST',
    path: 'delegate',
    fields: [
      {
        name: 'agency',
        label: 'Đơn vị cấp dưới',
        type: 'select',
        required: true,
        options: units.map((u) => ({ value: u.code, label: u.name })),
      },
      {
        name: 'due',
        label: 'Thời hạn giao đơn vị',
        type: 'dmy',
        required: true,
        max: deadline ?? undefined,
        hint: deadline
          ? `Dạng ngày/tháng/năm (dd/mm/yyyy), không muộn hơn thời hạn của nhiệm vụ (${formatDate(deadline)}).`
          : 'Dạng ngày/tháng/năm (dd/mm/yyyy).',
      },
      { name: 'note', label: 'Ghi chú cho đơn vị', type: 'textarea' },
    ],
  };
}

/** Client-side checks before sending: required fields and the form of dd/mm/yyyy dates. */
export function checkFields(action: ActionDef, values: Record<string, string>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const f of action.fields) {
    const v = (values[f.name] ?? '').trim();
    if (f.required && !v)
      errors[f.name] =
        f.type === 'select' || f.type === 'agency' ? `Vui lòng chọn ${f.label.toLowerCase()}` : `Vui lòng nhập ${f.label.toLowerCase()}`;
    else if (v && f.type === 'dmy' && !parseDmy(v)) errors[f.name] = 'Ngày không hợp lệ; nhập theo dạng dd/mm/yyyy, ví dụ 30/06/2026';
  }
  return errors;
}

/** Form values → the command body: empty optional fields are left out, numbers are numbers. */
export function bodyOf(action: ActionDef, values: Record<string, string>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const f of action.fields) {
    const v = (values[f.name] ?? '').trim();
    if (!v || f.type === 'files') continue;
    body[f.name] = f.type === 'number' ? Number(v) : f.type === 'dmy' ? (parseDmy(v) ?? v) : v;
  }
  return body;
}
