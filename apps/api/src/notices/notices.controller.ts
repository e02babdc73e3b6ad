import { Body, Controller, Get, Inject, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { Clock, CLOCK, EVENT_STORE } from '@tdnv/config';
import { Actor, maySee, noticeDirectivesVisibleTo, noticeStream, NoticeEvent, evolveNotice, Notice, NoticeState } from '@tdnv/domain';
import { EventStore } from '@tdnv/event-store';
import { CurrentActor } from '../auth/auth.guard';
import { problem, ProblemError } from '../http/problem';
import { commandContext } from '../http/request-context';
import { RegisterNoticeCommand, RegisterNoticeResult } from '@tdnv/notices';
import { RegisterNoticeDto } from './register-notice.dto';

@ApiTags('notices')
@ApiBearerAuth()
@Controller('api/v1/notices')
export class NoticesController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  register(@Body() body: RegisterNoticeDto, @Req() req: FastifyRequest, @CurrentActor() actor: Actor): Promise<RegisterNoticeResult> {
    return this.commandBus.execute(new RegisterNoticeCommand(body, commandContext(req, actor, this.clock)));
  }

  @Get(':id')
  async get(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<Notice & { revision: number }> {
    const { events, revision } = await this.store.readStream(noticeStream(id));
    const notice = events.reduce<NoticeState>((s, e) => evolveNotice(s, e as unknown as NoticeEvent), undefined);
    const visible = notice && visibleTo(notice, actor);
    if (!visible) throw new ProblemError(problem('not-found', `Không tìm thấy thông báo ${id}`));
    return { ...visible, revision };
  }
}

/**
 * The notice as the policy lets the actor read it: VPCP all of it; anyone who sees one of its
 * tasks its public directives and the confidential ones it sees a task of; others nothing (404).
 * The tasks are those registered with the notice (a later reassignment or delegation is read
 * from the task streams and the progress page, not here).
 */
function visibleTo(notice: Notice, actor: Actor): Notice | undefined {
  const tasksOf = (d: Notice['directives'][number]) => d.tasks.map((t) => ({ lead: t.lead, coordinators: d.coordinators, confidential: d.confidential }));
  const directives = noticeDirectivesVisibleTo(actor, notice.directives, tasksOf);
  if (!directives) return undefined;
  return {
    ...notice,
    directives: directives.map((d) => (d.confidential ? { ...d, tasks: d.tasks.filter((_, i) => maySee(actor, tasksOf(d)[i])) } : d)),
  };
}
