import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { AppConfig, Clock, APP_CONFIG, CLOCK } from '@tdnv/config';
import { Actor } from '@tdnv/domain';
import { appendixCsv, appendixDocx, appendixXlsx, buildAppendix, statsAnswer, SqlDatabase } from '@tdnv/read-models';
import { AgencyDirectory } from '@tdnv/agency-directory';
import { CurrentActor } from '../auth/auth.guard';
import { answerTime, answering, READ_MODEL_DB } from './read-model.providers';
import { AppendixQueryDto, StatsQueryDto } from './read-model-queries.dto';
import { reportNames } from './report-names';
import { StatsAnswerSchema } from './stats.schema';

const MEDIA = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;

/** `asOf=2026-03-31` means the end of that day, which the day counters answer (answerTime). */
const isDate = (asOf?: string): boolean => asOf !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(asOf);

/** Dashboards (official buckets) and the Phụ lục export; `asOf` answers from the history as of then. */
@ApiTags('read models')
@ApiBearerAuth()
@Controller('api/v1')
export class ReportsController {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: SqlDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly agencies: AgencyDirectory,
  ) {}

  /** Agency and group names from the catalogue (the appendix names a fanned-out group as the directive did). */
  @ApiOperation({
    summary:
      'Official figures (done on time, late, open, overdue, no deadline, cancelled) and periodic reports (due, on time, late, missing) by agency, notice or month; now or as of a date',
  })
  @StatsAnswerSchema()
  @Get('stats')
  async stats(@Query() q: StatsQueryDto, @CurrentActor() actor: Actor) {
    const time = answerTime(this.clock, this.config.tzDeadlines, q.asOf);
    const names = await reportNames(this.agencies);
    return answering(() =>
      statsAnswer(
        this.db,
        actor,
        { ...q, ...time, asOfEndOfDay: isDate(q.asOf), groupBy: q.groupBy ?? 'agency', deadline: q.deadline ?? 'current' },
        names,
      ),
    );
  }

  @ApiOperation({
    summary: 'The Phụ lục as VPCP writes it: one row per directive in the source’s sections (DOCX, XLSX or CSV), as of a date',
  })
  @Get('reports/appendix')
  async appendix(@Query() q: AppendixQueryDto, @CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply) {
    const time = answerTime(this.clock, this.config.tzDeadlines, q.asOf);
    const appendix = await answering(async () =>
      buildAppendix(this.db, actor, { ...q, ...time, deadline: q.deadline ?? 'current' }, await reportNames(this.agencies)),
    );
    const format = q.format ?? 'docx';
    reply.header('content-type', MEDIA[format]);
    reply.header('content-disposition', `attachment; filename="phu-luc-${time.today}.${format}"`);
    if (format === 'csv') return appendixCsv(appendix);
    return format === 'xlsx' ? appendixXlsx(appendix) : appendixDocx(appendix);
  }
}
