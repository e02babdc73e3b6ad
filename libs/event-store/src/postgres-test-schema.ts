import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

/** The PostgreSQL of the integration tests (CI runs one); TEST_POSTGRES_URL overrides it. */
export const PG_TEST_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A schema of its own per store under test, so test files and runs never see each other's events. */
export const uniqueSchema = (prefix = 'es'): string => `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 16)}`;

export const schemaUrl = (schema: string, extraParams = ''): string =>
  `${PG_TEST_URL}${PG_TEST_URL.includes('?') ? '&' : '?'}schema=${schema}${extraParams}`;

/** Runs queries on a short-lived connection of the test database (inspection, teardown). */
export async function withTestDatabase<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: PG_TEST_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export const dropSchema = (schema: string): Promise<void> =>
  withTestDatabase(async (client) => void (await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)));

/** Fails, with the reason, when PostgreSQL is not reachable: these suites must never pass by skipping. */
export async function requirePostgres(): Promise<void> {
  try {
    await withTestDatabase((client) => client.query('SELECT 1'));
  } catch (error) {
    throw new Error(
      `PostgreSQL is required by this suite (${PG_TEST_URL.replace(/:[^:@/]*@/, ':***@')}; set TEST_POSTGRES_URL): ${String(error)}`,
    );
  }
}

/** Waits for an asynchronous condition (a database state) to hold; no fixed sleeps. */
export async function eventually(condition: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
