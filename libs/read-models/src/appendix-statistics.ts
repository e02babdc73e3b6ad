import { addToCounts, Counts, DeadlineMode, emptyCounts, onTimeRate } from './buckets';
import { ReportRow } from './report-rows.query';

/** The statistics table that goes with the appendix (the XLSX's second sheet): one row per lead agency. */
export const STATISTICS_HEADERS = [
  'TT',
  'Cơ quan chủ trì',
  'Tổng số nhiệm vụ',
  'Đã hoàn thành đúng hạn',
  'Đã hoàn thành quá hạn',
  'Chưa hoàn thành, trong hạn',
  'Chưa hoàn thành, quá hạn',
  'Không có thời hạn',
  'Tỷ lệ hoàn thành đúng hạn',
] as const;

export interface AppendixStatistics {
  rows: (string | number)[][];
  total: (string | number)[];
}

/** The on-time rate (buckets.ts) as a percentage; "-" while no deadline has come. */
function percentOnTime(c: Counts): string {
  const percent = onTimeRate(c, 2);
  return percent === null ? '-' : `${Math.round(percent * 100)}%`;
}

const cells = (c: Counts): (string | number)[] => [
  c.total - c.cancelled,
  c.done_on_time,
  c.done_late,
  c.open_on_time,
  c.open_overdue,
  c.no_deadline,
  percentOnTime(c),
];

/** Counted over the appendix's own tasks (cancelled ones left out), agencies by name. */
export function appendixStatistics(
  rows: ReportRow[],
  request: { today: string; deadline: DeadlineMode },
  name: (code: string) => string,
): AppendixStatistics {
  const byLead = new Map<string, Counts>();
  const total = emptyCounts();
  for (const row of rows) {
    if (row.status === 'cancelled') continue;
    let counts = byLead.get(row.lead);
    if (!counts) byLead.set(row.lead, (counts = emptyCounts()));
    addToCounts(counts, row, request.today, request.deadline);
    addToCounts(total, row, request.today, request.deadline);
  }
  const named = [...byLead].map(([code, counts]) => ({ name: name(code), counts })).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  return {
    rows: named.map(({ name: agency, counts }, i) => [i + 1, agency, ...cells(counts)]),
    total: ['', 'Tổng cộng', ...cells(total)],
  };
}
