import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { RefusedWithStateError } from '@tdnv/command-handling';
import { Clock, CLOCK, EVENT_STORE } from '@tdnv/config';
import {
  Actor,
  maySee,
  noticeDirectivesVisibleTo,
  noticeIdFor,
  noticeStream,
  NoticeEvent,
  NoticeRegistered,
  evolveNotice,
  Notice,
  NoticeState,
} from '@tdnv/domain';
import { AgencyDirectory } from '@tdnv/agency-directory';
import { parse, ParseResult } from '@tdnv/directive-parser';
import { EventStore } from '@tdnv/event-store';
import { importPlan, RegisterNoticeCommand, RegisterNoticeResult } from '@tdnv/notices';
import { CurrentActor, requireRole } from '../auth/auth.guard';
import { problem, ProblemError } from '../http/problem';
import { commandContext } from '../http/request-context';
import { createValidationPipe } from '../http/validation.pipe';
import { ImportNoticeDto, PreviewNoticeDto } from '../notice-import/notice-import.dto';
import { DOCX_MEDIA_TYPE, noticeText, refuseBinaryText } from '../notice-import/notice-text';
import { RegisterNoticeDto } from './register-notice.dto';

const validation = createValidationPipe();

/**
 * Notices (thông báo) over HTTP: register one from structured directives, read one as the policy
 * allows, or go from the text of a document to registered tasks (preview with no side effect, then import).
 */

@ApiTags('notices')
@ApiBearerAuth()
@Controller('api/v1/notices')
export class NoticesController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly agencies: AgencyDirectory,
  ) {}

  @ApiOperation({ summary: 'Register a notice (đăng ký thông báo) with its directives: one task per lead agency (groups fan out)' })
  @Post()
  register(@Body() body: RegisterNoticeDto, @Req() req: FastifyRequest, @CurrentActor() actor: Actor): Promise<RegisterNoticeResult> {
    return this.commandBus.execute(new RegisterNoticeCommand(body, commandContext(req, actor, this.clock)));
  }

  @ApiOperation({ summary: 'A notice as the caller may see it (its public directives and the confidential ones it sees a task of)' })
  @Get(':id')
  async get(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<Notice & { revision: number }> {
    const { events, revision } = await this.store.readStream(noticeStream(id));
    const notice = events.reduce<NoticeState>((s, e) => evolveNotice(s, e as unknown as NoticeEvent), undefined);
    const visible = notice && visibleTo(notice, actor);
    if (!visible) throw new ProblemError(problem('not-found', `Không tìm thấy thông báo ${id}`));
    return { ...visible, revision };
  }

  @ApiOperation({ summary: 'Parse the text or .docx of a document into directives, leads and deadlines, with no side effect' })
  @Post('preview')
  @HttpCode(200)
  @ApiConsumes('application/json', 'text/plain', DOCX_MEDIA_TYPE)
  async preview(
    @Body() body: unknown,
    @Req() req: FastifyRequest,
    @CurrentActor() actor: Actor,
    @Query('issuedAt') issuedAtQuery?: string,
  ): Promise<ParseResult> {
    requireRole(actor, 'vpcp', 'admin');
    const input = await this.input(body, req, PreviewNoticeDto, { issuedAt: issuedAtQuery });
    return this.parse(input);
  }

  @ApiOperation({ summary: 'Parse and register a document in one step, with corrections by path (edits) and historical import' })
  @Post('import')
  @ApiConsumes('application/json', 'text/plain', DOCX_MEDIA_TYPE)
  async import(
    @Body() body: unknown,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentActor() actor: Actor,
    @Query('issuedAt') issuedAt?: string,
    @Query('number') number?: string,
  ): Promise<RegisterNoticeResult & { alreadyRegistered: boolean; directives: number }> {
    requireRole(actor, 'vpcp');
    const input = await this.input(body, req, ImportNoticeDto, { issuedAt, number });
    const plan = importPlan(await this.parse(input), input);
    try {
      const result = await this.commandBus.execute<RegisterNoticeCommand, RegisterNoticeResult>(
        new RegisterNoticeCommand(plan, commandContext(req, actor, this.clock)),
      );
      return { ...result, alreadyRegistered: false, directives: plan.directives.length };
    } catch (error) {
      // Importing the same notice number again answers with the registration already made.
      if (!(error instanceof RefusedWithStateError) || error.refusal.state !== 'registered') throw error;
      const existing = await this.registered(noticeIdFor(plan.number, plan.issuedAt));
      void reply.status(200);
      return { ...existing, alreadyRegistered: true, directives: plan.directives.length };
    }
  }

  /** Parsed with the catalogue as it stands: a lead added as a unit (or imported from a file) resolves at once. */
  private async parse(input: PreviewNoticeDto): Promise<ParseResult> {
    const { catalogue } = await this.agencies.snapshot();
    return parse(input.text, { issuedAt: input.issuedAt, catalogue });
  }

  private async input<T extends PreviewNoticeDto>(
    body: unknown,
    req: FastifyRequest,
    dto: new () => T,
    query: Partial<Record<'issuedAt' | 'number', string>>,
  ): Promise<T> {
    const contentType = req.headers['content-type'];
    const json = body && typeof body === 'object' && !Buffer.isBuffer(body);
    // A NUL in the JSON text is a binary file pasted as text (415), checked before the fields' rules.
    if (json) refuseBinaryText((body as { text?: unknown }).text);
    const fields = json ? body : { text: await noticeText(body, contentType), ...definedOnly(query) };
    const validated = (await validation.transform(fields, { type: 'body', metatype: dto })) as T;
    validated.text = await noticeText(validated.text, contentType);
    return validated;
  }

  private async registered(noticeId: string): Promise<RegisterNoticeResult> {
    const { events } = await this.store.readStream(noticeStream(noticeId));
    const registered = events[0] as unknown as NoticeRegistered;
    return { noticeId, taskIds: registered.data.directives.flatMap((d) => d.tasks.map((t) => t.taskId)) };
  }
}

function definedOnly(values: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/**
 * The notice as the policy lets the actor read it: VPCP all of it; anyone who sees one of its
 * tasks its public directives and the confidential ones it sees a task of; others nothing (404).
 * The tasks are those registered with the notice (a later reassignment or delegation is read
 * from the task streams and the progress page, not here).
 */
function visibleTo(notice: Notice, actor: Actor): Notice | undefined {
  const tasksOf = (d: Notice['directives'][number]) =>
    d.tasks.map((t) => ({ lead: t.lead, coordinators: d.coordinators, confidential: d.confidential }));
  const directives = noticeDirectivesVisibleTo(actor, notice.directives, tasksOf);
  if (!directives) return undefined;
  return {
    ...notice,
    directives: directives.map((d) => (d.confidential ? { ...d, tasks: d.tasks.filter((_, i) => maySee(actor, tasksOf(d)[i])) } : d)),
  };
}
