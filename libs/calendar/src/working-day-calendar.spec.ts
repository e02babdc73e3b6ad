import { CalendarDataError, InvalidLocalDateError } from './calendar.errors';
import { createCalendar, defaultCalendar } from './default-calendar';
import { createDeadlinePolicy } from './deadline-policy';
import { addDays } from './local-date';

const cal = defaultCalendar();

function range(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}

describe('WorkingDayCalendar on the Vietnamese data', () => {
  it.each([
    ['Tết Giáp Thìn 2024', '2024-02-08', '2024-02-14'],
    ['Tết Ất Tỵ 2025', '2025-01-25', '2025-02-02'],
    ['Tết Bính Ngọ 2026', '2026-02-14', '2026-02-22'],
    ['30/4–1/5/2025 with the swapped Friday', '2025-04-30', '2025-05-04'],
    ['Quốc khánh 2025', '2025-08-30', '2025-09-02'],
  ])('%s: every day from %s to %s is off, the days around are worked', (_, from, to) => {
    for (const day of range(from, to)) expect([day, cal.isWorkingDay(day)]).toEqual([day, false]);
    expect(cal.isWorkingDay(addDays(from, -1))).toBe(true);
    expect(cal.isWorkingDay(addDays(to, 1))).toBe(true);
  });

  it('counts announced make-up Saturdays as working days, and only those', () => {
    for (const saturday of ['2019-01-05', '2019-05-04', '2024-05-04', '2025-04-26', '2026-01-10', '2026-08-22']) {
      expect([saturday, cal.isWorkingDay(saturday)]).toEqual([saturday, true]);
    }
    expect(cal.isWorkingDay('2025-04-19')).toBe(false);
    expect(cal.dayStatus('2025-04-26')).toMatchObject({ working: true, reason: 'make-up' });
  });

  it('tells holidays from plain weekends', () => {
    expect(cal.isHoliday('2025-09-02')).toBe(true);
    expect(cal.isHoliday('2025-09-01')).toBe(true);
    expect(cal.isWorkingDay('2025-09-02')).toBe(false);
    expect(cal.isHoliday('2025-08-31')).toBe(false); // a Sunday, not a holiday
    expect(cal.isHoliday('2025-09-03')).toBe(false);
    expect(cal.dayStatus('2025-09-02')).toMatchObject({ working: false, reason: 'day-off', kind: 'holiday', name: 'Quốc khánh' });
    expect(cal.dayStatus('2025-08-31')).toEqual({ date: '2025-08-31', working: false, reason: 'weekend' });
  });

  it('computes "15 ngày làm việc kể từ ngày 12/02/2020"', () => {
    // Counting starts on Thu 13/02 (Điều 147): 13, 14 (2); 17–21 (7); 24–28 (12); Mon 2/3 (13),
    // Tue 3/3 (14), Wed 4/3 (15). No holiday in between.
    expect(cal.addWorkingDays('2020-02-12', 15)).toBe('2020-03-04');
    expect(cal.workingDaysBetween('2020-02-12', '2020-03-04')).toBe(15);
  });

  it('skips Tết when adding working days', () => {
    expect(cal.addWorkingDays('2024-02-07', 1)).toBe('2024-02-15');
    // Fri 24/1/2025 + 5: Tết runs 25/1–2/2, so Mon 3/2 (1) … Fri 7/2 (5).
    expect(cal.addWorkingDays('2025-01-24', 5)).toBe('2025-02-07');
    // "10 ngày làm việc kể từ ngày 20/01/2023" (29 Tết): 21–26/1 off; 27/1 (1), 30/1–3/2 (6), 6/2–9/2 (10).
    expect(cal.addWorkingDays('2023-01-20', 10)).toBe('2023-02-09');
    expect(cal.addWorkingDays('2026-02-13', 1)).toBe('2026-02-23');
  });

  it('counts a make-up Saturday as a working day in relative deadlines', () => {
    // Thu 24/4/2025 + 2: Fri 25/4 (1), Sat 26/4 worked (2).
    expect(cal.addWorkingDays('2025-04-24', 2)).toBe('2025-04-26');
    expect(cal.nextWorkingDay('2025-04-25')).toBe('2025-04-26');
  });

  it('returns the date itself for n = 0 and refuses fractions', () => {
    expect(cal.addWorkingDays('2025-08-31', 0)).toBe('2025-08-31');
    expect(() => cal.addWorkingDays('2025-08-31', 1.5)).toThrow(RangeError);
  });

  it('finds the reminder rungs 7/3/1 working days before a due date', () => {
    // Due Thu 4/9/2025. Before it: 3/9 (1), [2/9, 1/9 off, 31/8, 30/8 weekend] 29/8 (2), 28/8 (3),
    // 27/8 (4), 26/8 (5), 25/8 (6), Fri 22/8 (7).
    expect(cal.subtractWorkingDays('2025-09-04', 1)).toBe('2025-09-03');
    expect(cal.subtractWorkingDays('2025-09-04', 3)).toBe('2025-08-28');
    expect(cal.subtractWorkingDays('2025-09-04', 7)).toBe('2025-08-22');
    // Due Tue 24/2/2026, just after Tết: 23/2 (1), 13/2 (2), 12/2 (3), 11/2, 10/2, 9/2, Fri 6/2 (7).
    expect(cal.subtractWorkingDays('2026-02-24', 3)).toBe('2026-02-12');
    expect(cal.subtractWorkingDays('2026-02-24', 7)).toBe('2026-02-06');
    expect(cal.addWorkingDays('2026-02-24', -7)).toBe('2026-02-06');
  });

  it('moves strictly to the next or previous working day', () => {
    expect(cal.nextWorkingDay('2025-09-03')).toBe('2025-09-04');
    expect(cal.nextWorkingDay('2025-08-29')).toBe('2025-09-03');
    // Mon 5/5/2025 ← 4/5, 3/5 weekend, 2/5 swapped, 1/5, 30/4 holidays ← Tue 29/4.
    expect(cal.previousWorkingDay('2025-05-05')).toBe('2025-04-29');
  });

  it('rolls a due date on a day off forward to the next working day (Điều 148)', () => {
    expect(cal.rollForward('2025-08-31')).toBe('2025-09-03'); // Sunday, then 1/9 and 2/9 off
    expect(cal.rollForward('2022-04-10')).toBe('2022-04-12'); // Sunday Giỗ Tổ, Monday nghỉ bù
    expect(cal.rollForward('2026-02-14')).toBe('2026-02-23');
    expect(cal.rollForward('2025-09-04')).toBe('2025-09-04');
  });

  it('applies roll-forward in effectiveDue only when the setting is on', () => {
    expect(cal.rollForwardEnabled).toBe(true);
    expect(cal.effectiveDue('2025-08-31')).toBe('2025-09-03');
    const strict = cal.withOptions({ rollForward: false });
    expect(strict.effectiveDue('2025-08-31')).toBe('2025-08-31');
    expect(createCalendar({ rollForward: false }).effectiveDue('2026-02-15')).toBe('2026-02-15');
    expect(createDeadlinePolicy(true).effectiveDue('2025-08-31')).toBe('2025-09-03');
    expect(createDeadlinePolicy(false).effectiveDue('2025-08-31')).toBe('2025-08-31');
  });

  it('counts working days between dates, consistently with addWorkingDays', () => {
    // Due Fri 29/8/2025, today Wed 3/9: only 3/9 is a working day in (29/8, 3/9].
    expect(cal.workingDaysBetween('2025-08-29', '2025-09-03')).toBe(1);
    expect(cal.workingDaysBetween('2025-09-03', '2025-09-03')).toBe(0);
    for (const [date, n] of [
      ['2024-02-07', 5],
      ['2025-08-31', 3],
      ['2026-02-24', -7],
      ['2019-12-31', 40],
      ['2025-05-05', -4],
    ] as const) {
      expect(cal.workingDaysBetween(date, cal.addWorkingDays(date, n))).toBe(n);
    }
    // A whole year: 2024 has 366 days, 104 of them weekend days, 12 weekday days off (1/1; 8, 9, 12,
    // 13, 14/2; 18/4; 29/4, 30/4, 1/5; 2/9, 3/9) and 1 make-up Saturday (4/5).
    expect(cal.workingDaysBetween('2023-12-31', '2024-12-31')).toBe(366 - 104 - 12 + 1);
  });

  it('knows which years the data covers, and treats other years as weekends only', () => {
    for (let year = 2019; year <= 2027; year++) expect(cal.hasDataFor(year)).toBe(true);
    expect(cal.hasDataFor(2018)).toBe(false);
    expect(cal.hasDataFor(2028)).toBe(false);
    expect(cal.isProvisional(2027)).toBe(true);
    expect(cal.isProvisional(2026)).toBe(false);
    expect(cal.dataYears()).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027]);
    expect(cal.isWorkingDay('2028-01-26')).toBe(true); // Tết 2028, unknown to the data
    expect(cal.isWorkingDay('2028-01-29')).toBe(false); // a Saturday
  });

  it('lets overrides win over the data and the weekend rule', () => {
    const local = createCalendar({
      overrides: [
        { date: '2025-11-24', working: false, name: 'Ngày Văn hóa Việt Nam (giả định)' },
        { date: '2025-09-01', working: true },
      ],
    });
    expect(local.isWorkingDay('2025-11-24')).toBe(false);
    expect(local.isHoliday('2025-11-24')).toBe(true);
    expect(local.isWorkingDay('2025-09-01')).toBe(true);
    expect(local.rollForward('2025-08-31')).toBe('2025-09-01');
    expect(cal.isWorkingDay('2025-11-24')).toBe(true);
  });

  it('refuses bad overrides and impossible dates', () => {
    expect(() => createCalendar({ overrides: [{ date: '2025-02-30', working: false }] })).toThrow(CalendarDataError);
    expect(() =>
      createCalendar({
        overrides: [
          { date: '2025-11-24', working: false },
          { date: '2025-11-24', working: true },
        ],
      }),
    ).toThrow(CalendarDataError);
    expect(() => cal.isWorkingDay('2024-02-30')).toThrow(InvalidLocalDateError);
    expect(() => cal.addWorkingDays('2025-9-2', 1)).toThrow(InvalidLocalDateError);
    expect(() => cal.effectiveDue('not a date')).toThrow(InvalidLocalDateError);
    expect(() => cal.withOptions({ rollForward: false }).effectiveDue('2023-02-29')).toThrow(InvalidLocalDateError);
  });

  it('builds the default calendar once', () => {
    expect(defaultCalendar()).toBe(cal);
  });
});
