import { periodicDeadlineCell, PeriodicFacts } from './appendix-periodic';
import { ReportRow } from './report-rows.query';

const MONTHLY = { freq: 'monthly' as const, day: 5 };
const task = (task_id: string): ReportRow => ({ task_id, due_kind: 'recurring' }) as ReportRow;
const cell = (facts: [string, PeriodicFacts][]) =>
  periodicDeadlineCell(
    facts.map(([id]) => task(id)),
    new Map(facts),
  );

describe('"Thời gian hoàn thành" of a periodic duty', () => {
  it('given a monthly duty reported on time for its last period: the rhythm and that period', () => {
    expect(cell([['a', { recurrence: MONTHLY, last: { period: '2026-11', onTime: true, reportedOn: '2026-11-04' } }]])).toBe(
      'Hằng tháng, trước ngày 05\nKỳ 11/2026: đã báo cáo đúng hạn',
    );
  });

  it('given its last period reported late, or not at all', () => {
    expect(cell([['a', { recurrence: MONTHLY, last: { period: '2026-11', onTime: false, reportedOn: '2026-11-09' } }]])).toBe(
      'Hằng tháng, trước ngày 05\nKỳ 11/2026: báo cáo muộn (ngày 09/11/2026)',
    );
    expect(cell([['a', { recurrence: { freq: 'quarterly', day: 15 }, last: { period: '2026-Q3' } }]])).toBe(
      'Hằng quý, trước ngày 15 của tháng cuối quý\nKỳ quý III/2026: chưa báo cáo',
    );
  });

  it('given no period due yet: the rhythm alone', () => {
    expect(cell([['a', { recurrence: { freq: 'yearly', dates: [[12, 15]] } }]])).toBe('Hằng năm, trước ngày 15/12');
  });

  it('given a duty given to three agencies: how many reported the latest period, and how', () => {
    expect(
      cell([
        ['a', { recurrence: MONTHLY, last: { period: '2026-11', onTime: true } }],
        ['b', { recurrence: MONTHLY, last: { period: '2026-11', onTime: false } }],
        ['c', { recurrence: MONTHLY, last: { period: '2026-11' } }],
      ]),
    ).toBe('Hằng tháng, trước ngày 05\nKỳ 11/2026: 1 cơ quan đã báo cáo đúng hạn, 1 cơ quan báo cáo muộn, 1 cơ quan chưa báo cáo');
  });

  it('given no periodic task: undefined (the dated cell applies)', () => {
    expect(periodicDeadlineCell([task('a')], new Map())).toBeUndefined();
  });
});
