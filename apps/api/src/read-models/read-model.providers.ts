import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Queue } from 'bullmq';
import { AppConfig, Clock, APP_CONFIG, EVENT_STORE } from '@tdnv/config';
import { InvalidLocalDateError, isLocalDate, endOfDayInstant, localDateOf } from '@tdnv/calendar';
import { EventStore, NotifyingEventStore } from '@tdnv/event-store';
import { nudgeOptions, PROJECTION_JOBS, PROJECTIONS_QUEUE, redisConnection } from '@tdnv/queues';
import { Registry } from 'prom-client';
import { METRICS_REGISTRY } from '@tdnv/metrics';
import { ReadModelQueryError, registerProjectionLagMetrics, projectionStatuses, PROJECTIONS, SqlDatabase } from '@tdnv/read-models';
import { problem, ProblemError } from '../http/problem';

export const READ_MODEL_DB = Symbol('READ_MODEL_DB');

/**
 * After every append the API nudges each projection (one coalesced job per projection), and
 * /metrics reads the projections' lag. A lost nudge only delays: the worker also catches up on a timer.
 */
@Injectable()
export class ProjectionNudger implements OnModuleInit, OnApplicationShutdown {
  private queue?: Queue;
  private closed = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly notifying: NotifyingEventStore,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly db: SqlDatabase,
    @Inject(METRICS_REGISTRY) private readonly metrics: Registry,
  ) {}

  onModuleInit(): void {
    const queue = new Queue(PROJECTIONS_QUEUE, { connection: redisConnection(this.config.redisUrl), prefix: this.config.queuePrefix });
    queue.on('error', () => undefined);
    this.queue = queue;
    this.notifying.onAppended(() => {
      // The store's last coalesced batch may be told after shutdown: a closed queue must stay closed.
      if (this.closed) return;
      for (const { name } of PROJECTIONS)
        void queue.add(PROJECTION_JOBS.nudge, { projection: name }, nudgeOptions(name)).catch(() => undefined);
    });
    registerProjectionLagMetrics(this.metrics, () => (this.closed ? Promise.resolve([]) : projectionStatuses(this.db, this.store)));
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    await this.queue?.close();
    await this.db.close();
  }
}

/** The instant and the local date a query is answered for: now, or the `asOf` given (a date means the end of that day). */
export function answerTime(clock: Clock, timeZone: string, asOf?: string): { asOf?: string; today: string } {
  if (!asOf) return { today: clock.today() };
  const time = asOfTime(asOf, timeZone);
  if (!time) throw new ProblemError(problem('validation', `asOf không hợp lệ: ${asOf}`));
  return time;
}

/**
 * Undefined when `asOf` is no instant, or one whose local date the calendar cannot write: the end
 * of 9999-12-31 in Vietnam is already in year 10000, which answered 500 (found by the API fuzzer).
 */
function asOfTime(asOf: string, timeZone: string): { asOf: string; today: string } | undefined {
  const instant = /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? endOfDay(asOf, timeZone) : new Date(asOf);
  if (!instant || Number.isNaN(instant.getTime())) return undefined;
  const today = localDateOf(instant, timeZone);
  return isLocalDate(today) ? { asOf: instant.toISOString(), today } : undefined;
}

/** The last millisecond of a local date, or undefined for a date the calendar refuses (2026-02-30, 9999-12-31). */
function endOfDay(date: string, timeZone: string): Date | undefined {
  try {
    return new Date(endOfDayInstant(date, timeZone).getTime() - 1);
  } catch (error) {
    if (error instanceof InvalidLocalDateError) return undefined;
    throw error;
  }
}

/** Maps a refused read-model query to its problem response. */
export async function answering<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ReadModelQueryError) throw new ProblemError(problem(error.kind, error.message));
    throw error;
  }
}
