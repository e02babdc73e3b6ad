import { EventStore } from '@tdnv/event-store';
import { readCheckpoints } from './checkpoints';
import { SqlExecutor } from './sql-database';

export interface ProjectionStatus {
  name: string;
  generation: number;
  version: number;
  checkpoint: string;
  updatedAt: string;
  /** Events waiting after the checkpoint (counted up to 1,000). */
  pendingEvents: number;
  /** Age of the oldest event not yet applied; 0 when caught up. */
  lagSeconds: number;
}

const PENDING_CAP = 1000;

/** Checkpoint and lag of every projection, for the admin endpoint and the /metrics gauge. */
export async function projectionStatuses(db: SqlExecutor, store: EventStore, now: Date = new Date()): Promise<ProjectionStatus[]> {
  const checkpoints = await readCheckpoints(db);
  return Promise.all(
    checkpoints.map(async (cp) => {
      const pending = await store.readAll(cp.position, PENDING_CAP);
      const oldest = pending[0];
      return {
        name: cp.name,
        generation: cp.generation,
        version: cp.version,
        checkpoint: cp.position.toString(),
        updatedAt: cp.updatedAt,
        pendingEvents: pending.length,
        lagSeconds: oldest ? Math.max(0, (now.getTime() - new Date(oldest.recordedAt).getTime()) / 1000) : 0,
      };
    }),
  );
}
