import { standingSql } from './buckets';
import { physical } from './projection';
import { Dialect, insertRows, SqlExecutor, SqlValue } from './sql-database';
import { TallyDelta } from './stats-tally';
import { forEachStanding, standingsList } from './standings-list';

export const TALLY_TABLE = 'rm_task_tally';
/** The months that have an end-of-month standing, so a query knows which one to start from. */
export const TALLY_MONTHS_TABLE = 'rm_task_tally_months';
/**
 * The standing at the end of each month, per grouping, month, deadline mode (`c` current, `o`
 * original), group and confidentiality, as one standings list (standings-list.ts): a closed task's
 * letter, an open one's due day. A past day's answer reads one row per group from here, and the
 * changes of that month's days from the counters; a row per counter here cost 155,558 rows by
 * notice at 1,000,000 tasks.
 */
export const TALLY_ENDS_TABLE = 'rm_task_tally_ends';
/**
 * The last batch (its last event's position) that changed each day's counters. Nothing is counted
 * from it: a cached answer for the end of a day (stats-tally.cache.ts) stays valid while no batch
 * has written to that day or an earlier one since. Batches differ between a live fold and a
 * rebuild, so these positions do too; the counters themselves do not.
 */
export const TALLY_DAYS_TABLE = 'rm_task_tally_days';

const DAY_COLUMNS = ['day', 'position'] as const;
const END_COLUMNS = ['dim', 'month', 'mode', 'grp', 'conf', 'label', 'standings'] as const;
const END_KEY = END_COLUMNS.slice(0, 5);

export const TALLY_COLUMNS = ['dim', 'period', 'part', 'grp', 'conf', 'cur', 'orig', 'label', 'n'] as const;
export const TALLY_KEY = TALLY_COLUMNS.slice(0, 7);

/**
 * One row per non-zero counter; the key is the order every tally query reads in. The partial index
 * holds the counters a batch brought back to zero, so they are found and deleted without a scan; it
 * is created with the table (a rebuild needs it from the first batch).
 */
export function tallyTablesDdl(generation: number, dialect: Dialect): string[] {
  const table = physical(TALLY_TABLE, generation);
  const clustered = dialect === 'sqlite' ? ' WITHOUT ROWID' : '';
  return [
    `CREATE TABLE ${table} (
      dim TEXT NOT NULL, period TEXT NOT NULL, part TEXT NOT NULL, grp TEXT NOT NULL, conf INTEGER NOT NULL,
      cur TEXT NOT NULL, orig TEXT NOT NULL, label TEXT NOT NULL, n BIGINT NOT NULL,
      PRIMARY KEY (${TALLY_KEY.join(', ')}))${clustered}`,
    `CREATE INDEX ${table}_zero ON ${table} (dim) WHERE n = 0`,
    `CREATE TABLE ${physical(TALLY_MONTHS_TABLE, generation)} (month TEXT PRIMARY KEY)`,
    `CREATE TABLE ${physical(TALLY_ENDS_TABLE, generation)} (
      dim TEXT NOT NULL, month TEXT NOT NULL, mode TEXT NOT NULL, grp TEXT NOT NULL, conf INTEGER NOT NULL,
      label TEXT NOT NULL, standings TEXT NOT NULL, PRIMARY KEY (${END_KEY.join(', ')}))${clustered}`,
    `CREATE TABLE ${physical(TALLY_DAYS_TABLE, generation)} (day TEXT PRIMARY KEY, position BIGINT NOT NULL)`,
  ];
}

function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [year, month] = from.split('-').map(Number);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    if (key > to) return out;
    out.push(key);
    month += 1;
    if (month > 12) {
      year += 1;
      month = 1;
    }
  }
}

/**
 * Makes sure every month from the batch's first to the latest has an end-of-month standing: a new
 * month after the latest starts as a copy of the latest (nothing changed in between), one before
 * the earliest starts empty (nothing happened before it). Returns every month, in order.
 */
