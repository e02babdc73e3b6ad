import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEventStore } from './create-event-store';
import { newEvent, uniqueStream } from './event-store.contract-helpers';
import { EventStoreDbEventStore } from './eventstoredb-event-store';
import { PostgresEventStore } from './postgres-event-store';
import { dropSchema, PG_TEST_URL, requirePostgres, uniqueSchema, withTestDatabase } from './postgres-test-schema';
import { SqliteEventStore } from './sqlite-event-store';

describe('createEventStore', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'create-event-store-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('uses the SQLite file in the data folder when EVENTSTORE_URL is not set', async () => {
    const store = createEventStore({ dataDir, eventstoreUrl: '' });
    try {
      expect(store).toBeInstanceOf(SqliteEventStore);
      expect(existsSync(join(dataDir, 'events.sqlite'))).toBe(true);
    } finally {
      await store.close();
    }
  });

  it.each(['esdb://localhost:2113?tls=false', 'esdb+discover://cluster.local:2113'])('uses EventStoreDB for %s', async (url) => {
    const store = createEventStore({ dataDir, eventstoreUrl: url });
    try {
      expect(store).toBeInstanceOf(EventStoreDbEventStore);
    } finally {
      await store.close();
    }
  });

  it.each(['postgres', 'postgresql'])('uses PostgreSQL, in the schema the URL names, for %s://', async (scheme) => {
    await requirePostgres();
    const schema = uniqueSchema();
    const url = `${PG_TEST_URL.replace(/^postgres(ql)?:/, `${scheme}:`)}${PG_TEST_URL.includes('?') ? '&' : '?'}schema=${schema}`;
    const store = createEventStore({ dataDir, eventstoreUrl: url });
    try {
      expect(store).toBeInstanceOf(PostgresEventStore);
      const stream = uniqueStream('task');
      await store.appendToStream({ stream, expected: 'no_stream', events: [newEvent('TaskAssigned', {})] });
      expect((await store.readStream(stream)).revision).toBe(0);
      const inSchema = await withTestDatabase((client) => client.query(`SELECT stream FROM ${schema}.events`));
      expect(inSchema.rows).toEqual([{ stream }]);
    } finally {
      await store.close();
      await dropSchema(schema);
    }
  });

  it('refuses another scheme with a clear message that does not echo the password', () => {
    const url = 'mysql://admin:secret@db/events';
    expect(() => createEventStore({ dataDir, eventstoreUrl: url })).toThrow(
      /EVENTSTORE_URL must start with postgres:\/\/, postgresql:\/\/, esdb:\/\/ or esdb\+discover:\/\/.*got scheme "mysql"/,
    );
    expect(() => createEventStore({ dataDir, eventstoreUrl: url })).not.toThrow(/secret/);
  });

  it('refuses a bad schema name without echoing the password', () => {
    const url = 'postgres://admin:secret@db/events?schema=Drop;Table';
    expect(() => createEventStore({ dataDir, eventstoreUrl: url })).toThrow(/invalid schema name/);
    expect(() => createEventStore({ dataDir, eventstoreUrl: url })).not.toThrow(/secret/);
  });
});
