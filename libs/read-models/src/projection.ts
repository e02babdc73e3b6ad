import { DeadlinePolicy } from '@tdnv/domain';
import { StoredEvent } from '@tdnv/event-store';
import { Dialect, SqlExecutor } from './sql-database';

export interface ProjectionContext {
  policy: DeadlinePolicy;
  /** Time zone of deadlines: local dates of events (assigned on, reported on). */
  timeZone: string;
}

/**
 * A read model fed from the log. Its tables live per generation (`<table>_g<n>`) behind a view
 * named `<table>`: a rebuild fills a fresh generation and swaps the views in one transaction.
 */
export interface Projection {
  readonly name: string;
  /** Bumped when the tables or the fold change: a different version rebuilds from the log at start. */
  readonly version: number;
  readonly tables: readonly string[];
  /** CREATE TABLE statements for one generation (`_g<n>` suffix); the dialect allows storage hints. */
  ddl(generation: number, dialect: Dialect): string[];
  /**
   * Secondary indexes of one generation, apart from the tables: a rebuild fills the tables without
   * them and builds them once at the end, which is much cheaper than keeping them up to date row by row.
   */
  indexes?(generation: number): string[];
  /**
   * Applies events in global order. Must be idempotent: an event at or below a row's recorded
   * position is skipped, so applying a batch twice changes nothing.
   */
  apply(tx: SqlExecutor, generation: number, events: StoredEvent[], context: ProjectionContext): Promise<void>;
}

export const physical = (table: string, generation: number): string => `${table}_g${generation}`;
