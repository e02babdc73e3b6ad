import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { endOfDayInstant } from '@tdnv/calendar';
import { CLOCK, Clock } from '@tdnv/config';
import { AgencyDirectory } from '@tdnv/agency-directory';
import { SqlDatabase, warmStatsAnswers } from '@tdnv/read-models';
import { reportNames } from './report-names';
import { READ_MODEL_DB } from './read-model.providers';

/**
 * Keeps the dashboards' "now" ready (stats-answer.ts warmStatsAnswers): counted once at start and again just
 * after each local midnight, when every answer of the day before has become the base of the new
 * day, so no officer's first /stats of the day waits for it.
 */
@Injectable()
export class StatsWarmup implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(StatsWarmup.name);
  private timer?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    @Inject(READ_MODEL_DB) private readonly db: SqlDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly agencies: AgencyDirectory,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => void this.warm(), delayMs);
    this.timer.unref();
  }

  private async warm(): Promise<void> {
    const today = this.clock.today();
    try {
      await warmStatsAnswers(this.db, today, await reportNames(this.agencies), () => this.stopped);
    } catch (error) {
      // A cold cache only makes the first request slower: say so, and try again at the next midnight.
      if (!this.stopped) this.logger.warn(`Stats warm-up failed: ${(error as Error).message}`);
    }
    if (this.stopped) return;
    const untilMidnight = endOfDayInstant(today, this.clock.timeZone).getTime() - this.clock.now().getTime();
    this.schedule(Math.max(untilMidnight, 0) + 1_000);
  }
}
