import data from './vn-holidays.data.json';
import { CalendarDataError } from './calendar.errors';
import { DayOff, HolidayYear, makeUpDaysOf, parseHolidayData } from './holiday-data';
import { dayOfWeek } from './local-date';

/** Mùng 1 Tết and Giỗ Tổ (10/3 âm lịch), computed apart from the data with Hồ Ngọc Đức's lunar algorithm (UTC+7). */
const LUNAR: Record<number, { tet: string; gioTo: string }> = {
  2019: { tet: '2019-02-05', gioTo: '2019-04-14' },
  2020: { tet: '2020-01-25', gioTo: '2020-04-02' },
  2021: { tet: '2021-02-12', gioTo: '2021-04-21' },
  2022: { tet: '2022-02-01', gioTo: '2022-04-10' },
  2023: { tet: '2023-01-22', gioTo: '2023-04-29' },
  2024: { tet: '2024-02-10', gioTo: '2024-04-18' },
  2025: { tet: '2025-01-29', gioTo: '2025-04-07' },
  2026: { tet: '2026-02-17', gioTo: '2026-04-26' },
  2027: { tet: '2027-02-06', gioTo: '2027-04-16' },
};

const parsed = parseHolidayData(data);
const weekend = (d: DayOff) => dayOfWeek(d.date) === 0 || dayOfWeek(d.date) === 6;

describe('vn-holidays.data.json', () => {
  it('covers 2019–2027 and marks only 2027 provisional', () => {
    expect(Object.keys(parsed.years)).toEqual(Object.keys(LUNAR));
    const provisional = Object.entries(parsed.years)
      .filter(([, y]) => y.provisional)
      .map(([year]) => year);
    expect(provisional).toEqual(['2027']);
  });

  describe.each(Object.entries(LUNAR))('%s', (yearKey, lunar) => {
    const year = Number(yearKey);
    const y: HolidayYear = parsed.years[yearKey]!;
    const holidays = y.daysOff.filter((d) => d.kind === 'holiday');
    const on = (date: string) => y.daysOff.find((d) => d.date === date);

    it('has the statutory number of holiday days (Labour Code 2012: 10; 2019, from 2021: 11)', () => {
      expect(holidays).toHaveLength(year <= 2020 ? 10 : 11);
    });

    it('has one nghỉ bù weekday for each holiday on a weekend', () => {
      const compensatory = y.daysOff.filter((d) => d.kind === 'compensatory');
      expect(compensatory).toHaveLength(holidays.filter(weekend).length);
    });

    it('puts Tết and Giỗ Tổ on the lunar dates, and the fixed holidays on theirs', () => {
      expect(on(lunar.tet)).toMatchObject({ kind: 'holiday', name: expect.stringContaining('mùng 1') });
      expect(on(lunar.gioTo)).toMatchObject({ kind: 'holiday', name: expect.stringContaining('Giỗ Tổ') });
      for (const md of ['01-01', '04-30', '05-01', '09-02']) expect(on(`${year}-${md}`)?.kind).toBe('holiday');
      const tet = holidays.filter((d) => d.name.startsWith('Tết Nguyên đán'));
      expect(tet).toHaveLength(5);
      expect(tet.some((d) => d.date < lunar.tet)).toBe(true); // at least the last day of the old year
    });

    it('has one make-up Saturday per swapped weekday, cites sources', () => {
      const swaps = y.daysOff.filter((d) => d.kind === 'swap');
      expect(swaps.every((d) => d.makeUpOn && dayOfWeek(d.makeUpOn) === 6)).toBe(true);
      expect(y.sources.length).toBeGreaterThan(0);
    });
  });

  it('derives the make-up Saturdays from the swaps', () => {
    expect(makeUpDaysOf(parsed).map((m) => m.date)).toEqual([
      '2019-01-05',
      '2019-05-04',
      '2024-05-04',
      '2025-04-26',
      '2026-01-10',
      '2026-08-22',
    ]);
  });
});

describe('parseHolidayData', () => {
  const year = (daysOff: unknown[]) => ({ years: { 2030: { provisional: false, confidence: 'high', sources: ['x'], daysOff } } });

  it('accepts a small valid file', () => {
    const ok = year([{ date: '2030-01-01', name: 'Tết Dương lịch', kind: 'holiday' }]);
    expect(parseHolidayData(ok).years['2030']!.daysOff).toHaveLength(1);
  });

  it.each([
    ['an impossible date', [{ date: '2030-02-30', name: 'x', kind: 'holiday' }], 'not a real'],
    [
      'a date listed twice',
      [
        { date: '2030-01-01', name: 'a', kind: 'holiday' },
        { date: '2030-01-01', name: 'b', kind: 'holiday' },
      ],
      'already appears',
    ],
    ['nghỉ bù on a Sunday', [{ date: '2030-01-06', name: 'x', kind: 'compensatory' }], 'must be a weekday'],
    ['a swap without its make-up day', [{ date: '2030-01-02', name: 'x', kind: 'swap' }], 'needs "makeUpOn"'],
    ['a make-up day on a weekday', [{ date: '2030-01-02', name: 'x', kind: 'swap', makeUpOn: '2030-01-07' }], 'Saturday or Sunday'],
    [
      'a make-up day that is also a day off',
      [
        { date: '2030-01-05', name: 'a', kind: 'holiday' },
        { date: '2030-01-02', name: 'x', kind: 'swap', makeUpOn: '2030-01-05' },
      ],
      'already appears',
    ],
    ['an unknown kind', [{ date: '2030-01-02', name: 'x', kind: 'bridge' }], 'kind must be'],
    ['a missing name', [{ date: '2030-01-02', kind: 'holiday' }], '"name" is required'],
  ])('refuses %s', (_, daysOff, message) => {
    expect(() => parseHolidayData(year(daysOff))).toThrow(CalendarDataError);
    expect(() => parseHolidayData(year(daysOff))).toThrow(message);
  });

  it('refuses a file without years, sources or confidence', () => {
    expect(() => parseHolidayData([])).toThrow(CalendarDataError);
    expect(() => parseHolidayData({ years: { 2030: { provisional: false, confidence: 'sure', sources: [], daysOff: [] } } })).toThrow(
      /confidence[\s\S]*sources/,
    );
  });
});