async function ensureMonths(tx: SqlExecutor, generation: number, changes: TallyDelta[]): Promise<string[]> {
  const months = physical(TALLY_MONTHS_TABLE, generation);
  const ends = physical(TALLY_ENDS_TABLE, generation);
  const known = (await tx.all<{ month: string }>(`SELECT month FROM ${months} ORDER BY month`)).map((r) => r.month);
  const batch = changes.map((c) => c.day.slice(0, 7)).sort();
  const from = known[0] !== undefined && known[0] < batch[0] ? known[0] : batch[0];
  const latest = known[known.length - 1];
  const to = latest !== undefined && latest > batch[batch.length - 1] ? latest : batch[batch.length - 1];
  const all = monthsBetween(from, to);
  for (const month of all.filter((m) => !known.includes(m))) {
    if (latest !== undefined && month > latest) {
      await tx.run(
        `INSERT INTO ${ends} (${END_COLUMNS.join(', ')}) SELECT dim, ?, mode, grp, conf, label, standings FROM ${ends} WHERE month = ?`,
        [month, latest],
      );
    }
    await tx.run(`INSERT INTO ${months} (month) VALUES (?)`, [month]);
  }
  return all;
}

/**
 * Adds a batch's changes to the counters, now (`*`) and on their day (`D…`), and to the month-end
 * lists of their month and every later one. A counter that comes back to zero is deleted (an open
 * task's due date would otherwise leave a zero row behind for ever), so the table holds what the
 * queries sum and nothing else.
 */
export async function writeTally(tx: SqlExecutor, generation: number, changes: TallyDelta[], position: bigint): Promise<void> {
  if (changes.length === 0) return;
  const months = await ensureMonths(tx, generation, changes);
  const rows = new Map<string, SqlValue[]>();
  const add = (c: TallyDelta, period: string) => {
    const key = `${c.dim}\u0000${period}\u0000${c.part}\u0000${c.grp}\u0000${c.conf}\u0000${c.cur}\u0000${c.orig}`;
    const row = rows.get(key);
    if (row) (row[8] as number) += c.n;
    else rows.set(key, [c.dim, period, c.part, c.grp, c.conf, c.cur, c.orig, c.label, c.n]);
  };
  for (const change of changes) {
    add(change, '*');
    add(change, `D${change.day}`);
  }
  await upsert(
    tx,
    physical(TALLY_TABLE, generation),
    [...rows.values()].filter((row) => row[8] !== 0),
  );
  await writeMonthEnds(tx, physical(TALLY_ENDS_TABLE, generation), changes, months);
  const days = [...new Set(changes.map((c) => c.day))].map((day) => [day, position]);
  await insertRows(
    tx,
    physical(TALLY_DAYS_TABLE, generation),
    DAY_COLUMNS,
    days,
    'ON CONFLICT (day) DO UPDATE SET position = excluded.position',
  );
}

/**
 * What a counter's change moves in the month-end lists, per deadline mode: a closed standing from
 * the plain part, an open one (its day) from its day part. Each task is so counted once per mode.
 */
function endMoves(c: TallyDelta): [mode: 'c' | 'o', standing: string][] {
  if (c.part !== '') return c.part[0] === 'c' ? [['c', c.cur]] : [['o', c.orig]];
  const moves: [mode: 'c' | 'o', standing: string][] = [];
  if (c.cur[0] !== 'O') moves.push(['c', c.cur]);
  if (c.orig[0] !== 'O') moves.push(['o', c.orig]);
  return moves;
}

interface EndChange {
  key: SqlValue[];
  label: string;
  moves: Map<string, number>;
}

/** Applies the changes to the month-end lists of their month and every later one (read, change, write). */
async function writeMonthEnds(tx: SqlExecutor, table: string, changes: TallyDelta[], months: string[]): Promise<void> {
  const lists = new Map<string, EndChange>();
  for (const c of changes) {
    const first = months.indexOf(c.day.slice(0, 7));
    for (const [mode, standing] of endMoves(c)) {
      for (let i = first; i < months.length; i++) {
        const id = [c.dim, months[i], mode, c.grp, c.conf].join('\u0000');
        let list = lists.get(id);
        if (!list) lists.set(id, (list = { key: [c.dim, months[i], mode, c.grp, c.conf], label: c.label, moves: new Map() }));
        list.moves.set(standing, (list.moves.get(standing) ?? 0) + c.n);
      }
    }
  }
  const stored = await storedEnds(
    tx,
    table,
    [...lists.values()].map((list) => list.key),
  );
  const written: SqlValue[][] = [];
  const emptied: SqlValue[][] = [];
  for (const [id, list] of lists) {
    const before = stored.get(id);
    const counts = new Map<string, number>();
    if (before) forEachStanding(before.standings, (standing, n) => counts.set(standing, n));
    for (const [standing, n] of list.moves) counts.set(standing, (counts.get(standing) ?? 0) + n);
    const standings = standingsList(counts);
    if (standings === '') {
      if (before) emptied.push(list.key);
      continue;
    }
    const label = before && before.label < list.label ? before.label : list.label;
    if (before?.standings !== standings || before.label !== label) written.push([...list.key, label, standings]);
  }
  const conflict = `ON CONFLICT (${END_KEY.join(', ')}) DO UPDATE SET label = excluded.label, standings = excluded.standings`;
  await insertRows(tx, table, END_COLUMNS, written, conflict);
  for (let i = 0; i < emptied.length; i += KEYS_PER_STATEMENT) {
    const chunk = emptied.slice(i, i + KEYS_PER_STATEMENT);
    await tx.run(`DELETE FROM ${table} WHERE (${END_KEY.join(', ')}) IN (VALUES ${chunk.map(() => KEY_MARKS).join(', ')})`, chunk.flat());
  }
}

