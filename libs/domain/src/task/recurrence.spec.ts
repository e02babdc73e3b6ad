import { describeRecurrence, nextOccurrence, occurrencesBetween, periodOf, Recurrence } from './recurrence';

const dues = (r: Recurrence, after: string, through: string) => occurrencesBetween(r, after, through).map((o) => o.due);

describe('occurrences of a periodic duty', () => {
  it('monthly, before the 5th: the issue day never counts, the next month does', () => {
    expect(nextOccurrence({ freq: 'monthly', day: 5 }, '2026-11-05')).toEqual({ period: '2026-12', due: '2026-12-05' });
    expect(nextOccurrence({ freq: 'monthly', day: 5 }, '2026-11-04')).toEqual({ period: '2026-11', due: '2026-11-05' });
  });

  it('monthly on the 31st clamps to each month end, leap years included', () => {
    expect(dues({ freq: 'monthly', day: 31 }, '2027-12-31', '2028-05-01')).toEqual([
      '2028-01-31',
      '2028-02-29',
      '2028-03-31',
      '2028-04-30',
    ]);
    expect(dues({ freq: 'monthly', day: 30 }, '2026-12-31', '2027-03-31')).toEqual(['2027-01-30', '2027-02-28', '2027-03-30']);
  });

  it('quarterly, before the 15th of the last month of the quarter, across a year end', () => {
    const r: Recurrence = { freq: 'quarterly', day: 15 };
    expect(occurrencesBetween(r, '2026-09-15', '2027-06-30')).toEqual([
      { period: '2026-Q4', due: '2026-12-15' },
      { period: '2027-Q1', due: '2027-03-15' },
      { period: '2027-Q2', due: '2027-06-15' },
    ]);
    expect(nextOccurrence({ freq: 'quarterly', day: 10, monthOfQuarter: 1 }, '2026-02-01')).toEqual({
      period: '2026-Q2',
      due: '2026-04-10',
    });
    expect(nextOccurrence({ freq: 'quarterly' }, '2026-03-31')).toEqual({ period: '2026-Q2', due: '2026-06-30' });
  });

  it('half-yearly on 15/6 and 15/12, and yearly on 15/12', () => {
    expect(
      occurrencesBetween(
        {
          freq: 'half-yearly',
          dates: [
            [12, 15],
            [6, 15],
          ],
        },
        '2026-06-15',
        '2027-12-31',
      ).map((o) => o.period),
    ).toEqual(['2026-H2', '2027-H1', '2027-H2']);
    expect(nextOccurrence({ freq: 'yearly', dates: [[12, 15]] }, '2026-12-15')).toEqual({ period: '2027', due: '2027-12-15' });
    expect(nextOccurrence({ freq: 'yearly', dates: [[2, 29]] }, '2027-01-01')).toEqual({ period: '2027', due: '2027-02-28' });
  });

  it('weekly on Friday, named by ISO week, across a year end', () => {
    expect(occurrencesBetween({ freq: 'weekly', day: 5 }, '2026-12-24', '2027-01-09')).toEqual([
      { period: '2026-W52', due: '2026-12-25' },
      { period: '2026-W53', due: '2027-01-01' },
      { period: '2027-W01', due: '2027-01-08' },
    ]);
  });

  it('ends with its end date', () => {
    const r: Recurrence = { freq: 'monthly', day: 5, until: '2026-12-31' };
    expect(nextOccurrence(r, '2026-12-05')).toBeUndefined();
    expect(dues(r, '2026-09-30', '2027-12-31')).toEqual(['2026-10-05', '2026-11-05', '2026-12-05']);
  });

  it('names periods as the issue asks: 05/12/2026 monthly is 2026-12, else 2026-Q4, 2026-H2, 2026', () => {
    expect(['monthly', 'quarterly', 'half-yearly', 'yearly'].map((f) => periodOf(f as Recurrence['freq'], '2026-12-05'))).toEqual([
      '2026-12',
      '2026-Q4',
      '2026-H2',
      '2026',
    ]);
  });

  it('says its rhythm in Vietnamese', () => {
    expect(describeRecurrence({ freq: 'monthly', day: 5 })).toBe('Hằng tháng, trước ngày 05');
    expect(describeRecurrence({ freq: 'quarterly', day: 15 })).toBe('Hằng quý, trước ngày 15 của tháng cuối quý');
    expect(describeRecurrence({ freq: 'yearly', dates: [[12, 15]] })).toBe('Hằng năm, trước ngày 15/12');
    expect(
      describeRecurrence({
        freq: 'half-yearly',
        dates: [
          [6, 15],
          [12, 15],
        ],
      }),
    ).toBe('6 tháng một lần, trước ngày 15/06 và 15/12');
  });
});
