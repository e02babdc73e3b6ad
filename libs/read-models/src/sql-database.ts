/**
 * The one SQL query layer the read models use, over SQLite (embedded default) and PostgreSQL.
 * Statements are written once with `?` placeholders and portable SQL (row values, ON CONFLICT,
 * views); the PostgreSQL adapter numbers the placeholders.
 */
export type Dialect = 'sqlite' | 'postgres';
export type SqlValue = string | number | bigint | null;

export interface SqlExecutor {
  readonly dialect: Dialect;
  all<T = Record<string, unknown>>(sql: string, params?: SqlValue[]): Promise<T[]>;
  /** Returns the number of rows changed. */
  run(sql: string, params?: SqlValue[]): Promise<number>;
  /** Several statements, no parameters (DDL). */
  exec(sql: string): Promise<void>;
}

export interface SqlDatabase extends SqlExecutor {
  /** Runs `fn` in one write transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** `?` → `$1, $2…` for PostgreSQL. Our SQL never has a `?` inside a string literal. */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** `(?, ?, ?), (?, ?, ?)` for a multi-row INSERT of `rows` rows of `columns` values. */
export function valuesList(rows: number, columns: number): string {
  const one = `(${new Array(columns).fill('?').join(', ')})`;
  return new Array(rows).fill(one).join(', ');
}

/** Rows per multi-row INSERT on SQLite. */
const SQLITE_CHUNK = 32;

/**
 * Inserts (or upserts, with `conflict`) rows. PostgreSQL: big multi-row statements under its
 * parameter limit, one round trip each. SQLite (in-process, no round trip): chunks of a fixed
 * SQLITE_CHUNK rows and the rest one by one, so only two statement texts exist per table; they
 * stay prepared in the statement cache, where a varying row count would prepare a new statement of
 * thousands of parameters for every batch.
 */
export async function insertRows(
  tx: SqlExecutor,
  table: string,
  columns: readonly string[],
  rows: SqlValue[][],
  conflict = '',
): Promise<void> {
  const perChunk = tx.dialect === 'sqlite' ? SQLITE_CHUNK : Math.max(1, Math.floor(30000 / columns.length));
  const sql = (count: number) => insertSql(table, columns, count, conflict);
  let i = 0;
  for (; i + perChunk <= rows.length; i += perChunk) await tx.run(sql(perChunk), flatten(rows, i, i + perChunk, columns.length));
  if (i === rows.length) return;
  if (tx.dialect === 'sqlite') {
    for (; i < rows.length; i++) await tx.run(sql(1), rows[i]);
  } else {
    await tx.run(sql(rows.length - i), flatten(rows, i, rows.length, columns.length));
  }
}

/** The statement texts are cached (per column list): a rebuild asks for the same few shapes thousands of times. */
const insertTexts = new WeakMap<readonly string[], Map<string, string>>();

function insertSql(table: string, columns: readonly string[], count: number, conflict: string): string {
  let texts = insertTexts.get(columns);
  if (!texts) insertTexts.set(columns, (texts = new Map()));
  const key = `${table}\u0000${count}\u0000${conflict}`;
  let sql = texts.get(key);
  if (sql === undefined) {
    if (texts.size > 1000) texts.clear();
    sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${valuesList(count, columns.length)} ${conflict}`;
    texts.set(key, sql);
  }
  return sql;
}

/** rows[from..to) as one parameter list, without the intermediate arrays of slice().flat(). */
function flatten(rows: SqlValue[][], from: number, to: number, width: number): SqlValue[] {
  const out = new Array<SqlValue>((to - from) * width);
  let k = 0;
  for (let r = from; r < to; r++) {
    const row = rows[r];
    for (let c = 0; c < width; c++) out[k++] = row[c];
  }
  return out;
}

/** `ON CONFLICT (key) DO UPDATE SET` every other column, for full-row upserts. */
export function upsertClause(key: string, columns: readonly string[]): string {
  return `ON CONFLICT (${key}) DO UPDATE SET ${columns
    .filter((c) => c !== key)
    .map((c) => `${c} = excluded.${c}`)
    .join(', ')}`;
}
