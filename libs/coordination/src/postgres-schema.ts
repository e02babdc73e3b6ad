import { Pool, PoolClient } from 'pg';

/** The advisory lock space of schema creation and migration (pg_advisory_xact_lock's first key). */
export const SCHEMA_LOCK = 74_110_001;

/**
 * Inside an open transaction: waits for the schema's advisory lock, then creates the schema if it is
 * missing. CREATE SCHEMA IF NOT EXISTS alone is not safe when two processes start at once (two APIs
 * of one deployment): both try to create it and the loser fails on pg_namespace's unique index. The
 * lock is held until the transaction ends, so a migration run in the same transaction is serialised
 * too.
 */
async function lockAndCreateSchema(client: PoolClient, schema: string): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [SCHEMA_LOCK, schema]);
  await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
}

/**
 * One transaction that holds the schema's lock, with the schema created, while `work` runs in it
 * (a migration); a client whose rollback failed is discarded, not returned to the pool.
 */
export async function inSchemaTransaction(pool: Pool, schema: string, work: (client: PoolClient) => Promise<void>): Promise<void> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    await lockAndCreateSchema(client, schema);
    await work(client);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
    throw error;
  } finally {
    client.release(broken);
  }
}

/** The schema alone, for stores that then create their tables with IF NOT EXISTS. */
export const createSchemaOnce = (pool: Pool, schema: string): Promise<void> => inSchemaTransaction(pool, schema, async () => {});
