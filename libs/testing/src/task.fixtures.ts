import {
  Actor,
  Deadline,
  describeRecurrence,
  Recurrence,
  SCHEDULER,
  TaskCommand,
  TaskCommandType,
  TaskEvent,
  evolveTask,
  TaskState,
} from '@tdnv/domain';

/** Given/when/then builders shared by the domain specs. */
export const TASK_ID = '2026-45-tb-vpcp.1.btc';
export const LEAD: Actor = { id: 'u-btc', role: 'agency', agency: 'BTC' };
export const COORDINATOR: Actor = { id: 'u-byt', role: 'agency', agency: 'BYT' };
export const OTHER_AGENCY: Actor = { id: 'u-bca', role: 'agency', agency: 'BCA' };
export const VPCP: Actor = { id: 'u-vpcp', role: 'vpcp' };
export const SYSTEM: Actor = SCHEDULER;

export const assigned = (due: string | null = '2026-03-31'): TaskEvent => ({
  type: 'TaskAssigned',
  data: {
    taskId: TASK_ID,
    noticeId: '2026-45-tb-vpcp',
    noticeNumber: '45/TB-VPCP',
    directiveIndex: 0,
    text: 'Xây dựng Đề án chuyển đổi số',
    lead: 'BTC',
    coordinators: ['BYT'],
    deadline: due === null ? { due: null, kind: 'none' } : { due, kind: 'date', phrase: 'trước ngày 31/3/2026' },
    key: false,
    confidential: false,
    assignedAt: '2026-02-12T03:00:00.000Z',
  },
});

export const fold = (events: TaskEvent[]): TaskState => events.reduce<TaskState>(evolveTask, undefined);

const PAYLOADS: { [T in TaskCommandType]: Extract<TaskCommand, { type: T }>['payload'] } = {
  AcknowledgeTask: {},
  DeclineTask: { reason: 'Không thuộc thẩm quyền' },
  ReassignTask: { agency: 'BXD', reason: 'Đúng thẩm quyền Bộ Xây dựng' },
  ReportProgress: { note: 'Đã dự thảo', percent: 40 },
  RequestExtension: { proposedDue: '2026-06-30', reason: 'Chờ ý kiến các Bộ' },
  ApproveExtension: {},
  RejectExtension: { reason: 'Không có căn cứ' },
  AmendDeadline: { due: '2026-05-15', reason: 'Theo chỉ đạo của Thủ tướng' },
  ReportCompletion: { result: 'Đã trình Đề án', documentRef: '123/TTr-BTC' },
  AcceptCompletion: {},
  ReturnCompletion: { reason: 'Chưa đầy đủ' },
  CancelTask: { reason: 'Không còn phù hợp' },
  DelegateTask: { childTaskId: `${TASK_ID}.c1`, unit: 'BTC-CUC-TH', unitParent: 'BTC', due: '2026-03-20' },
  MarkTaskOverdue: {},
  RecordNotificationSent: { kind: 'reminder', rung: 'before-3', due: '2026-03-31', to: ['focal@btc.gov.vn'] },
  SubmitPeriodicReport: { period: '2026-03', note: 'Báo cáo tình hình giải ngân tháng 3' },
  IssueReminderLetter: { letterId: 'letter-btc-2026-04-10', number: '123/VPCP-TH', reportBy: '2026-04-17' },
};

const ACTORS: Record<TaskCommandType, Actor> = {
  AcknowledgeTask: LEAD,
  DeclineTask: LEAD,
  ReassignTask: VPCP,
  ReportProgress: LEAD,
  RequestExtension: LEAD,
  ApproveExtension: VPCP,
  RejectExtension: VPCP,
  AmendDeadline: VPCP,
  ReportCompletion: LEAD,
  AcceptCompletion: VPCP,
  ReturnCompletion: VPCP,
  CancelTask: VPCP,
  DelegateTask: LEAD,
  MarkTaskOverdue: SYSTEM,
  RecordNotificationSent: SYSTEM,
  SubmitPeriodicReport: LEAD,
  IssueReminderLetter: VPCP,
};

export function command<T extends TaskCommandType>(
  type: T,
  overrides: { actor?: Actor; today?: string; payload?: Partial<Extract<TaskCommand, { type: T }>['payload']> } = {},
): TaskCommand {
  const today = overrides.today ?? '2026-03-15';
  return {
    type,
    actor: overrides.actor ?? ACTORS[type],
    now: `${today}T03:00:00.000Z`,
    today,
    payload: { ...PAYLOADS[type], ...overrides.payload },
  } as TaskCommand;
}

/** A monthly duty's deadline, first due on `firstDue` and on that day of every month after ("Hằng tháng, trước ngày 05"). */
export const monthlyDeadline = (firstDue: string): Deadline => {
  const recurrence: Recurrence = { freq: 'monthly', day: Number(firstDue.slice(8, 10)) };
  return { due: firstDue, kind: 'recurring', phrase: describeRecurrence(recurrence), rule: `monthly, day ${recurrence.day}`, recurrence };
};

/** A monthly reporting duty, "Hằng tháng, trước ngày 05", first due on 05/03/2026. */
export const assignedMonthly = (): TaskEvent => {
  const event = assigned('2026-03-05');
  return { ...event, data: { ...event.data, deadline: monthlyDeadline('2026-03-05') } } as TaskEvent;
};
