import { Body, Controller, HttpCode, Inject, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { RefusedWithStateError } from '@tdnv/command-handling';
import { Clock, CLOCK, EVENT_STORE } from '@tdnv/config';
import { Actor, noticeIdFor, noticeStream, NoticeRegistered } from '@tdnv/domain';
import { parse } from '@tdnv/directive-parser';
import { ParseResult } from '@tdnv/directive-parser';
import { EventStore } from '@tdnv/event-store';
import { CurrentActor, requireRole } from '../auth/auth.guard';
import { commandContext } from '../http/request-context';
import { createValidationPipe } from '../http/validation.pipe';
import { RegisterNoticeCommand, RegisterNoticeResult, importPlan } from '@tdnv/notices';
import { DOCX_MEDIA_TYPE, noticeText, refuseBinaryText } from './notice-text';
import { ImportNoticeDto, PreviewNoticeDto } from './notice-import.dto';

const validation = createValidationPipe();

/** From the text of a Thông báo kết luận to registered tasks: preview (no side effect), then import. */
@ApiTags('notices')
@ApiBearerAuth()
@Controller('api/v1/notices')
export class NoticeImportController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('preview') @HttpCode(200)
  @ApiConsumes('application/json', 'text/plain', DOCX_MEDIA_TYPE)
  async preview(@Body() body: unknown, @Req() req: FastifyRequest, @CurrentActor() actor: Actor, @Query('issuedAt') issuedAtQuery?: string): Promise<ParseResult> {
    requireRole(actor, 'vpcp', 'admin');
    const input = await this.input(body, req, PreviewNoticeDto, { issuedAt: issuedAtQuery });
    return parse(input.text, { issuedAt: input.issuedAt });
  }

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
    const plan = importPlan(parse(input.text, { issuedAt: input.issuedAt }), input);
    try {
      const result = await this.commandBus.execute<RegisterNoticeCommand, RegisterNoticeResult>(new RegisterNoticeCommand(plan, commandContext(req, actor, this.clock)));
      return { ...result, alreadyRegistered: false, directives: plan.directives.length };
    } catch (error) {
      // Importing the same notice number again answers with the registration already made.
      if (!(error instanceof RefusedWithStateError) || error.refusal.state !== 'registered') throw error;
      const existing = await this.registered(noticeIdFor(plan.number, plan.issuedAt));
      void reply.status(200);
      return { ...existing, alreadyRegistered: true, directives: plan.directives.length };
    }
  }

  private async input<T extends PreviewNoticeDto>(body: unknown, req: FastifyRequest, dto: new () => T, query: Partial<Record<'issuedAt' | 'number', string>>): Promise<T> {
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
