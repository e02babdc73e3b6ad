import { Projection, physical } from './projection';
import { SqlDatabase, SqlExecutor } from './sql-database';

export interface Checkpoint {
  name: string;
  generation: number;
  version: number;
  position: bigint;
  updatedAt: string;
}

interface CheckpointRow {
  name: string;
  generation: number | string;
  version: number | string;
  position: number | string;
  updated_at: string;
}

/** Numbered, append-only migrations of the shared tables; projection tables follow `Projection.version`. */
const MIGRATIONS: string[] = [
  `CREATE TABLE IF NOT EXISTS rm_checkpoints (
     name TEXT PRIMARY KEY, generation INTEGER NOT NULL, version INTEGER NOT NULL,
     position BIGINT NOT NULL, updated_at TEXT NOT NULL)`,
];

const toCheckpoint = (row: CheckpointRow): Checkpoint => ({
  name: row.name,
  generation: Number(row.generation),
  version: Number(row.version),
  position: BigInt(row.position),
  updatedAt: row.updated_at,
});

/** Serialises schema work of several processes starting at once (PostgreSQL; SQLite's write lock does it). */
async function lockSchema(tx: SqlExecutor): Promise<void> {
  if (tx.dialect === 'postgres') await tx.all('SELECT pg_advisory_xact_lock(4242)');
}

/**
 * Runs at start (API, worker, CLI): applies pending migrations, and gives every projection its
 * tables. A projection whose version changed gets a fresh generation from position 0.
 */
export async function migrateReadModels(db: SqlDatabase, projections: readonly Projection[]): Promise<void> {
  await db.transaction(async (tx) => {
    await lockSchema(tx);
    await tx.exec('CREATE TABLE IF NOT EXISTS rm_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
    const done = new Set((await tx.all<{ version: number }>('SELECT version FROM rm_migrations')).map((r) => Number(r.version)));
    for (const [index, sql] of MIGRATIONS.entries()) {
      if (done.has(index + 1)) continue;
      await tx.exec(sql);
      await tx.run('INSERT INTO rm_migrations (version, applied_at) VALUES (?, ?)', [index + 1, new Date().toISOString()]);
    }
    for (const projection of projections) {
      const current = await readCheckpoint(tx, projection.name);
      if (current && current.version === projection.version) continue;
      const generation = (current?.generation ?? 0) + 1;
      await createGeneration(tx, projection, generation);
      await switchTo(tx, projection, generation, 0n, current?.generation);
    }
  });
}

/** Creates the tables of `generation` (empty), with their secondary indexes unless a bulk fill builds them later. */
export async function createGeneration(tx: SqlExecutor, projection: Projection, generation: number, withIndexes = true): Promise<void> {
  for (const table of projection.tables) await tx.exec(`DROP TABLE IF EXISTS ${physical(table, generation)}`);
  for (const statement of projection.ddl(generation, tx.dialect)) await tx.exec(statement);
  if (withIndexes) await createIndexes(tx, projection, generation);
}

export async function createIndexes(tx: SqlExecutor, projection: Projection, generation: number): Promise<void> {
  for (const statement of projection.indexes?.(generation) ?? []) await tx.exec(statement);
}

/** Points the views and the checkpoint at `generation` and drops the previous tables. */
export async function switchTo(
  tx: SqlExecutor,
  projection: Projection,
  generation: number,
  position: bigint,
  previous?: number,
): Promise<void> {
  for (const table of projection.tables) {
    await tx.exec(`DROP VIEW IF EXISTS ${table}`);
    await tx.exec(`CREATE VIEW ${table} AS SELECT * FROM ${physical(table, generation)}`);
  }
  if (previous !== undefined && previous !== generation) {
    for (const table of projection.tables) await tx.exec(`DROP TABLE IF EXISTS ${physical(table, previous)}`);
  }
  await tx.run(
    `INSERT INTO rm_checkpoints (name, generation, version, position, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET generation = excluded.generation, version = excluded.version,
       position = excluded.position, updated_at = excluded.updated_at`,
    [projection.name, generation, projection.version, position, new Date().toISOString()],
  );
}

export async function readCheckpoint(tx: SqlExecutor, name: string, forUpdate = false): Promise<Checkpoint | undefined> {
  const lock = forUpdate && tx.dialect === 'postgres' ? ' FOR UPDATE' : '';
  const [row] = await tx.all<CheckpointRow>(
    `SELECT name, generation, version, position, updated_at FROM rm_checkpoints WHERE name = ?${lock}`,
    [name],
  );
  return row ? toCheckpoint(row) : undefined;
}

export async function readCheckpoints(db: SqlExecutor): Promise<Checkpoint[]> {
  return (await db.all<CheckpointRow>('SELECT name, generation, version, position, updated_at FROM rm_checkpoints ORDER BY name')).map(
    toCheckpoint,
  );
}

export async function saveCheckpoint(tx: SqlExecutor, name: string, position: bigint): Promise<void> {
  await tx.run('UPDATE rm_checkpoints SET position = ?, updated_at = ? WHERE name = ?', [position, new Date().toISOString(), name]);
}
