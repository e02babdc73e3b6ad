import { PeriodicReportCounts } from '../../api/types';

/** The heading of the dashboard's periodic-report figures (báo cáo định kỳ). */
export const PERIODIC_LABEL = 'Báo cáo định kỳ';

/**
 * One figure's parts, in the order VPCP reads them: "12 đến hạn", "9 đúng hạn", "2 muộn",
 * "1 chưa báo cáo". Empty when no report was due in the period asked.
 */
export function periodicParts(c: PeriodicReportCounts | undefined): string[] {
  if (!c?.due) return [];
  return [`${c.due} đến hạn`, `${c.onTime} đúng hạn`, `${c.late} muộn`, `${c.missing} chưa báo cáo`];
}

/** "Báo cáo định kỳ: 12 đến hạn · 9 đúng hạn · 2 muộn · 1 chưa báo cáo", or '' when none was due. */
export function periodicSentence(c: PeriodicReportCounts | undefined): string {
  const parts = periodicParts(c);
  return parts.length ? `${PERIODIC_LABEL}: ${parts.join(' · ')}` : '';
}
