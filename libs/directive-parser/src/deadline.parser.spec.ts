import { calendarPort } from './calendar.adapter';
import { nextOccurrence } from '@tdnv/domain';
import { DeadlineContext, findDeadline, parseDeadlinePhrase } from './deadline.parser';

const calendar = calendarPort();
const at = (issuedAt: string | null): DeadlineContext => ({ issuedAt, calendar });
const ctx = at('2020-02-12');

function phrase(text: string, c: DeadlineContext = ctx) {
  const d = parseDeadlinePhrase(text, c);
  return [d.kind, d.due];
}

function prose(text: string, c: DeadlineContext = ctx) {
  const m = findDeadline(text, c);
  return m ? [m.deadline.kind, m.deadline.due, m.deadline.phrase] : null;
}

describe('deadline phrases', () => {
  it.each([
    ['trước ngày 15/3/2024', 'date', '2024-03-15'],
    ['ngày 15 tháng 3 năm 2024', 'date', '2024-03-15'],
    ['15-3-2024', 'date', '2024-03-15'],
    ['15.03.2024', 'date', '2024-03-15'],
    ['chậm nhất ngày 30 tháng 6 năm 2021', 'date', '2021-06-30'],
    ['trước 17 giờ ngày 05/4/2021', 'date', '2021-04-05'],
    ['trước ngày 16/3/2024 (thứ Bảy)', 'date', '2024-03-16'],
    ['trong tháng 6 năm 2020', 'month', '2020-06-30'],
    ['đến hết tháng 6 năm 2020', 'month', '2020-06-30'],
    ['Tháng 3/2019', 'month', '2019-03-31'],
    ['tháng 02/2024', 'month', '2024-02-29'],
    ['trong Quý I năm 2020', 'quarter', '2020-03-31'],
    ['Quý I/2021', 'quarter', '2021-03-31'],
    ['Quý 2/2021', 'quarter', '2021-06-30'],
    ['quý III năm 2020', 'quarter', '2020-09-30'],
    ['Quý IV/2022', 'quarter', '2022-12-31'],
    ['trong năm 2020', 'year', '2020-12-31'],
    ['đến hết năm 2020', 'year', '2020-12-31'],
    ['2020', 'year', '2020-12-31'],
    ['Đang thực hiện/2025', 'year', '2025-12-31'],
    ['Hoàn thành/2023', 'year', '2023-12-31'],
    ['giai đoạn 2021-2025', 'range', '2025-12-31'],
    ['trong giai đoạn 2021 - 2025', 'range', '2025-12-31'],
    ['2020 - 2025', 'range', '2025-12-31'],
    ['Đang thực hiện/2021-2025', 'range', '2025-12-31'],
    ['khẩn trương', 'none', null],
    ['ngay', 'none', null],
    ['Thường xuyên', 'none', null],
    ['Đang thực hiện', 'none', null],
    ['', 'none', null],
  ])('%s → %s %s', (text, kind, due) => {
    expect(phrase(text)).toEqual([kind, due]);
  });

  it('rejects impossible dates', () => {
    expect(phrase('trước ngày 30/2/2024')).toEqual(['none', null]);
  });

  it('reads "đến hết năm" without a year as the issue year', () => {
    expect(phrase('đến hết năm', at('2021-05-04'))).toEqual(['year', '2021-12-31']);
  });
});

describe('relative deadlines (Điều 147: counting starts the day after the issue date)', () => {
  it('counts working days, skipping the weekend', () => {
    // Worked example of gold/RULES.md: Wed 2021-11-10 + 5 working days → Wed 2021-11-17.
    expect(phrase('trong 5 ngày làm việc kể từ ngày ký', at('2021-11-10'))).toEqual(['relative', '2021-11-17']);
  });

  it('counts 15 working days from the signing date', () => {
    // Fri 2020-02-14 … Thu 2020-03-05: three full weeks.
    expect(phrase('trong 15 ngày làm việc kể từ ngày ký Thông báo này', at('2020-02-13'))).toEqual(['relative', '2020-03-05']);
  });

  it('pushes the due date past public holidays', () => {
    // 2024: 29/4–1/5 off, Saturday 4/5 worked in exchange (make-up day).
    const expected = calendar.addWorkingDays('2024-04-25', 5);
    expect(expected > '2024-05-02').toBe(true);
    expect(phrase('trong 5 ngày làm việc', at('2024-04-25'))).toEqual(['relative', expected]);
  });

  it('counts calendar days and rolls a weekend forward (Điều 148)', () => {
    // 2021-11-10 + 10 days = Sat 2021-11-20 → Mon 2021-11-22.
    expect(phrase('trong vòng 10 ngày', at('2021-11-10'))).toEqual(['relative', '2021-11-22']);
  });

  it('gives no date when anchored to another event', () => {
    expect(phrase('trong 10 ngày kể từ ngày nhận được hồ sơ', at('2021-11-10'))).toEqual(['relative', null]);
  });

  it('gives no date without an issue date', () => {
    expect(phrase('trong 15 ngày làm việc kể từ ngày ký', at(null))).toEqual(['relative', null]);
  });
});

