import { Actor, allowedActions, Task, TaskCommandType, TaskEvent, taskView, TaskView } from '@tdnv/domain';
import { assigned, fold, TASK_ID } from '@tdnv/testing';
import { actionsFor } from './task-actions';

/**
 * Issue 10: the task page holds no lifecycle rule of its own. For every state a task can be in and
 * every kind of user, the buttons it renders are exactly the server's `allowedActions`.
 */
const ev = (type: TaskEvent['type'], data: object = {}): TaskEvent => ({ type, data: { taskId: TASK_ID, ...data } }) as TaskEvent;
const STATES: Record<string, TaskEvent[]> = {
  assigned: [assigned()],
  acknowledged: [assigned(), ev('TaskAcknowledged', { by: 'BTC' })],
  in_progress: [assigned(), ev('TaskAcknowledged', { by: 'BTC' }), ev('ProgressReported', { by: 'BTC', note: 'x' })],
  'in_progress with an extension pending': [
    assigned(),
    ev('TaskAcknowledged', { by: 'BTC' }),
    ev('ExtensionRequested', { by: 'BTC', currentDue: '2026-03-31', proposedDue: '2026-06-30', reason: 'Chờ ý kiến' }),
  ],
  reassignment_requested: [assigned(), ev('TaskDeclined', { by: 'BTC', reason: 'x' })],
  completion_reported: [
    assigned(),
    ev('TaskAcknowledged', { by: 'BTC' }),
    ev('CompletionReported', { by: 'BTC', result: 'x', reportedAt: '2026-03-01T00:00:00Z', reportedOn: '2026-03-01' }),
  ],
  completed: [
    assigned(),
    ev('TaskAcknowledged', { by: 'BTC' }),
    ev('CompletionReported', { by: 'BTC', result: 'x', reportedAt: '2026-03-01T00:00:00Z', reportedOn: '2026-03-01' }),
    ev('TaskCompleted', { reportedAt: '2026-03-01T00:00:00Z', reportedOn: '2026-03-01', due: '2026-03-31', onTime: true }),
  ],
  cancelled: [assigned(), ev('TaskCancelled', { reason: 'x' })],
};
const USERS: Record<string, Actor> = {
  vpcp: { id: 'u-vpcp', role: 'vpcp' },
  lead: { id: 'u-btc', role: 'agency', agency: 'BTC' },
  coordinator: { id: 'u-byt', role: 'agency', agency: 'BYT' },
  unrelated: { id: 'u-bca', role: 'agency', agency: 'BCA' },
  viewer: { id: 'u-viewer', role: 'viewer' },
  admin: { id: 'u-admin', role: 'admin' },
};
const COMMAND_OF: Record<string, TaskCommandType> = {
  acknowledge: 'AcknowledgeTask',
  decline: 'DeclineTask',
  progress: 'ReportProgress',
  extension: 'RequestExtension',
  completion: 'ReportCompletion',
  delegate: 'DelegateTask',
  'approve-extension': 'ApproveExtension',
  'reject-extension': 'RejectExtension',
  accept: 'AcceptCompletion',
  return: 'ReturnCompletion',
  deadline: 'AmendDeadline',
  reassign: 'ReassignTask',
  cancel: 'CancelTask',
};
const UNITS = [{ code: 'BTC-CUC-TH', name: 'Cục Tin học và Thống kê tài chính' }] as never[];

describe("the task page's buttons are the server's allowedActions", () => {
  for (const [state, events] of Object.entries(STATES)) {
    for (const [who, actor] of Object.entries(USERS)) {
      it(`${state} × ${who}`, () => {
        const task = fold(events) as Task;
        const view: TaskView = taskView(task, events.length - 1, '2026-03-01T00:00:00Z', actor);
        const buttons = actionsFor(view, { id: actor.id, role: actor.role as never, agency: actor.agency }, UNITS).map(
          (a) => COMMAND_OF[a.id],
        );
        expect(buttons.sort()).toEqual([...allowedActions(actor, task)].sort());
      });
    }
  }
});

describe('a decision is asked twice and takes a comment', () => {
  const vpcp = USERS.vpcp;
  const formOf = (state: string, id: string) => {
    const events = STATES[state];
    const view = taskView(fold(events) as Task, events.length - 1, '2026-03-01T00:00:00Z', vpcp);
    return actionsFor(view, { id: vpcp.id, role: 'vpcp' }, UNITS).find((a) => a.id === id)!;
  };
  it.each([
    ['in_progress with an extension pending', 'approve-extension'],
    ['completion_reported', 'accept'],
  ])('%s: %s', (state, id) => {
    const form = formOf(state, id);
    expect(form.confirm).toBeTruthy();
    expect(form.fields).toEqual([{ name: 'comment', label: 'Ý kiến (không bắt buộc)', type: 'textarea' }]);
  });
  it('names the proposed date and the reason in the approval question', () => {
    expect(formOf('in_progress with an extension pending', 'approve-extension').confirm).toBe(
      'Chấp thuận gia hạn đến 30/06/2026 (lý do: Chờ ý kiến)?',
    );
  });
});
