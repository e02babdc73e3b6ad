import { join } from 'node:path';
import { PostgresDatabase } from './postgres-database';
import { SqlDatabase } from './sql-database';
import { SqliteDatabase } from './sqlite-database';

export interface ReadModelStoreConfig {
  /** `postgres://…` selects PostgreSQL; unset selects `read-models.sqlite` under `dataDir`. */
  readModelUrl?: string;
  dataDir: string;
}

export async function openReadModelDatabase(config: ReadModelStoreConfig): Promise<SqlDatabase> {
  if (config.readModelUrl) return PostgresDatabase.open(config.readModelUrl);
  return new SqliteDatabase(join(config.dataDir, 'read-models.sqlite'));
}