describe('recurring deadlines: first occurrence strictly after the issue date', () => {
  it.each([
    ['hằng quý', '2020-02-12', '2020-03-31'],
    ['định kỳ hằng quý', '2020-03-31', '2020-06-30'],
    ['định kỳ 6 tháng', '2020-02-12', '2020-06-30'],
    ['Định kỳ 6 tháng', '2020-08-01', '2020-12-31'],
    ['hằng tháng trước ngày 20', '2020-02-12', '2020-02-20'],
    ['trước ngày 20 hằng tháng', '2020-02-20', '2020-03-20'],
    ['hàng tháng', '2020-02-12', '2020-02-29'],
    ['Hàng năm', '2020-02-12', '2020-12-31'],
    ['Đang thực hiện/Hàng năm', '2023-07-12', '2023-12-31'],
    ['trước ngày 15 của tháng cuối quý', '2020-03-16', '2020-06-15'],
    ['trước ngày 15/6 và 15/12 hằng năm', '2020-07-01', '2020-12-15'],
  ])('%s issued %s → %s', (text, issued, due) => {
    expect(phrase(text, at(issued))).toEqual(['recurring', due]);
  });

  it('keeps "Định kỳ" without a period as recurring with no date', () => {
    const d = parseDeadlinePhrase('Định kỳ báo cáo', ctx);
    expect([d.kind, d.due, d.rule]).toEqual(['recurring', null, 'periodic, period not stated; no due date']);
  });
});

describe('deadlines in running text', () => {
  it('needs an introducer: a bare year or a strategy period is not a deadline', () => {
    expect(prose('Trình Thủ tướng Chính phủ danh mục dịch vụ công năm 2020')).toBeNull();
    expect(prose('xây dựng Chiến lược giai đoạn 2021-2025, định hướng đến năm 2030')).toBeNull();
    expect(prose('tại Nghị quyết 01/NQ-CP ngày 01 tháng 01 năm 2020 của Chính phủ')).toBeNull();
  });

  it('ignores "hằng năm" that qualifies a budget', () => {
    expect(prose('Bố trí ngân sách hàng năm, dành một tỷ lệ nhất định cho công tác này.')).toBeNull();
  });

  it('picks the deadline after a qualifying year', () => {
    expect(prose('ban hành danh mục dịch vụ công năm 2020 trong tháng 3 năm 2020')).toEqual([
      'month',
      '2020-03-31',
      'trong tháng 3 năm 2020',
    ]);
  });

  it('reads urgency words as no date', () => {
    expect(prose('Khẩn trương hoàn thiện Cổng dịch vụ công')).toEqual(['none', null, 'Khẩn trương']);
    expect(prose('triển khai ngay các biện pháp')).toEqual(['none', null, 'ngay']);
    expect(prose('kể cả ngay cả khi')).toBeNull();
  });

  it('prefers a dated phrase over urgency', () => {
    expect(prose('Bộ Công an khẩn trương trình Chính phủ Nghị định trong Quý II năm 2020')).toEqual([
      'quarter',
      '2020-06-30',
      'trong Quý II năm 2020',
    ]);
  });
});

