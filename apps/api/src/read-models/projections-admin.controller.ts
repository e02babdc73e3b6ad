import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor } from '../../../../libs/domain/src/actor';
import { EventStore } from '../../../../libs/event-store/src/event-store.port';
import { projectionStatuses } from '../../../../libs/read-models/src/projection-status';
import { SqlDatabase } from '../../../../libs/read-models/src/sql-database';
import { CurrentActor, requireRole } from '../auth/auth.guard';
import { EVENT_STORE } from '../tokens';
import { READ_MODEL_DB } from './read-model.providers';

/** Each projection's checkpoint and lag (VPCP and administrators). */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('api/v1/admin/projections')
export class ProjectionsAdminController {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: SqlDatabase,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get()
  async list(@CurrentActor() actor: Actor) {
    requireRole(actor, 'vpcp', 'admin');
    return { projections: await projectionStatuses(this.db, this.store) };
  }
}
