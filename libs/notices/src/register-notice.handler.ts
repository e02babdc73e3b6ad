import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  Deadline,
  DeadlinePolicy,
  InvalidCommandError,
  nextOccurrence,
  noticeIdFor,
  noticeStream,
  taskIdFor,
  taskStream,
  authorizeRegisterNotice,
  decideRegisterNotice,
  NoticeEvent,
  evolveNotice,
  NoticeState,
  DirectiveToRegister,
  PlannedTask,
} from '@tdnv/domain';
import { EventStore } from '@tdnv/event-store';
import { AgencySnapshot, AgencyDirectory } from '@tdnv/agency-directory';
import { runStreamCommand } from '@tdnv/command-handling';
import { DirectiveInput } from './notice-input';
import { RegisterNoticeCommand, RegisterNoticeResult } from './register-notice.command';
import { DEADLINE_POLICY, EVENT_STORE } from '@tdnv/config';

const DATED_KINDS = ['date', 'month', 'quarter', 'year', 'relative', 'range'];

@CommandHandler(RegisterNoticeCommand)
export class RegisterNoticeHandler implements ICommandHandler<RegisterNoticeCommand, RegisterNoticeResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly agencies: AgencyDirectory,
    @Inject(DEADLINE_POLICY) private readonly policy: DeadlinePolicy,
  ) {}

  async execute({ body, context }: RegisterNoticeCommand): Promise<RegisterNoticeResult> {
    const noticeId = noticeIdFor(body.number, body.issuedAt);
    const agencies = await this.agencies.snapshot();
    const directives = body.directives.map((d, i) => toDirective(d, i, noticeId, agencies, body.issuedAt));
    return runStreamCommand<NoticeState, RegisterNoticeResult>(this.store, {
      stream: noticeStream(noticeId),
      initial: undefined,
      evolve: (state, event) => evolveNotice(state, event as NoticeEvent),
      context,
      authorize: () => authorizeRegisterNotice(context.actor),
      respond: (state) => ({ noticeId, taskIds: state?.directives.flatMap((d) => d.tasks.map((t) => t.taskId)) ?? [] }),
      decide: (state) => {
        const command = { type: 'RegisterNotice' as const, actor: context.actor, now: context.now.toISOString(), today: context.today };
        const payload = {
          noticeId,
          number: body.number.trim(),
          issuedAt: body.issuedAt,
          title: body.title,
          kind: body.kind,
          leader: body.leader,
          trackingOfficer: body.trackingOfficer,
          directives,
          historical: body.historical,
        };
        const { notice, tasks, reported } = decideRegisterNotice({ ...command, payload }, state, this.policy);
        return {
          events: [notice],
          newStreams: tasks.map((t) => ({ stream: taskStream(t.data.taskId), events: [t, ...(reported[t.data.taskId] ?? [])] })),
        };
      },
    });
  }
}

function toDirective(d: DirectiveInput, index: number, noticeId: string, agencies: AgencySnapshot, issuedAt: string): DirectiveToRegister {
  const field = `directives.${index}`;
  const tasks: PlannedTask[] = [];
  for (const code of d.lead) {
    const fanout = agencies.isGroup(code) ? code : undefined;
    for (const lead of agencies.expand(code, `${field}.lead`))
      if (!tasks.some((t) => t.lead === lead)) tasks.push({ taskId: taskIdFor(noticeId, index, lead), lead, fanout });
  }
  const coordinators = [...new Set((d.coordinators ?? []).flatMap((c) => agencies.expandCoordinator(c, `${field}.coordinators`)))];
  return {
    ...(d.path ? { path: d.path } : {}),
    ...(d.status ? { status: d.status } : {}),
    text: d.text.trim(),
    lead: d.lead,
    coordinators,
    deadline: toDeadline(d, field, issuedAt),
    key: d.key ?? false,
    confidential: d.confidential ?? false,
    tasks,
  };
}

/** Said of a deadline typed in by a person rather than derived by the parser. */
export const HAND_ENTERED_RULE = 'nhập tay khi đăng ký thông báo';

function toDeadline(d: DirectiveInput, field: string, issuedAt: string): Deadline {
  const input = d.deadline;
  if (!input) return { due: null, kind: 'none' };
  if (input.recurrence) {
    // A periodic duty: its first occurrence after the issue date, unless one is given.
    const due = input.due ?? nextOccurrence(input.recurrence, issuedAt)?.due ?? null;
    return { due, kind: 'recurring', phrase: input.phrase, rule: input.rule ?? HAND_ENTERED_RULE, recurrence: input.recurrence };
  }
  const kind = input.kind ?? (input.due ? 'date' : 'none');
  if (DATED_KINDS.includes(kind) && !input.due) {
    const message = `Thời hạn loại ${kind} cần có ngày`;
    throw new InvalidCommandError('RegisterNotice', `${field}.deadline.due: ${message}`, `${field}.deadline.due`);
  }
  return { due: input.due ?? null, kind, phrase: input.phrase, rule: input.rule ?? HAND_ENTERED_RULE };
}
