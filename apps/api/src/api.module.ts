import { DynamicModule, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { AppConfig, Clock, APP_CONFIG, CLOCK, DEADLINE_POLICY, EVENT_STORE } from '@tdnv/config';
import { createDeadlinePolicy } from '@tdnv/calendar';
import { createEventStore, EventStore, NotifyingEventStore } from '@tdnv/event-store';
import { MetricsController } from './metrics/metrics.controller';
import { AuthController } from './users/auth.controller';
import { ChangeUsersHandler, UserDirectory } from '@tdnv/users';
import { UsersController } from './users/users.controller';
import { ReadModelsModule } from './read-models/read-models.module';
import { RemindersModule } from './reminders/reminders.module';
import { AgenciesController } from './agencies/agencies.controller';
import { AddAgencyUnitHandler, AgencyCommandsHandler, AgencyDirectory, ImportAgencyUnitsHandler } from '@tdnv/agency-directory';
import { AuthGuard } from './auth/auth.guard';
import { HealthController } from './health/health.controller';
import { ReadinessChecks } from './health/readiness';
import { CommandLogging, RequestScopeInterceptor } from './logging/command-log';
import { SharedLoginRateLimiter } from './users/shared-login-limiter';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { NoticesController } from './notices/notices.controller';
import { RegisterNoticeHandler } from '@tdnv/notices';
import { ExecuteTaskCommandHandler, TaskReader } from '@tdnv/tasks';
import { TasksController } from './tasks/tasks.controller';
import { AttachmentsController } from './attachments/attachments.controller';
import { attachmentStoreProvider, AttachmentStoreLifecycle, taskAttachmentsProvider } from './attachments/attachment-store.provider';
import { createMetricsRegistry, METRICS_REGISTRY } from '@tdnv/metrics';

/** Closes the event store when the app stops (SIGTERM or app.close()). */
class EventStoreLifecycle implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

@Module({})
export class ApiModule {
  /**
   * `logRequests`: the request log names each request's command, which needs every route run inside
   * the request's log scope (an interceptor: about a hundred microseconds a request, so only when
   * requests are logged).
   */
  static register(config: AppConfig, options: { logRequests?: boolean } = {}): DynamicModule {
    return {
      module: ApiModule,
      // Global, so the feature modules (read models, reminders) get the store, clock and config.
      global: true,
      exports: [
        APP_CONFIG,
        CLOCK,
        EVENT_STORE,
        attachmentStoreProvider.provide,
        NotifyingEventStore,
        DEADLINE_POLICY,
        AgencyDirectory,
        UserDirectory,
        METRICS_REGISTRY,
      ],
      imports: [CqrsModule.forRoot(), ReadModelsModule.register(config), RemindersModule.register(config)],
      controllers: [
        HealthController,
        MetricsController,
        AuthController,
        UsersController,
        NoticesController,
        TasksController,
        AttachmentsController,
        AgenciesController,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: METRICS_REGISTRY, useFactory: createMetricsRegistry },
        { provide: CLOCK, useValue: new Clock(config.tzDeadlines, config.clockStart) },
        {
          provide: EVENT_STORE,
          useFactory: () => new NotifyingEventStore(createEventStore({ eventstoreUrl: config.eventstoreUrl, dataDir: config.dataDir })),
        },
        { provide: NotifyingEventStore, useExisting: EVENT_STORE },
        { provide: DEADLINE_POLICY, useValue: createDeadlinePolicy(config.deadlineRollForward) },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        ...(options.logRequests ? [{ provide: APP_INTERCEPTOR, useClass: RequestScopeInterceptor }] : []),
        CommandLogging,
        ReadinessChecks,
        { provide: SharedLoginRateLimiter, useFactory: () => SharedLoginRateLimiter.connect(config) },
        EventStoreLifecycle,
        attachmentStoreProvider,
        taskAttachmentsProvider,
        AttachmentStoreLifecycle,
        AgencyDirectory,
        UserDirectory,
        ChangeUsersHandler,
        TaskReader,
        ExecuteTaskCommandHandler,
        RegisterNoticeHandler,
        AgencyCommandsHandler,
        AddAgencyUnitHandler,
        ImportAgencyUnitsHandler,
      ],
    };
  }
}
