/**
 * The /stats section of bench/read-models.bench.ts: a year and a half of plausible history (notices
 * of 64 tasks over 134 agencies, deadlines spread over a year, extensions, completions on time and
 * late, cancellations), projected by the real tasks projection, then /stats now and as of a past
 * day, from the counters, beside the paths they replaced (SQL over rm_tasks, history rows). Each
 * request is the API's whole answer (statsAnswer: groups, names, periodic reports, total) but for
 * its JSON encoding.
 */
import { addDays, createDeadlinePolicy, lastDayOfMonth } from '@tdnv/calendar';
import { Actor } from '@tdnv/domain';
import { openEventsDatabase, SqliteEventStore } from '@tdnv/event-store';
import {
  countFromTally,
  countGroups,
  NOW,
  warmStatsAnswers,
  countInMemory,
  migrateReadModels,
  PROJECTIONS,
  rebuildProjection,
  reportRows,
  SqlDatabase,
  SqliteDatabase,
  StatsRequest,
  statsAnswer,
  tasksProjection,
} from '@tdnv/read-models';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const CONTEXT = { policy: createDeadlinePolicy(true), timeZone: 'Asia/Ho_Chi_Minh' };
export const STATS_AGENCIES = Array.from({ length: 134 }, (_, i) => (i < 100 ? `B${i}` : `T${i - 100}`));
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
const FIRST_DAY = '2025-01-02';
const DAYS = 500;
export const STATS_TODAY = addDays(FIRST_DAY, DAYS);

/** A small deterministic hash, so the history is the same on every run. */
const mix = (n: number): number => {
  let x = (n ^ 0x9e3779b9) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b) >>> 0;
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35) >>> 0;
  return (x ^ (x >>> 16)) >>> 0;
};

/** The last millisecond of a local day in Hà Nội, the instant `asOf=<day>` answers for. */
const endOfDay = (day: string) => new Date(Date.parse(`${addDays(day, 1)}T00:00:00+07:00`) - 1).toISOString();

const instant = (day: string, hour: number) => `${day}T${String(hour).padStart(2, '0')}:00:00.000Z`;

type Planned = [day: string, type: string, data: object];

/** The events of task `i`, each on its local day (deterministic: the same on every run). */
function plannedEvents(i: number, tasks: number): { taskId: string; events: Planned[] } {
  const notice = i >> 6;
  const h = mix(i);
  // Notices are issued in order over DAYS days; a task's deadline 1–12 months after.
  const assignedOn = addDays(FIRST_DAY, Math.floor((notice * 64 * DAYS) / tasks));
  const due = addDays(assignedOn, 30 + (mix(notice * 64 + ((i & 63) >> 3)) % 330));
  const lead = STATS_AGENCIES[h % 134];
  const taskId = `n${notice}.${i & 63}.${lead.toLowerCase()}`;
  const events: Planned[] = [];
  const push = (day: string, type: string, data: object) => events.push([day, type, { taskId, ...data }]);
  push(assignedOn, 'TaskAssigned', {
    noticeId: `n${notice}`,
    noticeNumber: `${notice}/TB-VPCP`,
    directiveIndex: (i & 63) >> 3,
    text: 'Hoàn thiện cơ sở dữ liệu quốc gia, kết nối với các bộ, ngành',
    lead,
    coordinators: [STATS_AGENCIES[(h >>> 8) % 134]],
    deadline: { due, kind: 'date' },
    key: false,
    confidential: h % 50 === 0,
    assignedAt: instant(assignedOn, 2),
  });
  push(addDays(assignedOn, 2), 'TaskAcknowledged', { by: lead });
  push(addDays(assignedOn, 20), 'ProgressReported', { by: lead, note: 'Đã xây dựng dự thảo, đang lấy ý kiến', percent: 40 });
  let current = due;
  if (h % 7 === 0) {
    current = addDays(due, 60);
    push(addDays(due, -5), 'DeadlineChanged', {
      from: { due, kind: 'date' },
      to: { due: current, kind: 'date' },
      reason: 'Gia hạn',
      cause: 'extension',
    });
  }
  const fate = (h >>> 4) % 100;
  if (fate < 55) {
    const on = addDays(current, ((h >>> 12) % 40) - 30);
    const reportedOn = on > addDays(assignedOn, 21) ? on : addDays(assignedOn, 21);
    push(reportedOn, 'CompletionReported', { by: lead, result: 'Đã hoàn thành', reportedAt: instant(reportedOn, 3), reportedOn });
    push(addDays(reportedOn, 3), 'TaskCompleted', {
      reportedAt: instant(reportedOn, 3),
      reportedOn,
      due: current,
      onTime: reportedOn <= current,
    });
  } else if (fate < 58) push(addDays(assignedOn, 45), 'TaskCancelled', { reason: 'Thu hồi' });
  return { taskId, events: events.filter(([day]) => day < STATS_TODAY) };
}

