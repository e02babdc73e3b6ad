import { DeadlinePolicy, IDENTITY_DEADLINE_POLICY } from '../deadline';
import { ActorForbiddenError, CommandRefusedError, InvalidCommandError, NotFoundError } from '../domain.errors';
import { formatLocalDate, isLocalDate } from '../local-date';
import { Actor } from '../actor';
import { AmendDeadline, ApproveExtension, deadlineOn, TaskCommand, TaskCommandType } from './task.commands';
import { AttachmentRef, TaskEvent } from './task.events';
import { actsAsDelegator, mayAct, maySee, Who } from '../access/access.policy';
import { describeWho } from './task.permissions';
import { fieldLabel, notInStateReason } from './task.reasons';
import { nextOccurrence } from './recurrence';
import { isOpen, OccurrenceRecord, OPEN_STATUSES, Task, TaskState, TaskStatus } from './task.state';

type CommandOf<T extends TaskCommandType> = Extract<TaskCommand, { type: T }>;

interface Rule<T extends TaskCommandType> {
  from: readonly TaskStatus[];
  who: Who;
  /** A condition on the task beyond its status (refused with `reason` when it does not hold). */
  requires?: { holds: (task: Task) => boolean; reason: string };
  /** Not one of the task page's actions: issued from elsewhere for many tasks at once (a đôn đốc letter). */
  offered?: false;
  decide(command: CommandOf<T>, task: Task, policy: DeadlinePolicy): TaskEvent[];
}

const NO_PENDING_EXTENSION = 'Nhiệm vụ không có đề nghị gia hạn nào đang chờ xem xét';

const PENDING_EXTENSION = { holds: (t: Task) => t.pendingExtension !== undefined, reason: NO_PENDING_EXTENSION };

const ACTIVE: readonly TaskStatus[] = ['acknowledged', 'in_progress'];
const WORKABLE: readonly TaskStatus[] = ['assigned', 'acknowledged', 'in_progress'];

