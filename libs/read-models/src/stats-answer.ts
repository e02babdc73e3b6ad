import { Actor } from '@tdnv/domain';
import { Counts, emptyCounts } from './buckets';
import { addPeriodicCounts, emptyPeriodicCounts, periodicReportCounts, PeriodicReportCounts } from './periodic-reports.query';
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
const withoutReports = new WeakMap<StatsGroup, StatsGroupWithPeriodic>();

/**
 * A group with its periodic reports. One without any is kept beside the group: the counters' groups
 * are kept from one request to the next (stats.query.ts), so an answer of 156,250 groups by notice
 * at 10M tasks copies only the groups that changed. The answer is read, never changed.
 */
function withReports(group: StatsGroup, reports: PeriodicReportCounts | undefined): StatsGroupWithPeriodic {
  if (reports) return { ...group, periodicReports: reports };
  let kept = withoutReports.get(group);
  if (!kept) withoutReports.set(group, (kept = { ...group, periodicReports: NO_REPORTS }));
  return kept;
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