describe('gold/RULES.md additions', () => {
  it('reads a date without a year as the next such day after the issue date', () => {
    expect(prose('hoàn thành trước ngày 30 tháng 4, gửi Bộ Tài chính', at('2026-04-06'))).toEqual([
      'date',
      '2026-04-30',
      'hoàn thành trước ngày 30 tháng 4',
    ]);
    expect(prose('báo cáo trước ngày 15/3', at('2026-04-06'))).toEqual(['date', '2027-03-15', 'trước ngày 15/3']);
    expect(prose('trước ngày 15/3', at(null))).toEqual(['date', null, 'trước ngày 15/3']);
  });

  it('ends a range of months on the last day of its last month', () => {
    expect(prose('thực hiện từ tháng 3 đến tháng 9/2026', at('2026-01-05'))).toEqual([
      'month',
      '2026-09-30',
      'từ tháng 3 đến tháng 9/2026',
    ]);
    expect(phrase('Từ tháng 3 đến tháng 10/2026', at('2026-01-05'))).toEqual(['month', '2026-10-31']);
  });

  it('reads "trước Tết Nguyên đán" as the last working day before the break', () => {
    // 2026: the break starts on Saturday 14 February (days off from Monday 16).
    expect(prose('tổ chức các điểm bán hàng trước Tết Nguyên đán Bính Ngọ năm 2026', at('2025-11-05'))).toEqual([
      'relative',
      '2026-02-13',
      'trước Tết Nguyên đán Bính Ngọ năm 2026',
    ]);
    expect(prose('trước Tết Nguyên đán Bính Ngọ', at('2025-11-05'))?.[1]).toBe('2026-02-13');
    expect(prose('trước Tết Nguyên đán', at('2025-11-05'))?.[1]).toBe('2026-02-13');
    expect(phrase('trước Tết Nguyên đán năm 2027', at('2026-05-01'))).toEqual(['relative', '2027-02-04']);
    expect(prose('trước, trong và sau Tết', at('2025-11-05'))).toBeNull();
  });

  it('takes the stated days of a periodic report', () => {
    expect(prose('định kỳ 6 tháng (trước ngày 15/6 và 15/12) báo cáo', at('2025-12-08'))).toEqual([
      'recurring',
      '2025-12-15',
      'định kỳ 6 tháng (trước ngày 15/6 và 15/12)',
    ]);
  });

  it('gives no date for an event the calendar cannot know, but keeps the phrase', () => {
    expect(prose('trình Quốc hội trước kỳ họp thứ 10', at('2025-06-01'))).toEqual(['relative', null, 'trước kỳ họp thứ 10']);
    expect(prose('báo cáo tại phiên họp Chính phủ thường kỳ hằng tháng', at('2025-06-01'))?.[1]).toBeNull();
  });

  it('takes a stated weekday of a weekly report', () => {
    expect(prose('Báo cáo tình hình dịch bệnh trước 16 giờ thứ Sáu hằng tuần.', at('2025-03-10'))).toEqual([
      'recurring',
      '2025-03-14',
      'trước 16 giờ thứ Sáu hằng tuần',
    ]);
    expect(prose('báo cáo vào thứ Hai hằng tuần', at('2025-03-10'))?.[1]).toBe('2025-03-17');
  });

  it('counts from the signing of a Công điện', () => {
    expect(prose('trong 10 ngày làm việc kể từ ngày ký Công điện này', at('2026-04-06'))).toEqual([
      'relative',
      '2026-04-20',
      'trong 10 ngày làm việc kể từ ngày ký Công điện này',
    ]);
  });
});

describe('the rhythm of a periodic duty agrees with the domain', () => {
  it.each([
    ['trước ngày 20 hằng tháng', '2025-12-08'],
    ['Định kỳ hằng tháng, trước ngày 05', '2026-01-15'],
    ['định kỳ 6 tháng (trước ngày 15/6 và 15/12)', '2025-12-08'],
    ['trước ngày 15/6 và 15/12 hằng năm', '2020-07-01'],
    ['trước ngày 15 của tháng cuối quý', '2020-03-16'],
    ['hằng quý', '2025-09-12'],
    ['định kỳ 6 tháng', '2024-03-12'],
    ['Hằng năm', '2025-12-22'],
    ['hàng tháng', '2020-02-12'],
    ['trước 16 giờ thứ Sáu hằng tuần', '2025-03-10'],
    ['hằng tuần', '2025-03-10'],
  ])('%s issued %s: the first occurrence is the due date', (text, issued) => {
    const d = parseDeadlinePhrase(text, at(issued));
    expect(d.recurrence).toBeDefined();
    expect(nextOccurrence(d.recurrence!, issued)?.due).toBe(d.due);
  });
});
