import { onTimeRate } from './on-time-rate';

describe("the dashboard's on-time rate", () => {
  it('shows the rate the server answers as a percentage, and a dash while no deadline has come', () => {
    expect(onTimeRate({ onTimeRate: 0.008 })).toBe('1%');
    expect(onTimeRate({ onTimeRate: 0.75 })).toBe('75%');
    expect(onTimeRate({ onTimeRate: 0.667 })).toBe('67%');
    expect(onTimeRate({ onTimeRate: null })).toBe('—');
  });
});
