import { onTimeRate } from './on-time-rate';

describe('the on-time rate of the dashboard', () => {
  it('counts every task whose deadline has come, not only the completed ones', () => {
    expect(onTimeRate({ done_on_time: 1, done_late: 0, open_overdue: 127 })).toBe('1%');
    expect(onTimeRate({ done_on_time: 3, done_late: 1, open_overdue: 0 })).toBe('75%');
    expect(onTimeRate({ done_on_time: 0, done_late: 0, open_overdue: 0 })).toBe('—');
  });
});
