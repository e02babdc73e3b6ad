import { Pool, PoolClient } from 'pg';
import { createSchemaOnce } from '@tdnv/coordination';
import { numberPlaceholders, SqlDatabase, SqlExecutor, SqlValue } from './sql-database';

const param = (value: SqlValue): unknown => (typeof value === 'bigint' ? value.toString() : value);

class PgExecutor implements SqlExecutor {
  readonly dialect = 'postgres' as const;
  constructor(private readonly client: Pool | PoolClient) {}

  async all<T>(sql: string, params: SqlValue[] = []): Promise<T[]> {
    return (await this.client.query(numberPlaceholders(sql), params.map(param))).rows as T[];
  }

  async run(sql: string, params: SqlValue[] = []): Promise<number> {
    return (await this.client.query(numberPlaceholders(sql), params.map(param))).rowCount ?? 0;
  }

  async exec(sql: string): Promise<void> {
    await this.client.query(sql);
  }
}

/**
 * PostgreSQL read models, for several API and worker instances. A `schema` parameter in
 * READ_MODEL_URL (…/db?schema=reports) puts the tables in that schema (tests use one per file).
 */
export class PostgresDatabase extends PgExecutor implements SqlDatabase {
  private readonly pool: Pool;
  readonly schema?: string;

  private constructor(pool: Pool, schema?: string) {
    super(pool);
    this.pool = pool;
    this.schema = schema;
  }

  static async open(url: string): Promise<PostgresDatabase> {
    const parsed = new URL(url);
    const schema = parsed.searchParams.get('schema') ?? undefined;
    parsed.searchParams.delete('schema');
    if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`READ_MODEL_URL: invalid schema name "${schema}"`);
    const pool = new Pool({ connectionString: parsed.toString(), max: 8, ...(schema ? { options: `-c search_path=${schema}` } : {}) });
    // Several APIs and workers of one deployment open it at once.
    if (schema) await createSchemaOnce(pool, schema);
    return new PostgresDatabase(pool, schema);
  }

  async transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(new PgExecutor(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** Drops the schema (tests). */
  async dropSchema(): Promise<void> {
    if (this.schema) await this.pool.query(`DROP SCHEMA IF EXISTS ${this.schema} CASCADE`);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
