import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '@tdnv/config';
import { migrateReadModels, openReadModelDatabase, PROJECTIONS } from '@tdnv/read-models';
import { ProjectionsAdminController } from './projections-admin.controller';
import { ProjectionNudger, READ_MODEL_DB } from './read-model.providers';
import { ReminderLettersController } from './reminder-letters.controller';
import { ReportsController } from './reports.controller';
import { StatsWarmup } from './stats-warmup';
import { TaskListController } from './task-list.controller';

/** Read models, dashboards and reports (issue 4). The worker fills the tables; the API reads them and nudges the worker. */
@Module({})
export class ReadModelsModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: ReadModelsModule,
      controllers: [TaskListController, ReportsController, ReminderLettersController, ProjectionsAdminController],
      providers: [
        {
          provide: READ_MODEL_DB,
          // Migrations run at start, so the API can answer (empty) before the worker's first run.
          useFactory: async () => {
            const db = await openReadModelDatabase({ readModelUrl: config.readModelUrl, dataDir: config.dataDir });
            await migrateReadModels(db, PROJECTIONS);
            return db;
          },
        },
        ProjectionNudger,
        StatsWarmup,
      ],
    };
  }
}
