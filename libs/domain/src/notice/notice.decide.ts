import { mayRegisterNotice } from '../access/access.policy';
import { Actor } from '../actor';
import { ActorForbiddenError, CommandRefusedError, InvalidCommandError } from '../domain.errors';
import { isLocalDate } from '../local-date';
import { DeadlinePolicy, IDENTITY_DEADLINE_POLICY } from '../deadline';
import { TaskAssigned, TaskEvent } from '../task/task.events';
import { NoticeRegistered } from './notice.events';
import { NoticeState } from './notice.state';
import { DirectiveToRegister, RegisterNotice, ReportedStatus } from './register-notice.command';

export interface NoticeDecision {
  notice: NoticeRegistered;
  tasks: TaskAssigned[];
  /** Events that follow a task's assignment in the same append (a report row's status), by task id. */
  reported: Record<string, TaskEvent[]>;
}

/** Checked before anything else, also before an Idempotency-Key replay (issue 9, finding 6). */
export function authorizeRegisterNotice(actor: Actor): void {
  if (!mayRegisterNotice(actor)) throw new ActorForbiddenError('RegisterNotice', 'Chỉ Văn phòng Chính phủ mới được đăng ký thông báo');
}

/** RegisterNotice → NoticeRegistered on the notice stream, then one TaskAssigned per task stream. */
export function decideRegisterNotice(
  command: RegisterNotice,
  state: NoticeState,
  policy: DeadlinePolicy = IDENTITY_DEADLINE_POLICY,
): NoticeDecision {
  authorizeRegisterNotice(command.actor);
  if (state) throw new CommandRefusedError(command.type, 'registered', `Thông báo số ${state.number} đã được đăng ký`);
  const p = command.payload;
  validate(command);
  const notice: NoticeRegistered = {
    type: 'NoticeRegistered',
    data: {
      noticeId: p.noticeId,
      number: p.number,
      issuedAt: p.issuedAt,
      title: p.title,
      ...(p.kind ? { kind: p.kind } : {}),
      leader: p.leader,
      trackingOfficer: p.trackingOfficer,
      registeredAt: command.now,
      directives: p.directives.map((d, index) => ({
        index,
        ...(d.path ? { path: d.path } : {}),
        text: d.text,
        lead: d.lead,
        coordinators: d.coordinators,
        deadline: d.deadline,
        key: d.key,
        confidential: d.confidential,
        tasks: d.tasks.map((t) => ({ taskId: t.taskId, lead: t.lead })),
      })),
    },
  };
  const tasks = p.directives.flatMap((d, directiveIndex) =>
    d.tasks.map((t): TaskAssigned => ({
      type: 'TaskAssigned',
      data: {
        taskId: t.taskId,
        noticeId: p.noticeId,
        noticeNumber: p.number,
        directiveIndex,
        text: d.text,
        lead: t.lead,
        // A coordinator that is also this task's lead would coordinate with itself.
        coordinators: d.coordinators.filter((c) => c !== t.lead),
        deadline: d.deadline,
        key: d.key,
        confidential: d.confidential,
        fanout: t.fanout,
        ...(p.historical ? { historical: true } : {}),
        assignedAt: command.now,
      },
    })),
  );
  const reported: Record<string, TaskEvent[]> = {};
  p.directives.forEach((d) => {
    if (!d.status || d.status.kind === 'open') return;
    for (const t of d.tasks) reported[t.taskId] = reportedEvents(t.taskId, t.lead, d, d.status, p.issuedAt, command.now, policy);
  });
  return { notice, tasks, reported };
}

/** A report row marked done or in progress becomes the matching history on each of its tasks. */
function reportedEvents(
  taskId: string,
  lead: string,
  d: DirectiveToRegister,
  status: ReportedStatus,
  issuedAt: string,
  now: string,
  policy: DeadlinePolicy,
): TaskEvent[] {
  const reportedOn = status.reportedOn && isLocalDate(status.reportedOn) ? status.reportedOn : issuedAt;
  const reportedAt = now;
  const text = status.result?.trim() || (status.kind === 'done' ? 'Đã hoàn thành (theo báo cáo)' : 'Đang thực hiện (theo báo cáo)');
  // The agency's own report shows it took the task up: acknowledged, then its progress (in progress).
  if (status.kind === 'in_progress') {
    return [
      { type: 'TaskAcknowledged', data: { taskId, by: lead } },
      { type: 'ProgressReported', data: { taskId, by: lead, note: text } },
    ];
  }
  const due = d.deadline.due;
  const onTime = due === null ? null : reportedOn <= policy.effectiveDue(due);
  return [
    { type: 'CompletionReported', data: { taskId, by: lead, result: text, reportedAt, reportedOn } },
    { type: 'TaskCompleted', data: { taskId, reportedAt, reportedOn, due, onTime } },
  ];
}

function validate(command: RegisterNotice): void {
  const p = command.payload;
  const invalid = (reason: string, field: string): never => {
    throw new InvalidCommandError(command.type, reason, field);
  };
  if (!p.number.trim()) invalid('Số hiệu thông báo không được để trống', 'number');
  if (!isLocalDate(p.issuedAt)) invalid('Ngày ban hành phải là một ngày có thật, dạng YYYY-MM-DD', 'issuedAt');
  if (p.directives.length === 0) invalid('Thông báo cần có ít nhất một chỉ đạo', 'directives');
  const seen = new Set<string>();
  p.directives.forEach((d, i) => {
    if (!d.text.trim()) invalid(`Chỉ đạo thứ ${i + 1} chưa có nội dung`, `directives.${i}.text`);
    if (d.tasks.length === 0) invalid(`Chỉ đạo thứ ${i + 1} chưa có cơ quan chủ trì`, `directives.${i}.lead`);
    if (d.deadline.due !== null && !isLocalDate(d.deadline.due))
      invalid(`Chỉ đạo thứ ${i + 1}: thời hạn phải là một ngày có thật, dạng YYYY-MM-DD`, `directives.${i}.deadline.due`);
    for (const t of d.tasks) {
      if (seen.has(t.taskId)) invalid(`Chỉ đạo thứ ${i + 1} nêu cơ quan ${t.lead} hai lần`, `directives.${i}.lead`);
      seen.add(t.taskId);
    }
  });
}
