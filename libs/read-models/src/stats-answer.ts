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
  // taskStats' groups are this answer's own: each gets its periodic reports in place, in key order,
  // rather than a spread copy per group (156,250 groups by notice at 10M tasks).
  const groups = tasks.groups as StatsGroupWithPeriodic[];
  for (const group of groups) group.periodicReports = byKey.get(group.key) ?? emptyPeriodicCounts();
  const listed = new Set(periodic.length ? groups.map((g) => g.key) : []);
  const unlisted = periodic.filter((p) => !listed.has(p.key));
  for (const p of unlisted)
    groups.push({ key: p.key, name: groupName(request, p.key, p.notice_number, names), ...emptyCounts(), periodicReports: p.counts });
  const total = emptyPeriodicCounts();
  for (const p of periodic) addPeriodicCounts(total, p.counts);
  return { groups: unlisted.length ? sortedByKey(groups) : groups, total: { ...tasks.total, periodicReports: total } };
}
