import { Actor } from '@tdnv/domain';
import { Counts, emptyCounts } from './buckets';
import { addPeriodicCounts, emptyPeriodicCounts, periodicReportCounts, PeriodicReportCounts } from './periodic-reports.query';
import { SqlExecutor } from './sql-database';
import { groupName, Names, sortedByKey, StatsGroup, StatsRequest, taskStats } from './stats.query';

/** A group's figures: its tasks in the official buckets, and the periodic reports of its periodic duties. */
export interface StatsGroupWithPeriodic extends StatsGroup {
  periodicReports: PeriodicReportCounts;
}

export interface StatsAnswer {
  groups: StatsGroupWithPeriodic[];
  total: Counts & { periodicReports: PeriodicReportCounts };
}

const NO_REPORTS = Object.freeze(emptyPeriodicCounts()) as PeriodicReportCounts;

/**
 * A group with its periodic reports. A group without any carries the one frozen empty count: it
 * is the same for every answer, so a counters' group kept from one request to the next
 * (stats.query.ts) carries it without a copy; an answer of 156,250 groups by notice at 10M tasks
 * then copies only the groups that have periodic reports.
 */
function withReports(group: StatsGroup, reports: PeriodicReportCounts | undefined): StatsGroupWithPeriodic {
  if (reports) return { ...group, periodicReports: reports };
  const bare = group as StatsGroupWithPeriodic;
  bare.periodicReports = NO_REPORTS;
  return bare;
}

/**
 * What /stats answers: the official buckets per group (taskStats: an open periodic duty counted with
 * the standing duties, buckets.ts PERIODIC_KIND), each with the periodic reports of the period asked
 * (periodic-reports.query.ts). A group with periodic reports in that period but no task in the
 * tasks' scope (their `from`/`to` are assignment dates) is listed with zero tasks.
 */
export async function statsAnswer(
  db: Parameters<typeof taskStats>[0],
  actor: Actor,
  request: StatsRequest,
  names: Names,
): Promise<StatsAnswer> {
  const [tasks, periodic] = await Promise.all([taskStats(db, actor, request, names), periodicReportCounts(db, actor, request)]);
  const byKey = new Map(periodic.map((p) => [p.key, p.counts]));
  const groups = tasks.groups.map((group) => withReports(group, byKey.get(group.key)));
  const listed = new Set(periodic.length ? groups.map((g) => g.key) : []);
  const unlisted = periodic.filter((p) => !listed.has(p.key));
  for (const p of unlisted)
    groups.push({ key: p.key, name: groupName(request, p.key, p.notice_number, names), ...emptyCounts(), periodicReports: p.counts });
  const total = emptyPeriodicCounts();
  for (const p of periodic) addPeriodicCounts(total, p.counts);
  return { groups: unlisted.length ? sortedByKey(groups) : groups, total: { ...tasks.total, periodicReports: total } };
}

/** One actor per sight the counters answer (tallyPlan): every task, and the public ones. */
const WARMED_SIGHTS: Actor[] = [
  { id: 'stats-warmup', role: 'vpcp' },
  { id: 'stats-warmup', role: 'viewer' },
];

/**
 * What the first dashboards of a day ask, answered once at start and after each local midnight
 * (the API's StatsWarmup): "now" by agency, notice and month, both deadline modes, for those who
 * see every task and those who see the public ones. It fills the counters' cache
 * (stats-tally.cache.ts) and the named groups kept beside it, so no officer's first /stats of the
 * day waits for them. It yields between answers, so no request waits behind more than one.
 */
export async function warmStatsAnswers(db: SqlExecutor, today: string, names: Names, stopped: () => boolean = () => false): Promise<void> {
  for (const actor of WARMED_SIGHTS) {
    for (const groupBy of ['agency', 'notice', 'month'] as const) {
      for (const deadline of ['current', 'original'] as const) {
        if (stopped()) return;
        await statsAnswer(db, actor, { groupBy, deadline, today }, names);
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  }
}
