import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Clock, CLOCK } from '@tdnv/config';
import { Actor, TaskCommand, TaskCommandType, OPEN_STATUSES } from '@tdnv/domain';
import { CurrentActor } from '../auth/auth.guard';
import { commandContext, setEtag } from '../http/request-context';
import { ExecuteTaskCommand, TaskCommandResult, TaskReader, TaskView } from '@tdnv/tasks';
import { AttachmentError, TaskAttachments } from '@tdnv/attachments';
import { problem, ProblemError } from '../http/problem';
import {
  ApproveExtensionDto,
  CommentDto,
  CompletionDto,
  DeadlineDto,
  DelegateDto,
  EmptyDto,
  ExtensionRequestDto,
  ProgressDto,
  ReassignDto,
  PeriodicReportDto,
  ReasonDto,
} from './task-requests.dto';

/** What every task command answers (and its ETag): the task's id, its new revision and state. */
const CommandAnswer = () =>
  ApiOkResponse({
    description: 'The task after the command; `revision` is also the ETag to send back as If-Match',
    schema: {
      type: 'object',
      required: ['taskId', 'revision', 'state'],
      properties: {
        taskId: { type: 'string', example: '2026-45-tb-vpcp.1.btc' },
        revision: { type: 'integer', example: 3 },
        state: { type: 'string', enum: [...OPEN_STATUSES, 'completed', 'cancelled'] },
      },
    },
  });

type Payload<T extends TaskCommandType> = Extract<TaskCommand, { type: T }>['payload'];
type CommandRequest = FastifyRequest<{ Params: { id: string } }> & { actor: Actor };

/**
 * The task commands over HTTP: one route per command, each a line that turns the validated body
 * into the domain command's payload. Who may do what and in which state is the domain's answer.
 */
