import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@tdnv/domain';
import { EventStore } from '@tdnv/event-store';
import { projectionStatuses, SqlDatabase } from '@tdnv/read-models';
import { CurrentActor, requireRole } from '../auth/auth.guard';
import { READ_MODEL_DB } from './read-model.providers';
import { EVENT_STORE } from '@tdnv/config';

/** Each projection's checkpoint and lag (VPCP and administrators). */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('api/v1/admin/projections')
export class ProjectionsAdminController {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: SqlDatabase,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @ApiOperation({ summary: 'Checkpoint, pending events and lag of each read-model projection (VPCP, admin)' })
  @Get()
  async list(@CurrentActor() actor: Actor) {
    requireRole(actor, 'vpcp', 'admin');
    return { projections: await projectionStatuses(this.db, this.store) };
  }
}
