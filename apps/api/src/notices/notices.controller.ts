import { Body, Controller, Get, Inject, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { Clock } from '../../../../libs/config/src/clock';
import { Actor } from '../../../../libs/domain/src/actor';
import { noticeStream } from '../../../../libs/domain/src/ids';
import { NoticeEvent } from '../../../../libs/domain/src/notice/notice.events';
import { evolveNotice } from '../../../../libs/domain/src/notice/notice.evolve';
import { Notice, NoticeState } from '../../../../libs/domain/src/notice/notice.state';
import { EventStore } from '../../../../libs/event-store/src/event-store.port';
import { CurrentActor } from '../auth/auth.guard';
import { problem, ProblemError } from '../http/problem';
import { commandContext } from '../http/request-context';
import { CLOCK, EVENT_STORE } from '../tokens';
import { RegisterNoticeCommand, RegisterNoticeResult } from './register-notice.command';
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
    if (!notice) throw new ProblemError(problem('not-found', `Không tìm thấy thông báo ${id}`));
    return { ...visibleTo(notice, actor), revision };
  }
}

/** Confidential directives show only the tasks the actor may see: all for VPCP, its own for a lead. */
function visibleTo(notice: Notice, actor: Actor): Notice {
  if (actor.role === 'vpcp' || actor.role === 'admin') return notice;
  const directives = notice.directives
    .map((d) => (d.confidential ? { ...d, tasks: d.tasks.filter((t) => actor.role === 'agency' && t.lead === actor.agency) } : d))
    .filter((d) => !d.confidential || d.tasks.length > 0);
  return { ...notice, directives };
}