/** The lifecycle table of DESIGN.md, one row per command. */
export const TASK_RULES: { [T in TaskCommandType]: Rule<T> } = {
  AcknowledgeTask: {
    from: ['assigned'],
    who: 'lead',
    decide: (c, t) => [{ type: 'TaskAcknowledged', data: { taskId: t.taskId, by: by(c) } }],
  },
  DeclineTask: {
    from: ['assigned'],
    who: 'lead',
    decide: (c, t) => [{ type: 'TaskDeclined', data: { taskId: t.taskId, by: by(c), reason: text(c, 'reason', c.payload.reason) } }],
  },
  ReassignTask: {
    from: OPEN_STATUSES,
    who: 'reviewer',
    decide: (c, t) => {
      if (c.payload.agency === t.lead)
        invalid(c, `Cơ quan ${t.lead} đang là cơ quan chủ trì nhiệm vụ này; vui lòng chọn cơ quan khác`, 'agency');
      // A delegating agency moves its sub-task among its own units; across agencies it is VPCP's call.
      if (actsAsDelegator(c.actor, t) && c.payload.toParent !== t.delegatedBy)
        throw new ActorForbiddenError(
          c.type,
          'Cơ quan đã giao chỉ được chuyển nhiệm vụ cho đơn vị cấp dưới của mình; chuyển cho cơ quan khác do Văn phòng Chính phủ quyết định',
        );
      const reason = text(c, 'reason', c.payload.reason);
      return [{ type: 'TaskReassigned', data: { taskId: t.taskId, from: t.lead, to: c.payload.agency, reason } }];
    },
  },
  ReportProgress: {
    from: ACTIVE,
    who: 'participant',
    decide: (c, t) => {
      const { percent, documentRef } = c.payload;
      if (percent !== undefined && !(percent >= 0 && percent <= 100)) invalid(c, 'Tỷ lệ hoàn thành phải từ 0 đến 100%', 'percent');
      const note = text(c, 'note', c.payload.note);
      return [{ type: 'ProgressReported', data: { taskId: t.taskId, by: by(c), note, percent, documentRef, ...attachmentsOf(c.payload) } }];
    },
  },
  RequestExtension: {
    from: WORKABLE,
    who: 'lead',
    requires: {
      holds: (t) => !t.pendingExtension,
      reason: 'Nhiệm vụ đang có một đề nghị gia hạn chờ xem xét; vui lòng chờ kết quả trước khi đề nghị tiếp',
    },
    decide: (c, t) => {
      const proposedDue = date(c, 'proposedDue', c.payload.proposedDue);
      if (t.deadline.due !== null && proposedDue <= t.deadline.due)
        invalid(c, `Thời hạn đề nghị phải sau thời hạn hiện tại (${formatLocalDate(t.deadline.due)})`, 'proposedDue');
      const reason = text(c, 'reason', c.payload.reason);
      const data = { taskId: t.taskId, by: by(c), currentDue: t.deadline.due, proposedDue, reason };
      return [{ type: 'ExtensionRequested', data }];
    },
  },
  ApproveExtension: {
    from: OPEN_STATUSES,
    who: 'reviewer',
    requires: PENDING_EXTENSION,
    decide: (c, t, policy) => {
      if (!t.pendingExtension) refuse(c, t, NO_PENDING_EXTENSION); // (checked by `requires`; narrows the type)
      const due = c.payload.due === undefined ? t.pendingExtension.proposedDue : date(c, 'due', c.payload.due);
      withinParent(c, t, due, policy);
      const to = deadlineOn(due, `gia hạn theo đề nghị: ${t.pendingExtension.reason}`);
      return [
        { type: 'ExtensionApproved', data: { taskId: t.taskId, due, ...commentOf(c.payload) } },
        {
          type: 'DeadlineChanged',
          data: { taskId: t.taskId, from: t.deadline, to, reason: t.pendingExtension.reason, cause: 'extension' },
        },
      ];
    },
  },
  RejectExtension: {
    from: OPEN_STATUSES,
    who: 'reviewer',
    requires: PENDING_EXTENSION,
    decide: (c, t) => {
      return [{ type: 'ExtensionRejected', data: { taskId: t.taskId, reason: text(c, 'reason', c.payload.reason) } }];
    },
  },
  AmendDeadline: {
    from: OPEN_STATUSES,
    who: 'reviewer',
    decide: (c, t, policy) => {
      const due = date(c, 'due', c.payload.due);
      withinParent(c, t, due, policy);
      if (due === t.deadline.due) invalid(c, `Thời hạn mới trùng với thời hạn hiện tại (${formatLocalDate(due)})`, 'due');
      const reason = text(c, 'reason', c.payload.reason);
      const to = deadlineOn(due, reason);
      return [{ type: 'DeadlineChanged', data: { taskId: t.taskId, from: t.deadline, to, reason, cause: 'amendment' } }];
    },
  },
  ReportCompletion: {
    from: ACTIVE,
    who: 'lead',
    decide: (c, t) => {
      const result = text(c, 'result', c.payload.result);
      const data = {
        taskId: t.taskId,
        by: by(c),
        result,
        documentRef: c.payload.documentRef,
        ...attachmentsOf(c.payload),
        reportedAt: c.now,
        reportedOn: c.today,
      };
      return [{ type: 'CompletionReported', data }];
    },
  },
  AcceptCompletion: {
    from: ['completion_reported'],
    who: 'reviewer',
    decide: (c, t, policy) => {
      const report = t.completionReport!;
      const due = t.deadline.due;
      const onTime = due === null ? null : report.reportedOn <= policy.effectiveDue(due);
      const data = { taskId: t.taskId, reportedAt: report.reportedAt, reportedOn: report.reportedOn, due, onTime, ...commentOf(c.payload) };
      return [{ type: 'TaskCompleted', data }];
    },
  },
  ReturnCompletion: {
    from: ['completion_reported'],
    who: 'reviewer',
    decide: (c, t) => [{ type: 'CompletionReturned', data: { taskId: t.taskId, reason: text(c, 'reason', c.payload.reason) } }],
  },
  CancelTask: {
    from: OPEN_STATUSES,
    who: 'reviewer',
    decide: (c, t) => [{ type: 'TaskCancelled', data: { taskId: t.taskId, reason: text(c, 'reason', c.payload.reason) } }],
  },
  DelegateTask: {
    from: ACTIVE,
    who: 'lead',
    decide: (c, t, policy) => {
      const { childTaskId, unit, unitParent, note } = c.payload;
      if (unitParent !== t.lead) invalid(c, `Đơn vị ${unit} không phải là đơn vị cấp dưới của cơ quan ${t.lead}`, 'agency');
      const due = date(c, 'due', c.payload.due);
      if (t.deadline.due !== null && due > policy.effectiveDue(t.deadline.due))
        invalid(c, `Thời hạn giao đơn vị không được muộn hơn thời hạn của nhiệm vụ (${formatLocalDate(t.deadline.due)})`, 'due');
      return [{ type: 'TaskDelegated', data: { taskId: t.taskId, childTaskId, unit, due, note } }];
    },
  },
  MarkTaskOverdue: {
    from: ['assigned', 'acknowledged', 'in_progress', 'reassignment_requested'],
    who: 'system',
    decide: (c, t, policy) => {
      const due = t.deadline.due;
      if (due === null) refuse(c, t, 'Nhiệm vụ không có thời hạn nên không thể quá hạn');
      if (c.today <= policy.effectiveDue(due)) refuse(c, t, `Nhiệm vụ chưa quá hạn (thời hạn ${formatLocalDate(due)})`);
      if (t.overdueFor.includes(due)) return [];
      // A periodic duty is not overdue for good: the period is recorded as missed, once, and the next one opens.
      const current = currentOccurrence(t);
      if (t.deadline.recurrence && current)
        return [{ type: 'PeriodicReportMissed', data: { taskId: t.taskId, period: current.period, due, next: nextOf(t, due) } }];
      return [{ type: 'TaskBecameOverdue', data: { taskId: t.taskId, due } }];
    },
  },
  SubmitPeriodicReport: {
    from: WORKABLE,
    who: 'lead',
    requires: { holds: (t) => t.deadline.recurrence !== undefined, reason: 'Nhiệm vụ này không phải nhiệm vụ báo cáo định kỳ' },
    decide: (c, t, policy) => {
      const { period } = c.payload;
      const occurrence = (t.occurrences ?? []).find((o) => o.period === period);
      if (!occurrence)
        invalid(
          c,
          `Không có kỳ báo cáo ${period} của nhiệm vụ này (kỳ hiện tại: ${currentOccurrence(t)?.period ?? 'không còn'})`,
          'period',
        );
      if (occurrence.reportedAt) refuse(c, t, `Kỳ ${period} đã được báo cáo ngày ${formatLocalDate(occurrence.reportedOn!)}`);
      const note = text(c, 'note', c.payload.note);
      const isCurrent = occurrence === currentOccurrence(t);
      const onTime = isCurrent && c.today <= policy.effectiveDue(occurrence.due);
      const data = {
        taskId: t.taskId,
        by: by(c),
        period,
        due: occurrence.due,
        note,
        documentRef: c.payload.documentRef,
        reportedAt: c.now,
        reportedOn: c.today,
        onTime,
      };
      return [{ type: 'PeriodicReportSubmitted', data: isCurrent ? { ...data, next: nextOf(t, occurrence.due) } : data }];
    },
  },
  IssueReminderLetter: {
    // A letter chases an agency that has work to do on a task whose deadline has passed.
    from: WORKABLE,
    who: 'reviewer',
    offered: false,
    decide: (c, t, policy) => {
      const due = t.deadline.due;
      if (due === null) refuse(c, t, 'Nhiệm vụ không có thời hạn nên không thể đôn đốc vì quá hạn');
      if (c.today <= policy.effectiveDue(due)) refuse(c, t, `Nhiệm vụ chưa quá hạn (thời hạn ${formatLocalDate(due)})`);
      const { letterId, number } = c.payload;
      // The same letter recorded again is a retry: the first record stands.
      if (t.letters?.some((l) => l.letterId === letterId)) return [];
      const reportBy = date(c, 'reportBy', c.payload.reportBy);
      const data = { taskId: t.taskId, letterId, ...(number ? { number } : {}), agency: t.lead, issuedOn: c.today, due, reportBy };
      return [{ type: 'ReminderLetterIssued', data }];
    },
  },
  RecordNotificationSent: {
    from: ['assigned', 'acknowledged', 'in_progress', 'reassignment_requested', 'completion_reported', 'completed', 'cancelled'],
    who: 'system',
    decide: (c, t) => {
      const { kind, rung, due, to } = c.payload;
      const key = notificationKey(t.taskId, rung, due);
      // Recording twice is a retry, not an error: the first record stands.
      if (t.notificationsSent.includes(key)) return [];
      const type = kind === 'reminder' ? 'ReminderSent' : 'EscalationSent';
      return [{ type, data: { taskId: t.taskId, key, rung, due, to } }];
    },
  },
};

