import { randomUUID } from 'node:crypto';
import { PostgresDatabase } from '@tdnv/read-models';
import { PG_BASE_URL } from './read-model.fixtures';

// The multi-instance fault suite once lost an API at start: two APIs opened the read models on a
// new schema at the same moment, and one failed on pg_namespace's unique index.
describe('the PostgreSQL read models opened by several instances at once', () => {
  it('two APIs starting together on a new schema both open it (no duplicate key on pg_namespace)', async () => {
    for (let round = 0; round < 5; round++) {
      const url = `${PG_BASE_URL}?schema=race_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
      const opened = await Promise.allSettled(Array.from({ length: 8 }, () => PostgresDatabase.open(url)));
      const databases = opened.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
      try {
        expect(opened.filter((o) => o.status === 'rejected').map((o) => String((o as PromiseRejectedResult).reason))).toEqual([]);
        await databases[0].exec('CREATE TABLE probe (id integer)');
        expect(await databases[7].all('SELECT COUNT(*)::int AS n FROM probe')).toEqual([{ n: 0 }]);
      } finally {
        await databases[0]?.dropSchema();
        await Promise.all(databases.map((db) => db.close()));
      }
    }
  });
});
