import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The worker's own SQLite file (`DATA_DIR/worker.sqlite`): one `checkpoints` table for every
 * consumer of the log that keeps its state here (open deadlines, reminder scheduling), each under
 * its own name. The read-model projections keep theirs in the read-model database instead, because
 * a checkpoint must commit in the same transaction as the rows it covers.
 */
export function openWorkerState(file: string): Database.Database {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE IF NOT EXISTS checkpoints (name TEXT PRIMARY KEY, position TEXT NOT NULL)');
  return db;
}

/** One consumer's position in the log; `save` belongs inside the transaction that applies the batch. */
export class Checkpoint {
  private readonly read: Database.Statement;
  private readonly write: Database.Statement;

  constructor(
    db: Database.Database,
    readonly name: string,
  ) {
    this.read = db.prepare('SELECT position FROM checkpoints WHERE name = ?');
    this.write = db.prepare(
      'INSERT INTO checkpoints (name, position) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET position = excluded.position',
    );
  }

  position(): bigint {
    const row = this.read.get(this.name) as { position: string } | undefined;
    return row ? BigInt(row.position) : 0n;
  }

  save(position: bigint): void {
    this.write.run(this.name, position.toString());
  }
}