/** A periodic duty's open period: the last occurrence neither reported nor missed. */
export function currentOccurrence(task: Task): OccurrenceRecord | undefined {
  const last = task.occurrences?.[task.occurrences.length - 1];
  return last && !last.reportedAt && !last.missed ? last : undefined;
}

/** The occurrence after `due` (null once the series has ended). */
const nextOf = (t: Task, due: string): { period: string; due: string } | null =>
  t.deadline.recurrence ? (nextOccurrence(t.deadline.recurrence, due) ?? null) : null;

/** The deadline is running: the states from which the scheduler may mark the task overdue. */
export const canBecomeOverdue = (task: Task): boolean =>
  task.deadline.due !== null && TASK_RULES.MarkTaskOverdue.from.includes(task.status);

const LEAD_STATES: ReadonlySet<TaskStatus> = new Set(Object.values(TASK_RULES).flatMap((rule) => (rule.who === 'lead' ? rule.from : [])));

/** The lead agency has something to do (a lead command is allowed): reminders go to it. */
export const awaitsLead = (task: Pick<Task, 'status'>): boolean => LEAD_STATES.has(task.status);

export function notificationKey(taskId: string, rung: string, due: string): string {
  return `${taskId}|${rung}|${due}`;
}

/** decide(command, state) → events, or a typed error naming the current state. */
export function decideTask(command: TaskCommand, state: TaskState, policy: DeadlinePolicy = IDENTITY_DEADLINE_POLICY): TaskEvent[] {
  authorizeTask(command, state);
  const rule = TASK_RULES[command.type] as Rule<TaskCommandType>;
  if (!rule.from.includes(state.status)) {
    throw new CommandRefusedError(command.type, state.status, notInStateReason(command.type, state.status, isOpen(state), rule.from));
  }
  if (rule.requires && !rule.requires.holds(state)) refuse(command, state, rule.requires.reason);
  return rule.decide(command as never, state, policy);
}

