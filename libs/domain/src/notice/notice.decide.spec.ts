import { ActorForbiddenError, CommandRefusedError, InvalidCommandError } from '../domain.errors';
import { noticeIdFor, taskIdFor } from '../ids';
import { decideRegisterNotice } from './notice.decide';
import { evolveNotice } from './notice.evolve';
import { RegisterNotice } from './register-notice.command';

const noticeId = noticeIdFor('45/TB-VPCP', '2020-02-12');
const register = (overrides: Partial<RegisterNotice['payload']> = {}, role: 'vpcp' | 'agency' = 'vpcp'): RegisterNotice => ({
  type: 'RegisterNotice',
  actor: { id: 'u1', role },
  now: '2020-02-12T03:00:00Z',
  today: '2020-02-12',
  payload: {
    noticeId,
    number: '45/TB-VPCP',
    issuedAt: '2020-02-12',
    title: 'Kết luận của Thủ tướng tại phiên họp Ủy ban Quốc gia về Chính phủ điện tử',
    directives: [
      {
        text: 'Hoàn thành Nền tảng tích hợp, chia sẻ dữ liệu quốc gia',
        lead: ['BTTTT', 'BCA'],
        coordinators: ['BCA', 'VPCP'],
        deadline: { due: '2020-03-31', kind: 'quarter', phrase: 'trong Quý I năm 2020' },
        key: true,
        confidential: false,
        tasks: [
          { taskId: taskIdFor(noticeId, 0, 'BKHCN'), lead: 'BKHCN' },
          { taskId: taskIdFor(noticeId, 0, 'BCA'), lead: 'BCA' },
        ],
      },
    ],
    ...overrides,
  },
});

describe('RegisterNotice', () => {
  it('gives NoticeRegistered and one TaskAssigned per task', () => {
    const { notice, tasks } = decideRegisterNotice(register(), undefined);
    expect(notice.data.directives[0].tasks.map((t) => t.taskId)).toEqual(['2020-45-tb-vpcp.1.bkhcn', '2020-45-tb-vpcp.1.bca']);
    expect(tasks.map((t) => t.data.lead)).toEqual(['BKHCN', 'BCA']);
    // The lead is not its own coordinator.
    expect(tasks[1].data.coordinators).toEqual(['VPCP']);
    expect(tasks[0].data).toMatchObject({ noticeNumber: '45/TB-VPCP', key: true, deadline: { due: '2020-03-31' } });
  });
  it('is refused when the notice exists, for a non-VPCP actor, and for bad input', () => {
    const existing = evolveNotice(undefined, decideRegisterNotice(register(), undefined).notice);
    expect(() => decideRegisterNotice(register(), existing)).toThrow(CommandRefusedError);
    expect(() => decideRegisterNotice(register(), existing)).toThrow('Thông báo số 45/TB-VPCP đã được đăng ký');
    expect(() => decideRegisterNotice(register({}, 'agency'), undefined)).toThrow(ActorForbiddenError);
    expect(() => decideRegisterNotice(register({ issuedAt: '2020-02-30' }), undefined)).toThrow(InvalidCommandError);
    expect(() => decideRegisterNotice(register({ directives: [] }), undefined)).toThrow(InvalidCommandError);
  });
  it('derives stable ids from the number and year', () => {
    expect(noticeIdFor('45/TB-VPCP', '2020-02-12')).toBe('2020-45-tb-vpcp');
    expect(noticeIdFor('6922/VP-KGVX', '2021-12-01')).toBe('2021-6922-vp-kgvx');
  });
});

describe('a report row that says it is done or under way (issue 12)', () => {
  it('imports its tasks as completed, on time or late by the deadline, or in progress with the text', () => {
    const base = register();
    const [first] = base.payload.directives;
    const rows = [
      { ...first, status: { kind: 'done' as const, result: 'Đã ban hành Nghị định số 47/2020/NĐ-CP', reportedOn: '2020-04-01' } },
      {
        ...first,
        tasks: first.tasks.map((t) => ({ ...t, taskId: `${t.taskId}-b` })),
        status: { kind: 'in_progress' as const, result: 'Đang lấy ý kiến các Bộ' },
      },
    ];
    const { reported } = decideRegisterNotice({ ...base, payload: { ...base.payload, directives: rows } }, undefined);
    const done = Object.entries(reported).find(([id]) => !id.endsWith('-b'))![1];
    expect(done.map((e) => e.type)).toEqual(['CompletionReported', 'TaskCompleted']);
    expect(done[1].data).toMatchObject({ reportedOn: '2020-04-01' });
    const ongoing = Object.entries(reported).find(([id]) => id.endsWith('-b'))![1];
    expect(ongoing).toEqual([
      expect.objectContaining({ type: 'TaskAcknowledged' }),
      expect.objectContaining({ type: 'ProgressReported', data: expect.objectContaining({ note: 'Đang lấy ý kiến các Bộ' }) }),
    ]);
  });
});
