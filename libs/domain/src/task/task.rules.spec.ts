import { ActorForbiddenError, CommandRefusedError, InvalidCommandError, NotFoundError } from '../domain.errors';
import { decideTask } from './task.decide';
import { childAssignment } from './task-delegation';
import { TaskDelegated, TaskEvent } from './task.events';
import { evolveTask } from './task.evolve';
import { assigned, command, COORDINATOR, fold, LEAD, OTHER_AGENCY, TASK_ID } from '@tdnv/testing';

const ack: TaskEvent = { type: 'TaskAcknowledged', data: { taskId: TASK_ID, by: 'BTC' } };
const sundayRollsToTuesday = { effectiveDue: (due: string) => (due === '2025-08-31' ? '2025-09-03' : due) };

/** given events, when command, then events (or error). */
function when(events: TaskEvent[], cmd: ReturnType<typeof command>, policy = { effectiveDue: (d: string) => d }) {
  return decideTask(cmd, fold(events), policy);
}

describe('who may act', () => {
  it('another agency is told the task does not exist (it may not see it)', () => {
    expect(() => when([assigned()], command('AcknowledgeTask', { actor: OTHER_AGENCY }))).toThrow(NotFoundError);
  });
  it('a coordinator may report progress but not acknowledge or report completion', () => {
    expect(when([assigned(), ack], command('ReportProgress', { actor: COORDINATOR }))[0].type).toBe('ProgressReported');
    expect(() => when([assigned()], command('AcknowledgeTask', { actor: COORDINATOR }))).toThrow(ActorForbiddenError);
    expect(() => when([assigned(), ack], command('ReportCompletion', { actor: COORDINATOR }))).toThrow(ActorForbiddenError);
  });
  it('an agency may not review its own completion report', () => {
    const reported = when([assigned(), ack], command('ReportCompletion'));
    expect(() => when([assigned(), ack, ...reported], command('AcceptCompletion', { actor: LEAD }))).toThrow(ActorForbiddenError);
  });
  it('the scheduler commands are not open to people', () => {
    expect(() => when([assigned()], command('MarkTaskOverdue', { actor: LEAD, today: '2026-04-10' }))).toThrow(ActorForbiddenError);
  });
});

describe('deadlines', () => {
  it('an approved extension moves the deadline to the proposed date and keeps the original', () => {
    const events = [assigned(), ...when([assigned()], command('RequestExtension'))];
    const approved = when(events, command('ApproveExtension'));
    const state = fold([...events, ...approved]);
    expect(state?.deadline.due).toBe('2026-06-30');
    expect(state?.originalDeadline.due).toBe('2026-03-31');
    expect(state?.pendingExtension).toBeUndefined();
  });
  it('VPCP may approve another date than the one proposed', () => {
    const events = [assigned(), ...when([assigned()], command('RequestExtension'))];
    const [, changed] = when(events, command('ApproveExtension', { payload: { due: '2026-05-31' } }));
    expect(changed).toMatchObject({ type: 'DeadlineChanged', data: { cause: 'extension', to: { due: '2026-05-31' } } });
  });
  it("an approval keeps the reviewer's comment in ExtensionApproved", () => {
    const events = [assigned(), ...when([assigned()], command('RequestExtension'))];
    const [approved] = when(events, command('ApproveExtension', { payload: { comment: 'Đồng ý, lưu ý bảo đảm tiến độ' } }));
    expect(approved).toMatchObject({ type: 'ExtensionApproved', data: { comment: 'Đồng ý, lưu ý bảo đảm tiến độ' } });
    expect(when(events, command('ApproveExtension'))[0].data).not.toHaveProperty('comment');
  });
  it('a second request while one is pending is refused', () => {
    const events = [assigned(), ...when([assigned()], command('RequestExtension'))];
    expect(() => when(events, command('RequestExtension'))).toThrow(CommandRefusedError);
  });
  it('an extension must move the deadline later, to a real date', () => {
    expect(() => when([assigned()], command('RequestExtension', { payload: { proposedDue: '2026-03-01' } }))).toThrow(InvalidCommandError);
    expect(() => when([assigned()], command('RequestExtension', { payload: { proposedDue: '2026-02-30' } }))).toThrow(InvalidCommandError);
  });
  it('overdue is recorded once per due date, only after the effective due date', () => {
    expect(() => when([assigned()], command('MarkTaskOverdue', { today: '2026-03-31' }))).toThrow(CommandRefusedError);
    const overdue = when([assigned()], command('MarkTaskOverdue', { today: '2026-04-01' }));
    expect(overdue).toEqual([{ type: 'TaskBecameOverdue', data: { taskId: TASK_ID, due: '2026-03-31' } }]);
    expect(when([assigned(), ...overdue], command('MarkTaskOverdue', { today: '2026-04-02' }))).toEqual([]);
  });
  it('a due date on a Sunday before holidays is not overdue until the rolled-forward day has passed', () => {
    const given = [assigned('2025-08-31')];
    const at = (today: string) => command('MarkTaskOverdue', { today });
    expect(() => when(given, at('2025-09-03'), sundayRollsToTuesday)).toThrow(CommandRefusedError);
    expect(when(given, at('2025-09-04'), sundayRollsToTuesday)).toHaveLength(1);
  });
});

