import { addToCounts, bucketOf, emptyCounts, kindOf, standingOf, StatsInput } from './buckets';

const periodic = (status: string, over: Partial<StatsInput> = {}): StatsInput => ({
  status,
  effective_due: '2026-12-07',
  original_effective_due: '2026-12-07',
  completed_on: null,
  due_kind: 'recurring',
  ...over,
});

describe('a periodic duty in the official categories', () => {
  it('given an open periodic duty past its current period: counted with the standing duties (thường xuyên), not overdue', () => {
    const counts = emptyCounts();
    expect(addToCounts(counts, periodic('in_progress'), '2026-12-20', 'current')).toBe('no_deadline');
    expect(standingOf(periodic('assigned'), 'original')).toBe('N');
  });

  it('given the series completed or cancelled by VPCP: counted as any task', () => {
    expect(standingOf(periodic('completed', { completed_on: '2026-12-01' }), 'current')).toBe('T');
    expect(standingOf(periodic('cancelled'), 'current')).toBe('C');
  });

  it('the inbox still judges it by its current period: overdue once that date has passed', () => {
    expect(bucketOf(periodic('in_progress'), '2026-12-08', 'current')).toBe('open_overdue');
  });

  it('given a deadline sent with a rhythm but another kind: kept as recurring, so it is counted as the periodic duty it is', () => {
    expect(kindOf({ due: '2026-11-05', kind: 'date', recurrence: { freq: 'monthly', day: 5 } })).toBe('recurring');
    expect(kindOf({ due: '2026-11-05', kind: 'date' })).toBe('date');
  });
});