const KEYS_PER_STATEMENT = 200;
// PostgreSQL types a VALUES list's parameters as text, and conf is an integer.
const KEY_MARKS = '(?, ?, ?, ?, CAST(? AS INTEGER))';

/** The stored lists of `keys`, by their joined key. */
async function storedEnds(tx: SqlExecutor, table: string, keys: SqlValue[][]): Promise<Map<string, { label: string; standings: string }>> {
  const out = new Map<string, { label: string; standings: string }>();
  for (let i = 0; i < keys.length; i += KEYS_PER_STATEMENT) {
    const chunk = keys.slice(i, i + KEYS_PER_STATEMENT);
    const rows = await tx.all<{ dim: string; month: string; mode: string; grp: string; conf: number; label: string; standings: string }>(
      `SELECT ${END_COLUMNS.join(', ')} FROM ${table} WHERE (${END_KEY.join(', ')}) IN (VALUES ${chunk.map(() => KEY_MARKS).join(', ')})`,
      chunk.flat(),
    );
    for (const r of rows) out.set([r.dim, r.month, r.mode, r.grp, r.conf].join('\u0000'), { label: r.label, standings: r.standings });
  }
  return out;
}

async function upsert(tx: SqlExecutor, table: string, rows: SqlValue[][]): Promise<void> {
  const conflict = `ON CONFLICT (${TALLY_KEY.join(', ')}) DO UPDATE SET n = ${table}.n + excluded.n`;
  await insertRows(tx, table, TALLY_COLUMNS, rows, conflict);
  await tx.run(`DELETE FROM ${table} WHERE n = 0`);
}

const GROUP: Record<string, string> = { agency: 't.lead', notice: 't.notice_id', month: 'substr(t.assigned_on, 1, 7)' };

/**
 * The `*` period counted again from rm_tasks by the database, independently of the projection's
 * fold: the benchmark fills its synthetic rows' counters with it, and a test checks that it equals
 * what the projection kept.
 */
export async function recountTally(tx: SqlExecutor, generation: number): Promise<void> {
  const tasks = physical('rm_tasks', generation);
  const table = physical(TALLY_TABLE, generation);
  await tx.run(`DELETE FROM ${table} WHERE period = '*'`);
  const cur = standingSql('t.effective_due');
  const orig = standingSql('t.original_effective_due');
  const month = (standing: string) => `CASE WHEN ${standing} LIKE 'O%' THEN substr(${standing}, 1, 8) ELSE ${standing} END`;
  // The months of every task, then the days of its open current and original due dates (stats-tally.ts).
  const parts = [
    { part: "''", cur: month(cur), orig: month(orig), where: '' },
    { part: "'c' || substr(t.effective_due, 1, 7)", cur, orig: "''", where: `WHERE ${cur} LIKE 'O%'` },
    { part: "'o' || substr(t.original_effective_due, 1, 7)", cur: "''", orig, where: `WHERE ${orig} LIKE 'O%'` },
  ];
  for (const [dim, grp] of Object.entries(GROUP)) {
    const label = dim === 'notice' ? 'MIN(t.notice_number)' : "''";
    for (const p of parts) {
      const keys = [p.part, grp, 't.confidential', p.cur, p.orig].filter((e) => e !== "''");
      await tx.run(
        `INSERT INTO ${table} (${TALLY_COLUMNS.join(', ')})
         SELECT '${dim}', '*', ${p.part}, ${grp}, t.confidential, ${p.cur}, ${p.orig}, ${label}, COUNT(*) FROM ${tasks} t ${p.where}
         GROUP BY ${keys.join(', ')}`,
      );
    }
  }
}
