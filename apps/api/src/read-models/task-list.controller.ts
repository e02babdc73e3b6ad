import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AppConfig, APP_CONFIG, Clock, CLOCK } from '@tdnv/config';
import { Actor, TaskStatus } from '@tdnv/domain';
import { noticeProgress, listDirectiveGroups, listTasks, SqlDatabase } from '@tdnv/read-models';
import { CurrentActor } from '../auth/auth.guard';
import { answerTime, answering, READ_MODEL_DB } from './read-model.providers';
import { NoticeProgressQueryDto, TasksQueryDto } from './read-model-queries.dto';

/** The inbox (filtered task list) and a notice's progress page, read from the projections. */
@ApiTags('read models')
@ApiBearerAuth()
@Controller('api/v1')
export class TaskListController {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: SqlDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The inbox; with groupBy=directive, one row per directive with its roll-up (VPCP's view of fanned-out directives). */
  @ApiOperation({ summary: 'The inbox: tasks the caller may see, filtered and sorted, with totals, review queues and directive groups' })
  @Get('tasks')
  list(@Query() q: TasksQueryDto, @CurrentActor() actor: Actor) {
    const now = this.clock.now();
    const { groupBy, ...rest } = q;
    const filter = { ...rest, state: q.state as TaskStatus | 'open' | undefined };
    if (groupBy === 'directive') return answering(() => listDirectiveGroups(this.db, actor, filter, now, this.clock.today()));
    return answering(() => listTasks(this.db, actor, filter, now, this.clock.today()));
  }

  /** `asOf` (a date: the end of that day, or an instant): the tasks as they stood then, judged on that day. */
  @ApiOperation({ summary: 'A notice’s directives with their tasks and roll-up (as of a date with asOf)' })
  @Get('notices/:id/progress')
  progress(@Param('id') id: string, @Query() q: NoticeProgressQueryDto, @CurrentActor() actor: Actor) {
    const time = answerTime(this.clock, this.config.tzDeadlines, q.asOf);
    return answering(() => noticeProgress(this.db, actor, id, time.today, time.asOf));
  }
}