describe('completion', () => {
  const reportOn = (today: string) => when([assigned(), ack], command('ReportCompletion', { today }));
  const acceptAfter = (today: string, policy = { effectiveDue: (d: string) => d }) => {
    const given = [assigned(), ack, ...reportOn(today)];
    return when(given, command('AcceptCompletion', { today: '2026-05-01' }), policy)[0];
  };
  it('is on time when reported on or before the due date, whenever VPCP accepts it', () => {
    expect(acceptAfter('2026-03-31').data).toMatchObject({ onTime: true, reportedOn: '2026-03-31' });
    expect(acceptAfter('2026-04-01').data).toMatchObject({ onTime: false });
  });
  it('a returned report goes back to in progress and needs a new report', () => {
    const given = [assigned(), ack, ...reportOn('2026-03-20')];
    const returned = when(given, command('ReturnCompletion'));
    const state = fold([...given, ...returned]);
    expect(state?.status).toBe('in_progress');
    expect(state?.completionReport).toBeUndefined();
  });
  it("records the reviewer's comment on accepting, and none when it is blank", () => {
    const given = [assigned(), ack, ...reportOn('2026-03-20')];
    const accept = (comment?: string) => when(given, command('AcceptCompletion', { payload: { comment } }))[0].data;
    expect(accept('  Đạt yêu cầu, đề nghị lưu hồ sơ ')).toMatchObject({ comment: 'Đạt yêu cầu, đề nghị lưu hồ sơ' });
    expect(accept('   ')).not.toHaveProperty('comment');
    expect(accept()).not.toHaveProperty('comment');
  });
  it('a task without a deadline completes with onTime null', () => {
    const given = [assigned(null), ack, ...when([assigned(null), ack], command('ReportCompletion'))];
    expect(when(given, command('AcceptCompletion'))[0].data).toMatchObject({ onTime: null, due: null });
  });
});