/**
 * See, then act (issue 9, finding 6): one who may not see the task is told it does not exist (404),
 * one who sees it but may not issue this command is refused (403). The command edge calls this
 * before it looks at idempotency keys or revisions, so neither tells anything to an outsider.
 */
export function authorizeTask(command: Pick<TaskCommand, 'type' | 'actor'>, state: TaskState): asserts state is Task {
  if (!state || !maySee(command.actor, state)) throw new NotFoundError('Nhiệm vụ');
  const who = TASK_RULES[command.type].who;
  if (!mayAct(who, command.actor, state)) throw new ActorForbiddenError(command.type, describeWho(who, command.type));
}

/** The commands an actor may issue on a task in its current state: what the web app offers as buttons. */
export function allowedActions(actor: Actor, task: Task): TaskCommandType[] {
  return (Object.keys(TASK_RULES) as TaskCommandType[]).filter((type) => {
    const rule = TASK_RULES[type] as Rule<TaskCommandType>;
    return (
      rule.who !== 'system' &&
      rule.offered !== false &&
      rule.from.includes(task.status) &&
      (rule.requires?.holds(task) ?? true) &&
      mayAct(rule.who, actor, task)
    );
  });
}

/** A delegating agency keeps its sub-task's deadline within the parent's (finding 4). */
function withinParent(c: AmendDeadline | ApproveExtension, t: Task, due: string, policy: DeadlinePolicy): void {
  if (!actsAsDelegator(c.actor, t)) return;
  const parentDue = c.payload.parentDue;
  if (parentDue === undefined) invalid(c, 'Chưa xác định được thời hạn của nhiệm vụ cấp trên', 'due');
  if (parentDue !== null && due > policy.effectiveDue(parentDue))
    invalid(c, `Thời hạn của đơn vị không được muộn hơn thời hạn của nhiệm vụ cấp trên (${formatLocalDate(parentDue)})`, 'due');
}

const by = (c: TaskCommand): string => c.actor.agency ?? c.actor.role;

/** Attachments go into the event only when there are some: events without them stay as they were. */
const attachmentsOf = (p: { attachments?: AttachmentRef[] }): { attachments?: AttachmentRef[] } =>
  p.attachments?.length ? { attachments: p.attachments.map((a) => ({ ...a })) } : {};

/** A reviewer's optional comment goes into the event only when it has words: events without one stay as they were. */
const commentOf = (p: { comment?: string }): { comment?: string } => {
  const comment = p.comment?.trim();
  return comment ? { comment } : {};
};

function refuse(c: TaskCommand, t: Task, reason: string): never {
  throw new CommandRefusedError(c.type, t.status, reason);
}

function invalid(c: TaskCommand, reason: string, field?: string): never {
  throw new InvalidCommandError(c.type, reason, field);
}

function text(c: TaskCommand, field: string, value: string | undefined): string {
  const trimmed = (value ?? '').trim();
  if (!trimmed) invalid(c, `${fieldLabel(field)} không được để trống`, field);
  return trimmed;
}

function date(c: TaskCommand, field: string, value: string): string {
  if (!isLocalDate(value)) invalid(c, `${fieldLabel(field)} phải là một ngày có thật, dạng YYYY-MM-DD`, field);
  return value;
}
