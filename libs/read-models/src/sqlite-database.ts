import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { SqlDatabase, SqlExecutor, SqlValue } from './sql-database';

/**
 * better-sqlite3 behind the async query layer. Statements are cached by text (the projections
 * reuse a handful of shapes). Transactions on one connection are queued, because the body awaits
 * the event store and another caller must not slip its statements into it.
 */
export class SqliteDatabase implements SqlDatabase {
  readonly dialect = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(filePath: string) {
    mkdirSync(dirname(filePath), { recursive: true });
    this.db = new Database(filePath, { timeout: 10_000 });
    // WAL: the API reads while the worker writes; NORMAL: no fsync per commit (a read model can be rebuilt).
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    // 64 MiB page cache instead of 2 MiB: the projections update indexes all over 1M-task tables,
    // and with the default cache nearly every index page is re-read from the file.
    this.db.pragma('cache_size = -65536');
    this.db.pragma('temp_store = MEMORY');
  }

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      if (this.statements.size > 500) this.statements.clear();
      this.statements.set(sql, statement);
    }
    return statement;
  }

  // The parameters go in as one array (anonymous parameters): spreading a thousand arguments is slow.
  async all<T>(sql: string, params: SqlValue[] = []): Promise<T[]> {
    return this.statement(sql).all(params) as T[];
  }

  async run(sql: string, params: SqlValue[] = []): Promise<number> {
    return this.statement(sql).run(params).changes;
  }

  async exec(sql: string): Promise<void> {
    this.statements.clear();
    this.db.exec(sql);
  }

  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      // IMMEDIATE takes the write lock first, so two processes never both read the same checkpoint.
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(this);
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    await this.queue;
    this.db.close();
  }
}