describe('delegation', () => {
  it('creates a child task for a unit of the lead, due no later than the parent', () => {
    const [delegated] = when([assigned(), ack], command('DelegateTask')) as [TaskDelegated];
    const child = childAssignment(fold([assigned(), ack])!, delegated, '2026-03-15T03:00:00Z');
    expect(child.data).toMatchObject({ lead: 'BTC-CUC-TH', parentTaskId: TASK_ID, delegatedBy: 'BTC', deadline: { due: '2026-03-20' } });
  });
  it("keeps the Government's directive text and puts the delegating agency's note in its own field", () => {
    const cmd = command('DelegateTask', { payload: { note: '  Cục Tổng hợp chủ trì, báo cáo Bộ trước ngày 15  ' } });
    const [delegated] = when([assigned(), ack], cmd) as [TaskDelegated];
    const parent = fold([assigned(), ack])!;
    const child = childAssignment(parent, delegated, '2026-03-15T03:00:00Z');
    expect(child.data.text).toBe(parent.text);
    expect(child.data.delegationNote).toBe('Cục Tổng hợp chủ trì, báo cáo Bộ trước ngày 15');
    expect(evolveTask(undefined, child)).toMatchObject({ text: parent.text, delegationNote: child.data.delegationNote });
  });
  it('records no note field when the delegating agency wrote none', () => {
    const [delegated] = when([assigned(), ack], command('DelegateTask')) as [TaskDelegated];
    expect(childAssignment(fold([assigned(), ack])!, delegated, '2026-03-15T03:00:00Z').data).not.toHaveProperty('delegationNote');
  });
  it('refuses a later due date and a unit of another agency', () => {
    expect(() => when([assigned(), ack], command('DelegateTask', { payload: { due: '2026-04-01' } }))).toThrow(InvalidCommandError);
    expect(() => when([assigned(), ack], command('DelegateTask', { payload: { unitParent: 'BCA' } }))).toThrow(InvalidCommandError);
  });
});

describe('reasons users read', () => {
  const refusal = (run: () => unknown): Error => {
    try {
      run();
    } catch (error) {
      return error as Error;
    }
    throw new Error('expected a refusal');
  };
  it('name who may act, in Vietnamese', () => {
    const error = refusal(() => when([assigned()], command('AcknowledgeTask', { actor: COORDINATOR })));
    expect(error).toMatchObject({
      command: 'AcknowledgeTask',
      reason: 'Chỉ cơ quan chủ trì hoặc Văn phòng Chính phủ mới được tiếp nhận nhiệm vụ',
    });
  });
  it('name the current and the allowed states by their Vietnamese labels', () => {
    const error = refusal(() => when([assigned()], command('ReportProgress')));
    expect(error).toMatchObject({ command: 'ReportProgress', state: 'assigned' });
    expect(error.message).toBe(
      'Không thể báo cáo tiến độ vì nhiệm vụ đang ở trạng thái “Mới giao”; thao tác này chỉ thực hiện được khi nhiệm vụ ở trạng thái “Đã tiếp nhận” hoặc “Đang thực hiện”',
    );
  });
  it('show dates as dd/mm/yyyy', () => {
    const early = refusal(() => when([assigned()], command('RequestExtension', { payload: { proposedDue: '2026-03-01' } })));
    expect(early).toMatchObject({ field: 'proposedDue', message: 'Thời hạn đề nghị phải sau thời hạn hiện tại (31/03/2026)' });
    const late = refusal(() => when([assigned(), ack], command('DelegateTask', { payload: { due: '2026-04-01' } })));
    expect(late).toMatchObject({ field: 'due', message: 'Thời hạn giao đơn vị không được muộn hơn thời hạn của nhiệm vụ (31/03/2026)' });
  });
  it('name an empty field by its Vietnamese label', () => {
    const error = refusal(() => when([assigned()], command('DeclineTask', { payload: { reason: ' ' } })));
    expect(error).toMatchObject({ field: 'reason', message: 'Lý do không được để trống' });
  });
});

describe('notifications and evolve', () => {
  it('recording the same reminder twice appends nothing the second time', () => {
    const sent = when([assigned()], command('RecordNotificationSent'));
    expect(sent).toHaveLength(1);
    expect(when([assigned(), ...sent], command('RecordNotificationSent'))).toEqual([]);
  });
  it('evolve never mutates its input', () => {
    const state = Object.freeze(fold([assigned()])!);
    const snapshot = JSON.stringify(state);
    evolveTask(state, ack);
    evolveTask(state, { type: 'TaskBecameOverdue', data: { taskId: TASK_ID, due: '2026-03-31' } });
    expect(JSON.stringify(state)).toBe(snapshot);
  });
  it('empty reasons are refused', () => {
    expect(() => when([assigned()], command('DeclineTask', { payload: { reason: '   ' } }))).toThrow(InvalidCommandError);
  });
});
