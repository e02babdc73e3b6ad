import { CommandRefusedError, NotFoundError } from '../domain.errors';
import { TaskCommandType } from './task.commands';
import { decideTask } from './task.decide';
import { TaskEvent } from './task.events';
import { TaskStatus } from './task.state';
import { TASK_STATUS_LABELS } from './task-status.labels';
import { assigned, assignedMonthly, command, fold, LEAD, TASK_ID, VPCP } from '@tdnv/testing';

const pending: TaskEvent = {
  type: 'ExtensionRequested',
  data: { taskId: TASK_ID, by: 'BTC', currentDue: '2026-03-31', proposedDue: '2026-06-30', reason: 'Chờ ý kiến' },
};
const ack: TaskEvent = { type: 'TaskAcknowledged', data: { taskId: TASK_ID, by: 'BTC' } };
const progress: TaskEvent = { type: 'ProgressReported', data: { taskId: TASK_ID, by: 'BTC', note: 'Đang làm' } };
const reported: TaskEvent = {
  type: 'CompletionReported',
  data: { taskId: TASK_ID, by: 'BTC', result: 'Xong', reportedAt: '2026-03-10T03:00:00Z', reportedOn: '2026-03-10' },
};

/** Events that bring a task into each state; `withPending` adds an extension request where one can exist. */
function given(status: TaskStatus, withPending: boolean, periodic = false): TaskEvent[] {
  const first = periodic ? assignedMonthly() : assigned();
  const start = withPending ? [first, pending] : [first];
  switch (status) {
    case 'assigned':
      return start;
    case 'acknowledged':
      return [...start, ack];
    case 'in_progress':
      return [...start, ack, progress];
    case 'reassignment_requested':
      return [...start, { type: 'TaskDeclined', data: { taskId: TASK_ID, by: 'BTC', reason: 'Không thuộc thẩm quyền' } }];
    case 'completion_reported':
      return [...start, ack, reported];
    case 'completed':
      return [
        ...start,
        ack,
        reported,
        {
          type: 'TaskCompleted',
          data: { taskId: TASK_ID, reportedAt: '2026-03-10T03:00:00Z', reportedOn: '2026-03-10', due: '2026-03-31', onTime: true },
        },
      ];
    case 'cancelled':
      return [...start, { type: 'TaskCancelled', data: { taskId: TASK_ID, reason: 'Hủy' } }];
  }
}

const STATES: TaskStatus[] = [
  'assigned',
  'acknowledged',
  'in_progress',
  'reassignment_requested',
  'completion_reported',
  'completed',
  'cancelled',
];

// The lifecycle table, written out by hand: for each command, the events it gives in each state
// (columns in the order of STATES), or "-" for a refusal.
const TABLE: Record<TaskCommandType, string[]> = {
  AcknowledgeTask: ['TaskAcknowledged', '-', '-', '-', '-', '-', '-'],
  DeclineTask: ['TaskDeclined', '-', '-', '-', '-', '-', '-'],
  ReassignTask: ['TaskReassigned', 'TaskReassigned', 'TaskReassigned', 'TaskReassigned', 'TaskReassigned', '-', '-'],
  ReportProgress: ['-', 'ProgressReported', 'ProgressReported', '-', '-', '-', '-'],
  RequestExtension: ['ExtensionRequested', 'ExtensionRequested', 'ExtensionRequested', '-', '-', '-', '-'],
  ApproveExtension: [
    'ExtensionApproved+DeadlineChanged',
    'ExtensionApproved+DeadlineChanged',
    'ExtensionApproved+DeadlineChanged',
    'ExtensionApproved+DeadlineChanged',
    'ExtensionApproved+DeadlineChanged',
    '-',
    '-',
  ],
  RejectExtension: ['ExtensionRejected', 'ExtensionRejected', 'ExtensionRejected', 'ExtensionRejected', 'ExtensionRejected', '-', '-'],
  AmendDeadline: ['DeadlineChanged', 'DeadlineChanged', 'DeadlineChanged', 'DeadlineChanged', 'DeadlineChanged', '-', '-'],
  ReportCompletion: ['-', 'CompletionReported', 'CompletionReported', '-', '-', '-', '-'],
  AcceptCompletion: ['-', '-', '-', '-', 'TaskCompleted', '-', '-'],
  ReturnCompletion: ['-', '-', '-', '-', 'CompletionReturned', '-', '-'],
  CancelTask: ['TaskCancelled', 'TaskCancelled', 'TaskCancelled', 'TaskCancelled', 'TaskCancelled', '-', '-'],
  DelegateTask: ['-', 'TaskDelegated', 'TaskDelegated', '-', '-', '-', '-'],
  MarkTaskOverdue: ['TaskBecameOverdue', 'TaskBecameOverdue', 'TaskBecameOverdue', 'TaskBecameOverdue', '-', '-', '-'],
  RecordNotificationSent: ['ReminderSent', 'ReminderSent', 'ReminderSent', 'ReminderSent', 'ReminderSent', 'ReminderSent', 'ReminderSent'],
  SubmitPeriodicReport: ['PeriodicReportSubmitted', 'PeriodicReportSubmitted', 'PeriodicReportSubmitted', '-', '-', '-', '-'],
  IssueReminderLetter: ['ReminderLetterIssued', 'ReminderLetterIssued', 'ReminderLetterIssued', '-', '-', '-', '-'],
};
/** Commands of periodic duties are tried on a monthly duty. */
const PERIODIC: TaskCommandType[] = ['SubmitPeriodicReport'];

const NEEDS_PENDING: TaskCommandType[] = ['ApproveExtension', 'RejectExtension'];
const rows = (Object.keys(TABLE) as TaskCommandType[]).flatMap((type) =>
  STATES.map((status, i) => ({ type, status, expected: TABLE[type][i] })),
);

describe('task lifecycle: every (state, command) pair', () => {
  it.each(rows)('$type in $status → $expected', ({ type, status, expected }) => {
    const state = fold(given(status, NEEDS_PENDING.includes(type), PERIODIC.includes(type)));
    const cmd = command(type, { today: type === 'MarkTaskOverdue' || type === 'IssueReminderLetter' ? '2026-04-10' : '2026-03-15' });
    if (expected === '-') {
      let error: unknown;
      try {
        decideTask(cmd, state);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(CommandRefusedError);
      expect((error as CommandRefusedError).state).toBe(status);
      expect((error as Error).message).toContain(`“${TASK_STATUS_LABELS[status]}”`);
    } else {
      expect(
        decideTask(cmd, state)
          .map((e) => e.type)
          .join('+'),
      ).toBe(expected);
    }
  });

  it.each(Object.keys(TABLE) as TaskCommandType[])('%s on a task that does not exist → not found', (type) => {
    expect(() => decideTask(command(type), undefined)).toThrow(NotFoundError);
    expect(() => decideTask(command(type), undefined)).toThrow('Nhiệm vụ không tồn tại');
  });

  it('covers every command type', () => {
    const types = (Object.keys(TABLE) as TaskCommandType[]).sort();
    expect(types).toHaveLength(17);
    expect(rows).toHaveLength(17 * STATES.length);
  });

  it('the table matches the states each event leads to', () => {
    const state = fold([assigned(), ack, progress]);
    const events = decideTask(command('ReportCompletion'), state);
    expect(fold([assigned(), ack, progress, ...events])?.status).toBe('completion_reported');
    expect(decideTask(command('AcknowledgeTask', { actor: VPCP }), fold([assigned()]))[0].data).toEqual({ taskId: TASK_ID, by: 'vpcp' });
    expect(LEAD.agency).toBe('BTC');
  });
});
