import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Clock, CLOCK } from '@tdnv/config';
import { Actor } from '@tdnv/domain';
import { LadderContext, foldReminderView, upcoming } from '@tdnv/reminders';
import { CurrentActor } from '../auth/auth.guard';
import { TaskReader } from '@tdnv/tasks';
import { REMINDER_LADDER } from './reminder-ladder.provider';

export interface RemindersView {
  taskId: string;
  sent: { kind: 'reminder' | 'escalation'; rung: string; due: string; sentAt: string; to: string[] }[];
  scheduled: { kind: string; rung: string; due: string; fireAt: string }[];
}

/** What was sent (from the task's stream) and what is planned (the same decider the worker uses). */
@ApiTags('tasks')
@ApiBearerAuth()
@Controller('api/v1/tasks')
export class RemindersController {
  constructor(
    private readonly reader: TaskReader,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(REMINDER_LADDER) private readonly ladder: Omit<LadderContext, 'now'>,
  ) {}

  @ApiOperation({ summary: 'What was sent for a task and what is scheduled next (the reminder ladder)' })
  @Get(':id/reminders')
  async reminders(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<RemindersView> {
    // Same visibility as GET /tasks/:id: the reader refuses what the actor may not see.
    const { events } = await this.reader.history(id, actor);
    const view = foldReminderView(events.map((e) => ({ type: e.type, data: e.data, metadata: { occurredAt: e.occurredAt } })));
    const ctx = { ...this.ladder, now: this.clock.now() };
    return {
      taskId: id,
      sent: (view?.sent ?? []).map(({ kind, rung, due, sentAt, to }) => ({ kind, rung, due, sentAt, to })),
      scheduled: upcoming(view, ctx).map((r) => ({ kind: r.kind, rung: r.rung, due: r.due, fireAt: r.fireAt.toISOString() })),
    };
  }
}
