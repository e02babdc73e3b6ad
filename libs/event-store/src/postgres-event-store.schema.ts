import type { ClientConfig, Pool } from 'pg';
import { inSchemaTransaction } from '@tdnv/coordination';

/** Where the events live: the connection (without our `schema` parameter) and the schema. */
export interface PostgresLocation {
  connection: ClientConfig;
  schema: string;
}

/** Also a LISTEN channel suffix: short enough that `event_store_<schema>` fits in 63 bytes. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,47}$/;

/**
 * Keys of the transaction-level advisory locks (two-int form, so no clash with one-bigint users):
 * the schema's creation and migrations hold SCHEMA_LOCK (@tdnv/coordination, 74_110_001), appends this one.
 */
export const APPEND_LOCK = 74_110_002;

/**
 * Parses EVENTSTORE_URL. `?schema=name` puts the tables in that schema (tests use one each, like
 * READ_MODEL_URL); the default is `public`. Errors name the problem, never the URL: it may hold a
 * password.
 */
export function parsePostgresUrl(url: string): PostgresLocation {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('EVENTSTORE_URL is not a valid postgres:// URL');
  }
  const schema = parsed.searchParams.get('schema') ?? 'public';
  parsed.searchParams.delete('schema');
  if (!SCHEMA_NAME.test(schema)) {
    throw new Error(`EVENTSTORE_URL: invalid schema name "${schema}" (lower-case letters, digits and _, at most 48)`);
  }
  // The schema is validated above, so it is safe inside SQL text from here on.
  return { connection: { connectionString: parsed.toString(), options: `-c search_path=${schema}` }, schema };
}

export const notifyChannel = (schema: string): string => `event_store_${schema}`;

interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Numbered and append-only: a released migration is never edited, a change is a new number.
 *
 * 1. The table. `position` is the global order. It comes from the identity sequence while the
 *    appender lock is held (see append_events), so it is also commit order; its primary key is the
 *    index readAll walks. UNIQUE (stream, revision) serves readStream and the revision lookup and
 *    backs up the concurrency check; UNIQUE (id) makes an event id impossible to store twice.
 *    `json`, not `jsonb`: the store never queries inside a payload, `json` keeps the text as
 *    written (key order, `\u0000` escapes that jsonb refuses) and costs less to write and read.
 * 2. append_events, the whole append in one round trip (postgres-append.ts explains the lock).
 *    Requests are checked in order (a later request on the same stream starts after the earlier
 *    one); `expected` is NULL for 'any', -1 for 'no_stream'. The first failed check returns one
 *    row (request, actual revision) and writes nothing; otherwise one row per request with its
 *    last revision and position. Events arrive as flat arrays with, per event, its request and
 *    its rank in that request: subscripting int arrays is O(1), text arrays are walked by unnest.
 *    The NOTIFY is delivered only if, and when, the transaction commits. Generic plans: with
 *    the default, PL/pgSQL re-planned the array-fed INSERT at every call (3 times the work).
 */
const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'events',
    sql: `CREATE TABLE events (
      position    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      id          text        NOT NULL UNIQUE,
      stream      text        NOT NULL,
      revision    integer     NOT NULL,
      type        text        NOT NULL,
      data        json        NOT NULL,
      metadata    json        NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (stream, revision)
    )`,
  },
  {
    version: 2,
    name: 'append_events',
    sql: `CREATE FUNCTION append_events(
      p_streams text[], p_expected integer[], p_counts integer[],
      p_requests integer[], p_ranks integer[], p_ids text[], p_types text[], p_data text[], p_metadata text[]
    ) RETURNS TABLE (request integer, actual integer, next_revision integer, last_position bigint)
    LANGUAGE plpgsql
    SET plan_cache_mode = force_generic_plan
    AS $fn$
    DECLARE
      request_count integer := coalesce(array_length(p_streams, 1), 0);
      base integer[] := '{}';
      current_revision integer;
    BEGIN
      PERFORM pg_advisory_xact_lock(${APPEND_LOCK}, hashtext(current_schema()));
      FOR i IN 1 .. request_count LOOP
        current_revision := NULL;
        FOR j IN REVERSE i - 1 .. 1 LOOP
          IF p_streams[j] = p_streams[i] THEN
            current_revision := base[j] + p_counts[j];
            EXIT;
          END IF;
        END LOOP;
        IF current_revision IS NULL THEN
          SELECT coalesce(max(e.revision), -1) INTO current_revision FROM events e WHERE e.stream = p_streams[i];
        END IF;
        IF p_expected[i] IS NOT NULL AND p_expected[i] <> current_revision THEN
          RETURN QUERY SELECT i, current_revision, NULL::integer, NULL::bigint;
          RETURN;
        END IF;
        base[i] := current_revision;
      END LOOP;
      IF coalesce(array_length(p_ids, 1), 0) > 0 THEN
        PERFORM pg_notify('event_store_' || current_schema(), '');
      END IF;
      RETURN QUERY
        WITH inserted AS (
          INSERT INTO events (id, stream, revision, type, data, metadata)
          SELECT r.id, p_streams[r.req], base[r.req] + r.rank, r.type, r.data::json, r.metadata::json
            FROM unnest(p_requests, p_ranks, p_ids, p_types, p_data, p_metadata)
                 WITH ORDINALITY AS r(req, rank, id, type, data, metadata, n)
           ORDER BY r.n
          RETURNING events.stream, events.revision, events.position
        )
        SELECT g.req, NULL::integer, base[g.req] + p_counts[g.req], ins.position
          FROM generate_series(1, request_count) AS g(req)
          LEFT JOIN inserted ins
            ON p_counts[g.req] > 0 AND ins.stream = p_streams[g.req] AND ins.revision = base[g.req] + p_counts[g.req]
         ORDER BY g.req;
    END
    $fn$`,
  },
];

export const LATEST_MIGRATION = MIGRATIONS[MIGRATIONS.length - 1].version;

/**
 * Brings the schema up to date in one transaction, under the schema's advisory lock taken before
 * even CREATE SCHEMA (inSchemaTransaction): two processes starting at once would otherwise both try
 * to create the schema or the table, and the loser would fail on a catalog unique index. The second
 * one waits, then finds everything applied and does nothing.
 */
export async function migrate(pool: Pool, schema: string): Promise<void> {
  await inSchemaTransaction(pool, schema, async (client) => {
    await client.query(`SET LOCAL search_path TO ${schema}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS event_store_migrations (
        version    integer PRIMARY KEY,
        name       text        NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`,
    );
    const applied = await client.query<{ version: number }>('SELECT version FROM event_store_migrations');
    const done = new Set(applied.rows.map((row) => row.version));
    for (const migration of MIGRATIONS.filter((m) => !done.has(m.version))) {
      await client.query(migration.sql);
      await client.query('INSERT INTO event_store_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
    }
  });
}
