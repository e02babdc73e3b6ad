import { InvalidLocalDateError } from './calendar.errors';
import {
  addDays,
  addMonths,
  compareLocalDates,
  dayOfWeek,
  daysBetween,
  endOfQuarter,
  endOfYear,
  isLocalDate,
  lastDayOfMonth,
  localDate,
  parseLocalDate,
  toLocalDate,
  yearOf,
} from './local-date';

describe('local dates', () => {
  it.each(['2024-02-30', '2023-02-29', '2025-04-31', '2025-13-01', '2025-00-10', '2024-2-3', '2024-02-03T00:00', '', '03/02/2024'])(
    'rejects %p',
    (text) => {
      expect(parseLocalDate(text)).toBeUndefined();
      expect(isLocalDate(text)).toBe(false);
      expect(() => toLocalDate(text)).toThrow(InvalidLocalDateError);
    },
  );

  it('accepts real dates, including 29 February of a leap year', () => {
    expect(parseLocalDate('2024-02-29')).toBe('2024-02-29');
    expect(toLocalDate('2000-02-29')).toBe('2000-02-29');
    expect(isLocalDate(20240229)).toBe(false);
  });

  it('builds dates from numbers and refuses impossible ones', () => {
    expect(localDate(2020, 2, 12)).toBe('2020-02-12');
    expect(() => localDate(2024, 2, 30)).toThrow(InvalidLocalDateError);
    expect(() => localDate(1900, 2, 29)).toThrow(InvalidLocalDateError);
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDays('2025-09-02', 0)).toBe('2025-09-02');
    expect(() => addDays('2024-02-30', 1)).toThrow(InvalidLocalDateError);
  });

  it('counts calendar days between two dates', () => {
    expect(daysBetween('2024-02-01', '2024-03-01')).toBe(29);
    expect(daysBetween('2024-03-01', '2024-02-01')).toBe(-29);
  });

  it('knows the day of the week (0 = Chủ nhật … 6 = thứ Bảy)', () => {
    expect(dayOfWeek('2025-09-02')).toBe(2); // Quốc khánh 2025: thứ Ba
    expect(dayOfWeek('2024-02-10')).toBe(6); // mùng 1 Tết Giáp Thìn: thứ Bảy
    expect(dayOfWeek('2025-08-31')).toBe(0);
    expect(dayOfWeek('1969-12-31')).toBe(3); // before the epoch too
  });

  it('compares dates', () => {
    expect(compareLocalDates('2025-01-31', '2025-02-01')).toBe(-1);
    expect(compareLocalDates('2025-02-01', '2025-02-01')).toBe(0);
    expect(compareLocalDates('2026-01-01', '2025-12-31')).toBe(1);
    expect(yearOf('2027-02-06')).toBe(2027);
  });

  it('gives the last day of a month, quarter and year (a period means its last day)', () => {
    expect(lastDayOfMonth(2020, 6)).toBe('2020-06-30');
    expect(lastDayOfMonth(2024, 2)).toBe('2024-02-29');
    expect(lastDayOfMonth(2023, 2)).toBe('2023-02-28');
    expect(lastDayOfMonth(2020, 12)).toBe('2020-12-31');
    expect(endOfQuarter(2021, 1)).toBe('2021-03-31');
    expect(endOfQuarter(2020, 2)).toBe('2020-06-30');
    expect(endOfQuarter(2021, 4)).toBe('2021-12-31');
    expect(endOfYear(2020)).toBe('2020-12-31');
    expect(() => lastDayOfMonth(2020, 13)).toThrow(RangeError);
    expect(() => endOfQuarter(2021, 5)).toThrow(RangeError);
    expect(() => endOfQuarter(2021, 0)).toThrow(RangeError);
  });

  it('adds months, clamping to the end of a shorter month', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-08-31', 6)).toBe('2024-02-29');
    expect(addMonths('2025-03-15', -3)).toBe('2024-12-15');
    expect(addMonths('2025-06-30', 6)).toBe('2025-12-30');
  });
});
