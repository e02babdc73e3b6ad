import { DynamicModule, Inject, Module, OnModuleInit } from '@nestjs/common';
import { Registry } from 'prom-client';
import { METRICS_REGISTRY } from '@tdnv/metrics';
import { AppConfig } from '@tdnv/config';
import { TaskReader } from '@tdnv/tasks';
import { reminderLadderProvider } from './reminder-ladder.provider';
import { ReminderQueuesClient } from './reminder-queues.client';
import { RemindersController } from './reminders.controller';
import { registerReminderMetrics } from './reminders-metrics';

/** Reminders and escalations (issue 5): GET /api/v1/tasks/:id/reminders, scheduler nudges, /metrics. */
@Module({})
export class RemindersModule implements OnModuleInit {
  constructor(
    private readonly queues: ReminderQueuesClient,
    @Inject(METRICS_REGISTRY) private readonly metrics: Registry,
  ) {}

  static register(config: AppConfig): DynamicModule {
    return {
      module: RemindersModule,
      controllers: [RemindersController],
      providers: [TaskReader, ReminderQueuesClient, reminderLadderProvider(config)],
    };
  }

  onModuleInit(): void {
    registerReminderMetrics(this.metrics, this.queues);
  }
}