const dayIndex = (day: string): number => Math.round((Date.parse(day) - Date.parse(FIRST_DAY)) / 86_400_000);

/**
 * Writes the events of `tasks` tasks straight into a SQLite event store in the order of their days,
 * as a live system records them (each event's day is its recorded time), without holding them all
 * in memory: a first pass sorts (task, event) pairs by day, a second regenerates and writes them.
 */
export function generateHistory(file: string, tasks: number): number {
  const perDay = new Array<number[]>(DAYS + 1);
  for (let d = 0; d <= DAYS; d++) perDay[d] = [];
  for (let i = 0; i < tasks; i++) plannedEvents(i, tasks).events.forEach(([day], e) => perDay[dayIndex(day)].push(i * 8 + e));
  const db = openEventsDatabase(file);
  const insert = db.prepare('INSERT INTO events (id, stream, revision, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  let count = 0;
  const write = db.transaction((days: number[][]) => {
    for (const entries of days) {
      for (const entry of entries) {
        const { taskId, events } = plannedEvents(entry >> 3, tasks);
        const [day, type, data] = events[entry & 7];
        const at = instant(day, 4);
        insert.run(
          `e${count++}`,
          `task-${taskId}`,
          entry & 7,
          type,
          JSON.stringify(data),
          JSON.stringify({ occurredAt: at, actor: { id: 'u', role: 'vpcp' } }),
          at,
        );
      }
    }
  });
  for (let d = 0; d <= DAYS; d += 20) write(perDay.slice(d, d + 20));
  db.close();
  return count;
}

/** p50/p99 of `runs` calls of `request`, and the CPU time per call (the machine is shared: wall time alone is noisy). */
export async function times(label: string, runs: number, request: (i: number) => Promise<unknown>): Promise<string> {
  const taken: number[] = [];
  const cpu = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await request(i);
    taken.push(performance.now() - started);
  }
  const used = process.cpuUsage(cpu);
  taken.sort((a, b) => a - b);
  const cpuMs = (used.user + used.system) / 1000 / runs;
  return `  ${label}: p50 ${pct(taken, 50).toFixed(2)} ms, p99 ${pct(taken, 99).toFixed(2)} ms (CPU ${cpuMs.toFixed(2)} ms/request, ${runs} runs)`;
}

const names = { agency: (code: string) => code };
const VPCP: Actor = { id: 'v', role: 'vpcp' };

