import { Body, Controller, Get, HttpCode, Inject, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { AgencyDirectory } from '@tdnv/agency-directory';
import { AppConfig, APP_CONFIG, Clock, CLOCK } from '@tdnv/config';
import { Actor } from '@tdnv/domain';
import { draftReminderLetters, ReminderLetter, reminderLetterDocx, seesEverything, SqlDatabase, zipFiles } from '@tdnv/read-models';
import { ExecuteTaskCommand } from '@tdnv/tasks';
import { CurrentActor } from '../auth/auth.guard';
import { problem, ProblemError } from '../http/problem';
import { commandContext } from '../http/request-context';
import { answerTime, answering, READ_MODEL_DB } from './read-model.providers';
import { IssueReminderLetterDto, ReminderLetterQueryDto } from './read-model-queries.dto';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const fileName = (letter: ReminderLetter) => `cong-van-don-doc-${letter.agency.code.toLowerCase()}-${letter.asOf}.docx`;

/**
 * Đôn đốc letters (công văn đôn đốc): GET drafts them, one agency's as a DOCX or every overdue
 * agency's in a zip; POST issues one: it records ReminderLetterIssued on every task the letter cites
 * (through the task's decider, which checks the task is still overdue) and answers the same DOCX,
 * citing the tasks recorded. Letters are VPCP's: drafting needs to see every task.
 */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('api/v1/reports/reminder-letter')
export class ReminderLettersController {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: SqlDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly agencies: AgencyDirectory,
    private readonly commandBus: CommandBus,
  ) {}

  private async letters(actor: Actor, request: { agency?: string; asOf?: string; number?: string }): Promise<ReminderLetter[]> {
    if (!seesEverything(actor))
      throw new ProblemError(problem('forbidden', 'Chỉ Văn phòng Chính phủ mới được soạn, ban hành công văn đôn đốc'));
    const snapshot = await this.agencies.snapshot();
    if (request.agency && !snapshot.agency(request.agency))
      throw new ProblemError(problem('validation', `Mã cơ quan không có trong danh mục: ${request.agency}`));
    const time = answerTime(this.clock, this.config.tzDeadlines, request.asOf);
    const names = { agency: (code: string) => snapshot.agency(code)?.name };
    return answering(() =>
      draftReminderLetters(this.db, { agency: request.agency, asOf: time.asOf, asOfDay: time.today, number: request.number }, names),
    );
  }

  private none(agency: string | undefined, asOf: string | undefined): ProblemError {
    const day = asOf ? ` tính đến ${asOf}` : '';
    return new ProblemError(
      problem(
        'not-found',
        agency ? `Cơ quan ${agency} không có nhiệm vụ quá hạn cần đôn đốc${day}` : `Không có cơ quan nào có nhiệm vụ quá hạn${day}`,
      ),
    );
  }

  @ApiOperation({ summary: 'Draft the đôn đốc letter of an agency (DOCX), or of every agency with overdue tasks (zip)' })
  @Get()
  async draft(@Query() q: ReminderLetterQueryDto, @CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply) {
    const format = q.format ?? (q.agency ? 'docx' : 'zip');
    if (format === 'docx' && !q.agency)
      throw new ProblemError(problem('validation', 'Cần nêu cơ quan (agency) để soạn một công văn; format=zip cho mọi cơ quan'));
    const letters = await this.letters(actor, q);
    if (letters.length === 0) throw this.none(q.agency, q.asOf);
    if (format === 'docx') {
      reply.header('content-type', DOCX).header('content-disposition', `attachment; filename="${fileName(letters[0])}"`);
      return reminderLetterDocx(letters[0]);
    }
    const files = await Promise.all(letters.map(async (letter) => ({ name: fileName(letter), data: await reminderLetterDocx(letter) })));
    reply
      .header('content-type', 'application/zip')
      .header('content-disposition', `attachment; filename="cong-van-don-doc-${letters[0].asOf}.zip"`);
    return zipFiles(files);
  }

  @ApiOperation({ summary: 'Issue an agency’s đôn đốc letter: ReminderLetterIssued on every task it cites; answers the letter (DOCX)' })
  @Post()
  @HttpCode(200)
  async issue(
    @Body() b: IssueReminderLetterDto,
    @Req() request: FastifyRequest,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const [letter] = await this.letters(actor, b);
    if (!letter) throw this.none(b.agency, b.asOf);
    const context = commandContext(request, actor, this.clock);
    // A letter is recorded on each task it cites: no one revision stands for them all, and matching
    // it task by task recorded the first tasks before refusing another (found by the API fuzzer).
    if (context.ifMatch !== undefined)
      throw new ProblemError(
        problem('validation', 'If-Match không dùng cho công văn đôn đốc: công văn được ghi nhận trên từng nhiệm vụ mà nó nêu', {
          errors: [{ field: 'If-Match', message: 'Không gửi If-Match với công văn đôn đốc' }],
        }),
      );
    const cited = [];
    for (const task of letter.tasks) {
      // One command per task, each decided on the task's own state; a task that is no longer overdue
      // (completed, extended since the read model was written) is refused and left out of the letter.
      const key = context.idempotencyKey && `${context.idempotencyKey}|${task.taskId}`;
      const payload = { letterId: letter.letterId, number: b.number, reportBy: letter.reportBy };
      try {
        await this.commandBus.execute(
          new ExecuteTaskCommand(task.taskId, 'IssueReminderLetter', payload, { ...context, idempotencyKey: key }),
        );
        cited.push(task);
      } catch (error) {
        // The command path reports a refusal with the task's state (RefusedWithStateError).
        if (!['CommandRefusedError', 'RefusedWithStateError'].includes((error as Error).name)) throw error;
      }
    }
    if (cited.length === 0) throw this.none(b.agency, b.asOf);
    reply
      .header('content-type', DOCX)
      .header('content-disposition', `attachment; filename="${fileName(letter)}"`)
      .header('x-letter-id', letter.letterId);
    return reminderLetterDocx({ ...letter, tasks: cited });
  }
}
