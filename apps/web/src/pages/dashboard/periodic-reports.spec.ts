import { periodicParts, periodicSentence } from './periodic-reports';

describe("the dashboard's periodic-report figure", () => {
  it('reads due, on time, late and missing in Vietnamese', () => {
    expect(periodicSentence({ due: 12, onTime: 9, late: 2, missing: 1 })).toBe(
      'Báo cáo định kỳ: 12 đến hạn · 9 đúng hạn · 2 muộn · 1 chưa báo cáo',
    );
  });

  it('says nothing when no periodic report was due (or the server sent none)', () => {
    expect(periodicParts({ due: 0, onTime: 0, late: 0, missing: 0 })).toEqual([]);
    expect(periodicSentence(undefined)).toBe('');
  });
});
