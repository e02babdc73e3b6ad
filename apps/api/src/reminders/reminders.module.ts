import { DynamicModule, Module, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '@tdnv/config';
import { TaskReader } from '@tdnv/tasks';
import { reminderLadderProvider } from './reminder-ladder.provider';
import { ReminderQueuesClient } from './reminder-queues.client';
import { RemindersController } from './reminders.controller';
import { registerReminderMetrics, useReminderMetricsSource } from './reminders-metrics';

/** Reminders and escalations (issue 5): GET /api/v1/tasks/:id/reminders, scheduler nudges, /metrics. */
@Module({})
export class RemindersModule implements OnModuleInit, OnModuleDestroy {
  constructor(private readonly queues: ReminderQueuesClient) {}

  static register(config: AppConfig): DynamicModule {
    return {
      module: RemindersModule,
      controllers: [RemindersController],
      providers: [TaskReader, ReminderQueuesClient, reminderLadderProvider(config)],
    };
  }

  onModuleInit(): void {
    registerReminderMetrics();
    useReminderMetricsSource(this.queues);
  }

  onModuleDestroy(): void {
    useReminderMetricsSource(undefined);
  }
}
