import { addStanding, emptyCounts, onTimeRate } from './buckets';

/** Issue 13, finding 4: "Tỷ lệ đúng hạn 100%" with 1 task done and 127 overdue. */
describe('the on-time rate misleads no more', () => {
  it('is done on time over every task whose deadline has come, not over the completed ones only', () => {
    expect(onTimeRate({ done_on_time: 1, done_late: 0, open_overdue: 127 })).toBe(0.008);
    expect(onTimeRate({ done_on_time: 3, done_late: 1, open_overdue: 0 })).toBe(0.75);
    expect(onTimeRate({ done_on_time: 0, done_late: 0, open_overdue: 0 })).toBeNull();
    expect(onTimeRate({ done_on_time: 2, done_late: 0, open_overdue: 1 }, 2)).toBe(0.67);
  });

  it('is what the counts carry as tasks are added (the API answers these)', () => {
    const counts = emptyCounts();
    addStanding(counts, 'T', 1, '2026-03-10'); // done on time
    addStanding(counts, 'O2026-03-01', 3, '2026-03-10'); // open, due before today: overdue
    addStanding(counts, 'O2026-04-01', 5, '2026-03-10'); // open, not yet due: not counted
    expect(counts.onTimeRate).toBe(0.25);
  });
});