@ApiTags('tasks')
@ApiBearerAuth()
@ApiParam({ name: 'id', description: 'Mã nhiệm vụ, ví dụ 2026-45-tb-vpcp.1.btc' })
@Controller('api/v1/tasks')
export class TasksController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly reader: TaskReader,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly attachments: TaskAttachments,
  ) {}

  @ApiOperation({ summary: 'A task as the caller may see it, with allowedActions, occurrences and its ETag (revision)' })
  @Get(':id')
  async get(@Param('id') id: string, @CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply): Promise<TaskView> {
    const view = await this.reader.task(id, actor);
    setEtag(reply, view.revision);
    return view;
  }

  @ApiOperation({ summary: 'Every event of a task (lịch sử): who did what and when' })
  @Get(':id/history')
  history(@Param('id') id: string, @CurrentActor() actor: Actor) {
    return this.reader.history(id, actor);
  }

  @ApiOperation({ summary: 'Acknowledge a task (tiếp nhận) — the lead agency' })
  @CommandAnswer()
  @Post(':id/acknowledge')
  @HttpCode(200)
  acknowledge(@Body() _b: EmptyDto, @Req() r: CommandRequest, @Res({ passthrough: true }) a: FastifyReply) {
    return this.run(r, a, 'AcknowledgeTask', {});
  }

  @ApiOperation({ summary: 'Decline a task as outside the agency’s remit (không thuộc thẩm quyền)' })
  @CommandAnswer()
  @Post(':id/decline')
  @HttpCode(200)
  decline(@Body() b: ReasonDto, @Req() r: CommandRequest, @Res({ passthrough: true }) a: FastifyReply) {
    return this.run(r, a, 'DeclineTask', { reason: b.reason });
  }

  @ApiOperation({ summary: 'Reassign a task to another agency (VPCP), or a sub-task to another unit (the delegating agency)' })
  @CommandAnswer()
  @Post(':id/reassign')
  @HttpCode(200)
  reassign(@Body() b: ReassignDto, @Req() r: CommandRequest, @Res({ passthrough: true }) a: FastifyReply) {
    return this.run(r, a, 'ReassignTask', { agency: b.agency, reason: b.reason });
  }

  @ApiOperation({ summary: 'Report progress (báo cáo tiến độ) — lead or coordinator' })
  @CommandAnswer()
  @Post(':id/progress')
  @HttpCode(200)
  async progress(@Body() b: ProgressDto, @Req() r: CommandRequest, @Res({ passthrough: true }) a: FastifyReply) {
    const attachments = await this.attached(r, b.attachments);
    return this.run(r, a, 'ReportProgress', { note: b.note, percent: b.percent, documentRef: b.documentRef, attachments });
  }

  @ApiOperation({ summary: 'Request an extension (đề nghị gia hạn) — the lead agency' })
  @CommandAnswer()
  @Post(':id/extension-requests')
  @HttpCode(200)
  requestExtension(@Body() b: ExtensionRequestDto, @Req() r: CommandRequest, @Res({ passthrough: true }) a: FastifyReply) {
    return this.run(r, a, 'RequestExtension', { proposedDue: b.proposedDue, reason: b.reason });
  }

  @ApiOperation({ summary: 'Approve the pending extension (chấp thuận gia hạn): the deadline moves' })
  @CommandAnswer()
  @Post(':id/extension-requests/current/approve')
  @HttpCode(200)
  approveExtension(@Body() b: ApproveExtensionDto, @Req() r: CommandRequest, @Res({ passthrough: true }) a: FastifyReply) {
    return this.run(r, a, 'ApproveExtension', { due: b.due, comment: b.comment });
  }

  @ApiOperation({ summary: 'Reject the pending extension with a reason' })
  @CommandAnswer()
  @Post(':id/extension-requests/current/reject')
  @HttpCode(200)
  rejectExtension(@Body() b: ReasonDto, @Req() r: CommandRequest, @Res({ passthrough: true }) a: FastifyReply) {
    return this.run(r, a, 'RejectExtension', { reason: b.reason });
  }

  @ApiOperation({ summary: 'Amend the deadline (điều chỉnh thời hạn) with a reason' })
  @CommandAnswer()
  @Put(':id/deadline')
  @HttpCode(200)
  amendDeadline(@Body() b: DeadlineDto, @Req() r: CommandRequest, @Res({ passthrough: true }) a: FastifyReply) {
    return this.run(r, a, 'AmendDeadline', { due: b.due, reason: b.reason });
  }

  @ApiOperation({ summary: 'Report completion (báo cáo hoàn thành) — the lead agency' })
  @CommandAnswer()
  @Post(':id/completion')
  @HttpCode(200)
  async reportCompletion(@Body() b: CompletionDto, @Req() r: CommandRequest, @Res({ passthrough: true }) a: FastifyReply) {
    const attachments = await this.attached(r, b.attachments);
    return this.run(r, a, 'ReportCompletion', { result: b.result, documentRef: b.documentRef, attachments });
  }

  @ApiOperation({ summary: 'Accept the completion report (xác nhận hoàn thành): on time or late by the effective due date' })
  @CommandAnswer()
  @Post(':id/completion/accept')
  @HttpCode(200)
  acceptCompletion(@Body() b: CommentDto, @Req() r: CommandRequest, @Res({ passthrough: true }) a: FastifyReply) {
    return this.run(r, a, 'AcceptCompletion', { comment: b.comment });
  }

  @ApiOperation({ summary: 'Return the completion report for more work, with a reason' })
  @CommandAnswer()
  @Post(':id/completion/return')
  @HttpCode(200)
  returnCompletion(@Body() b: ReasonDto, @Req() r: CommandRequest, @Res({ passthrough: true }) a: FastifyReply) {
    return this.run(r, a, 'ReturnCompletion', { reason: b.reason });
  }

  @ApiOperation({ summary: 'Cancel a task (thu hồi) with a reason' })
  @CommandAnswer()
  @Post(':id/cancel')
  @HttpCode(200)
  cancel(@Body() b: ReasonDto, @Req() r: CommandRequest, @Res({ passthrough: true }) a: FastifyReply) {
    return this.run(r, a, 'CancelTask', { reason: b.reason });
  }

  @ApiOperation({ summary: 'Submit a periodic duty’s report for one period (báo cáo định kỳ): 2026-12, 2026-Q4, 2026-H2, 2026' })
  @CommandAnswer()
  @Post(':id/periodic-reports')
  @HttpCode(200)
  submitPeriodicReport(@Body() b: PeriodicReportDto, @Req() r: CommandRequest, @Res({ passthrough: true }) a: FastifyReply) {
    return this.run(r, a, 'SubmitPeriodicReport', { period: b.period, note: b.note, documentRef: b.documentRef });
  }

  // The child's id and the unit's parent are filled in by the handler, which knows the state.
  @ApiOperation({ summary: 'Delegate a task to one of the lead’s own units (giao đơn vị cấp dưới), due no later than the task' })
  @CommandAnswer()
  @Post(':id/delegate')
  @HttpCode(200)
  delegate(@Body() b: DelegateDto, @Req() r: CommandRequest, @Res({ passthrough: true }) a: FastifyReply) {
    return this.run(r, a, 'DelegateTask', { unit: b.agency, due: b.due, note: b.note, childTaskId: '' });
  }

  /** Attachment ids → what the event records (uploads of this task only); who may see the task is checked first. */
  private async attached(r: CommandRequest, ids: string[] | undefined) {
    if (!ids?.length) return undefined;
    await this.reader.task(r.params.id, r.actor);
    try {
      return await this.attachments.cited(r.params.id, ids);
    } catch (error) {
      if (!(error instanceof AttachmentError)) throw error;
      throw new ProblemError(problem('validation', error.message, { errors: [{ field: error.field, message: error.message }] }));
    }
  }

  /** The revision is the ETag too (If-Match sends it back); set here: an interceptor would cost every request. */
  private async run<T extends TaskCommandType>(
    request: CommandRequest,
    reply: FastifyReply,
    type: T,
    payload: Payload<T>,
  ): Promise<TaskCommandResult> {
    const context = commandContext(request, request.actor, this.clock);
    const result = await this.commandBus.execute<ExecuteTaskCommand<T>, TaskCommandResult>(
      new ExecuteTaskCommand<T>(request.params.id, type, payload as never, context),
    );
    setEtag(reply, result.revision);
    return result;
  }
}
