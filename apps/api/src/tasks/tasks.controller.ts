import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Clock } from '../../../../libs/config/src/clock';
import { Actor } from '../../../../libs/domain/src/actor';
import { TaskCommand, TaskCommandType } from '../../../../libs/domain/src/task/task.commands';
import { CurrentActor } from '../auth/auth.guard';
import { commandContext, setEtag } from '../http/request-context';
import { CLOCK } from '../tokens';
import { ExecuteTaskCommand, TaskCommandResult } from './execute-task-command';
import {
  ApproveExtensionDto, CompletionDto, DeadlineDto, DelegateDto, EmptyDto, ExtensionRequestDto, ProgressDto, ReassignDto, ReasonDto,
} from './task-requests.dto';
import { TaskReader, TaskView } from './task-reader';

type Payload<T extends TaskCommandType> = Extract<TaskCommand, { type: T }>['payload'];

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('api/v1/tasks')
export class TasksController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly reader: TaskReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get(':id')
  async get(@Param('id') id: string, @CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply): Promise<TaskView> {
    const view = await this.reader.task(id, actor);
    setEtag(reply, view.revision);
    return view;
  }

  @Get(':id/history')
  history(@Param('id') id: string, @CurrentActor() actor: Actor) {
    return this.reader.history(id, actor);
  }

  @Post(':id/acknowledge') @HttpCode(200)
  acknowledge(@Param('id') id: string, @Body() _body: EmptyDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply, @CurrentActor() actor: Actor) {
    return this.run(id, 'AcknowledgeTask', {}, req, res, actor);
  }

  @Post(':id/decline') @HttpCode(200)
  decline(@Param('id') id: string, @Body() body: ReasonDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply, @CurrentActor() actor: Actor) {
    return this.run(id, 'DeclineTask', { reason: body.reason }, req, res, actor);
  }

  @Post(':id/reassign') @HttpCode(200)
  reassign(@Param('id') id: string, @Body() body: ReassignDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply, @CurrentActor() actor: Actor) {
    return this.run(id, 'ReassignTask', { agency: body.agency, reason: body.reason }, req, res, actor);
  }

  @Post(':id/progress') @HttpCode(200)
  progress(@Param('id') id: string, @Body() body: ProgressDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply, @CurrentActor() actor: Actor) {
    return this.run(id, 'ReportProgress', { note: body.note, percent: body.percent, documentRef: body.documentRef }, req, res, actor);
  }

  @Post(':id/extension-requests') @HttpCode(200)
  requestExtension(@Param('id') id: string, @Body() body: ExtensionRequestDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply, @CurrentActor() actor: Actor) {
    return this.run(id, 'RequestExtension', { proposedDue: body.proposedDue, reason: body.reason }, req, res, actor);
  }

  @Post(':id/extension-requests/current/approve') @HttpCode(200)
  approveExtension(@Param('id') id: string, @Body() body: ApproveExtensionDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply, @CurrentActor() actor: Actor) {
    return this.run(id, 'ApproveExtension', { due: body.due }, req, res, actor);
  }

  @Post(':id/extension-requests/current/reject') @HttpCode(200)
  rejectExtension(@Param('id') id: string, @Body() body: ReasonDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply, @CurrentActor() actor: Actor) {
    return this.run(id, 'RejectExtension', { reason: body.reason }, req, res, actor);
  }

  @Put(':id/deadline') @HttpCode(200)
  amendDeadline(@Param('id') id: string, @Body() body: DeadlineDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply, @CurrentActor() actor: Actor) {
    return this.run(id, 'AmendDeadline', { due: body.due, reason: body.reason }, req, res, actor);
  }

  @Post(':id/completion') @HttpCode(200)
  reportCompletion(@Param('id') id: string, @Body() body: CompletionDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply, @CurrentActor() actor: Actor) {
    return this.run(id, 'ReportCompletion', { result: body.result, documentRef: body.documentRef }, req, res, actor);
  }

  @Post(':id/completion/accept') @HttpCode(200)
  acceptCompletion(@Param('id') id: string, @Body() _body: EmptyDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply, @CurrentActor() actor: Actor) {
    return this.run(id, 'AcceptCompletion', {}, req, res, actor);
  }

  @Post(':id/completion/return') @HttpCode(200)
  returnCompletion(@Param('id') id: string, @Body() body: ReasonDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply, @CurrentActor() actor: Actor) {
    return this.run(id, 'ReturnCompletion', { reason: body.reason }, req, res, actor);
  }

  @Post(':id/cancel') @HttpCode(200)
  cancel(@Param('id') id: string, @Body() body: ReasonDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply, @CurrentActor() actor: Actor) {
    return this.run(id, 'CancelTask', { reason: body.reason }, req, res, actor);
  }

  @Post(':id/delegate') @HttpCode(200)
  delegate(@Param('id') id: string, @Body() body: DelegateDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply, @CurrentActor() actor: Actor) {
    // The child's id and the unit's parent are filled in by the handler, which knows the state.
    return this.run(id, 'DelegateTask', { unit: body.agency, due: body.due, note: body.note, childTaskId: '' }, req, res, actor);
  }

  private async run<T extends TaskCommandType>(
    id: string, type: T, payload: Payload<T>, req: FastifyRequest, res: FastifyReply, actor: Actor,
  ): Promise<TaskCommandResult> {
    const result = await this.commandBus.execute<ExecuteTaskCommand<T>, TaskCommandResult>(
      new ExecuteTaskCommand<T>(id, type, payload as never, commandContext(req, actor, this.clock)),
    );
    setEtag(res, result.revision);
    return result;
  }
}