/** The /stats figures over the counters (and, for reference, over the rows) of `db`. */
export async function statsLatency(
  db: SqlDatabase,
  label: string,
  runs: number,
  today: string,
  asOf: { day: string; instant: string } | undefined,
  reference: boolean,
  agencies: readonly string[],
): Promise<string[]> {
  const own = (i: number): Actor => ({ id: 'u', role: 'agency', agency: agencies[(i * 37) % agencies.length] });
  const now = (request: Omit<StatsRequest, 'today'>) => ({ ...request, today });
  const lines = [`GET /stats over ${label} (SQLite), now (${today}):`];
  // What the API does at start and just after each local midnight (StatsWarmup), so the timings
  // below are the requests of a day; the cold count of one grouping is printed beside them.
  const cold = performance.now();
  await countFromTally(db, { publicOnly: false, dim: 'notice' }, { deadline: 'current', today, periods: NOW });
  const coldNotice = performance.now() - cold;
  const warm = performance.now();
  await warmStatsAnswers(db, today, names);
  lines.push(
    `  "now" counted once a day (StatsWarmup, every grouping × deadline mode × sight): ${(performance.now() - warm).toFixed(0)} ms; of which VPCP by notice cold: ${coldNotice.toFixed(0)} ms`,
  );
  lines.push(
    await times('VPCP, groupBy=agency', runs, () => statsAnswer(db, VPCP, now({ groupBy: 'agency', deadline: 'current' }), names)),
  );
  lines.push(
    await times('VPCP, groupBy=notice', Math.max(3, runs / 10), () =>
      statsAnswer(db, VPCP, now({ groupBy: 'notice', deadline: 'current' }), names),
    ),
  );
  lines.push(await times('VPCP, groupBy=month', runs, () => statsAnswer(db, VPCP, now({ groupBy: 'month', deadline: 'original' }), names)));
  lines.push(
    await times('viewer, groupBy=agency', runs, () =>
      statsAnswer(db, { id: 'w', role: 'viewer' }, now({ groupBy: 'agency', deadline: 'current' }), names),
    ),
  );
  lines.push(
    await times('own agency, groupBy=month', runs, (i) => statsAnswer(db, own(i), now({ groupBy: 'month', deadline: 'original' }), names)),
  );
  lines.push(
    await times('VPCP, agency=X, groupBy=month', runs, (i) =>
      statsAnswer(db, VPCP, now({ groupBy: 'month', deadline: 'current', agency: agencies[i % agencies.length] }), names),
    ),
  );
  if (asOf) {
    const past = (request: Omit<StatsRequest, 'today'>) => ({ ...request, today: asOf.day, asOf: asOf.instant, asOfEndOfDay: true });
    lines.push(`GET /stats as of the end of ${asOf.day}:`);
    // The first request for a past day is counted (nothing is kept for it yet): by notice, the most
    // groups, on the bench's day and on the days around it that read the most and fewest changes.
    const month = asOf.day.slice(0, 7);
    const lastOfMonth = lastDayOfMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
    for (const day of [asOf.day, `${month}-01`, `${month}-15`, lastOfMonth]) {
      const first = performance.now();
      await statsAnswer(db, VPCP, { groupBy: 'notice', deadline: 'current', today: day, asOf: endOfDay(day), asOfEndOfDay: true }, names);
      lines.push(`  VPCP, groupBy=notice as of ${day}, first request: ${(performance.now() - first).toFixed(1)} ms`);
    }
    lines.push(
      await times('VPCP, groupBy=agency', runs, () => statsAnswer(db, VPCP, past({ groupBy: 'agency', deadline: 'current' }), names)),
    );
    lines.push(
      await times('VPCP, groupBy=notice', Math.max(3, runs / 10), () =>
        statsAnswer(db, VPCP, past({ groupBy: 'notice', deadline: 'current' }), names),
      ),
    );
    lines.push(
      await times('VPCP, groupBy=month', runs, () => statsAnswer(db, VPCP, past({ groupBy: 'month', deadline: 'current' }), names)),
    );
    lines.push(
      await times('own agency, groupBy=month', runs, (i) =>
        statsAnswer(db, own(i), past({ groupBy: 'month', deadline: 'current' }), names),
      ),
    );
  }
  if (reference) {
    lines.push('  for reference, the paths the counters replaced:');
    const request = now({ groupBy: 'agency', deadline: 'current' });
    lines.push(await times('  VPCP, groupBy=agency, SQL over rm_tasks', 3, () => countGroups(db, VPCP, request)));
    lines.push(
      await times('  own agency, groupBy=month, SQL over rm_tasks', 3, (i) =>
        countGroups(db, own(i), now({ groupBy: 'month', deadline: 'original' })),
      ),
    );
    if (asOf) {
      const past = { groupBy: 'agency' as const, deadline: 'current' as const, today: asOf.day, asOf: asOf.instant };
      lines.push(
        await times(`  VPCP, groupBy=agency as of ${asOf.day}, rows rebuilt from the history`, 1, async () =>
          countInMemory(await reportRows(db, VPCP, past), past, names),
        ),
      );
    }
  }
  return lines;
}

/** Generates the history, rebuilds the tasks projection (counters included) and times /stats. */
export async function statsSection(dir: string, tasks: number, runs: number): Promise<string[]> {
  // RM_BENCH_STATS_DIR keeps the generated log and read models there, and reuses them on the next run.
  const keep = process.env.RM_BENCH_STATS_DIR;
  const base = keep ?? dir;
  const reuse = keep !== undefined && existsSync(join(base, 'stats-rm.sqlite'));
  const lines: string[] = [];
  const events = reuse ? 0 : generateHistory(join(base, 'stats-events.sqlite'), tasks);
  const store = new SqliteEventStore(join(base, 'stats-events.sqlite'));
  const db = new SqliteDatabase(join(base, 'stats-rm.sqlite'));
  try {
    if (!reuse) {
      await migrateReadModels(db, PROJECTIONS);
      const started = performance.now();
      const cpu = process.cpuUsage();
      await rebuildProjection(db, store, tasksProjection, CONTEXT);
      const seconds = (performance.now() - started) / 1000;
      const used = process.cpuUsage(cpu);
      const cpuSeconds = (used.user + used.system) / 1e6;
      lines.push(
        `rebuild of ${tasks.toLocaleString('en')} tasks' history with the counters (SQLite): ${events.toLocaleString('en')} events in ${seconds.toFixed(1)} s = ${Math.round(events / seconds).toLocaleString('en')} events/s (node CPU ${cpuSeconds.toFixed(1)} s = ${Math.round(events / cpuSeconds).toLocaleString('en')} events per CPU-second)`,
      );
    }
    const [{ n }] = await db.all<{ n: number }>('SELECT COUNT(*) AS n FROM rm_task_tally');
    lines.push(`  ${Number(n).toLocaleString('en')} counter rows`);
    const asOfDay = addDays(STATS_TODAY, -62);
    const asOfInstant = endOfDay(asOfDay);
    lines.push(
      ...(await statsLatency(
        db,
        `${tasks.toLocaleString('en')} tasks of a year and a half`,
        runs,
        STATS_TODAY,
        { day: asOfDay, instant: asOfInstant },
        process.env.RM_BENCH_REFERENCE !== '0',
        STATS_AGENCIES,
      )),
    );
    return lines;
  } finally {
    await db.close();
    await store.close();
  }
}
