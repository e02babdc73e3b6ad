import { isRealDate, localDate } from './calendar.port';
import { DeadlineContext, DeadlineMatch, allMatches, eachMatch, toMatch } from './deadline-match';
import { LENIENT, MONTH_RANGE, PatternSet, QUALIFIED_NOUN_BEFORE, RECURRING, ROMAN_QUARTER, STRICT, URGENT } from './deadline.patterns';
import { DeadlineKind, ParsedDeadline, Recurrence } from './directive.types';
import { endOfMonthBlock, endOfWeek, nextDayOfMonth, nextDayOfQuarter, nextExplicitDay, nextWeekday } from './recurring-deadline';
import { findEvent, findLunarNewYear, findYearless } from './special-deadlines';

export type { DeadlineContext, DeadlineMatch } from './deadline-match';

export const NO_DEADLINE: ParsedDeadline = { due: null, phrase: null, kind: 'none', rule: null };

type Interpreter = (m: RegExpExecArray, ctx: DeadlineContext) => Omit<ParsedDeadline, 'phrase'> | null;

function dated(kind: DeadlineKind, due: string | null, rule: string | null): Omit<ParsedDeadline, 'phrase'> {
  return { kind, due, rule };
}

const interpretDate: Interpreter = (m) => {
  const [d, mo, y] = m[1] ? [m[1], m[2], m[3]] : [m[4], m[5], m[6]];
  const [day, month, year] = [Number(d), Number(mo), Number(y)];
  if (!isRealDate(year, month, day)) return null;
  return dated('date', localDate(year, month, day), null);
};

const interpretMonth: Interpreter = (m, ctx) => {
  const month = Number(m[1]);
  if (month < 1 || month > 12) return null;
  return dated('month', ctx.calendar.lastDayOfMonth(Number(m[2]), month), 'last day of the month');
};

const interpretQuarter: Interpreter = (m, ctx) => {
  const q = ROMAN_QUARTER[m[1].toUpperCase()] ?? Number(m[1]);
  return dated('quarter', ctx.calendar.endOfQuarter(Number(m[2]), q), 'last day of the quarter');
};

const interpretYear: Interpreter = (m) => dated('year', `${m[1]}-12-31`, '31 December');

const interpretYearToEnd: Interpreter = (_m, ctx) =>
  ctx.issuedAt
    ? dated('year', `${ctx.issuedAt.slice(0, 4)}-12-31`, '31 December of the issue year')
    : dated('year', null, 'year not stated and issue date unknown');

const interpretRange: Interpreter = (m) =>
  Number(m[2]) < Number(m[1]) ? null : dated('range', `${m[2]}-12-31`, '31 December of the last year');

/** "kể từ ngày ký" counts from the issue date; any other anchor is an event we cannot date. */
const ISSUE_ANCHOR = /^(?:ngày\s+)?(?:ký|ban hành)|(?:thông báo|văn bản|chỉ thị|công văn|công điện|quyết định|kế hoạch) này/iu;

const interpretRelative: Interpreter = (m, ctx) => {
  const n = Number(m[1]);
  const unit = m[2].toLowerCase();
  const anchor = (m[3] ?? '').trim();
  if (anchor && !ISSUE_ANCHOR.test(anchor)) {
    return dated('relative', null, `counted from another event (${anchor}); no date until it happens`);
  }
  if (!ctx.issuedAt) return dated('relative', null, 'relative to the issue date, which is unknown');
  const cal = ctx.calendar;
  if (unit === 'ngày làm việc') {
    return dated('relative', cal.addWorkingDays(ctx.issuedAt, n), `${n} working days after ${ctx.issuedAt} (Điều 147)`);
  }
  const raw = unit === 'ngày' ? cal.addDays(ctx.issuedAt, n) : cal.addMonths(ctx.issuedAt, n);
  const due = cal.rollForward(raw);
  const moved = due === raw ? '' : `, moved to the next working day (Điều 148)`;
  return dated('relative', due, `${ctx.issuedAt} + ${n} ${unit === 'ngày' ? 'days' : 'months'}${moved}`);
};

const DATED: Array<[keyof PatternSet, Interpreter]> = [
  ['date', interpretDate],
  ['range', interpretRange],
  ['quarter', interpretQuarter],
  ['month', interpretMonth],
  ['relative', interpretRelative],
  ['year', interpretYear],
  ['yearToEnd', interpretYearToEnd],
];

const HAS_YEAR = /(?:19|20)\d{2}/;
const MAY_BE_RELATIVE = /\d\s*(?:\([^)]*\)\s*)?(?:ngày|tháng)/u;
const MAY_END_YEAR = /(?:hết|trong)\s+năm/u;
const MAY_RECUR = /hằng|hàng|mỗi|định kỳ|lần|cuối/iu;
const MAY_URGE = /khẩn|ngay|kịp|thường/iu;

/** The earliest dated phrase; at the same position the longest wins ("2021-2025" over "2021"). */
/**
 * Stretches of text that can hold a phrase ending in a year: up to 90 characters before each year,
 * starting at a space so the word-boundary lookbehinds see what they would see in the full text.
 */
function yearWindows(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const re = /(?:19|20)\d{2}(?!\d)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let from = Math.max(0, m.index - 90);
    while (from > 0 && !/\s/.test(text[from - 1])) from -= 1;
    const to = m.index + 4;
    const last = out[out.length - 1];
    if (last && from <= last[1]) last[1] = to;
    else out.push([from, to]);
  }
  return out;
}

function firstValid(
  key: keyof PatternSet,
  interpret: Interpreter,
  text: string,
  windows: Array<[number, number]>,
  ctx: DeadlineContext,
  set: PatternSet,
  invalid: Array<[number, number]>,
): DeadlineMatch | null {
  for (const [from, to] of windows) {
    const slice = from === 0 && to === text.length ? text : text.slice(from, to);
    for (const m of eachMatch(set[key], slice)) {
      const d = interpret(m, ctx);
      const at = from + m.index;
      if (!d) {
        if (key === 'date') invalid.push([at, at + m[0].length]);
        continue;
      }
      // An impossible date ("30/2/2024") must not be re-read as a month or a year.
      if (key !== 'date' && invalid.some(([a, b]) => at < b && a < at + m[0].length)) continue;
      const found = toMatch(m, d);
      return { ...found, index: found.index + from, end: found.end + from };
    }
  }
  return null;
}

function findDated(text: string, ctx: DeadlineContext, set: PatternSet): DeadlineMatch | null {
  const years = HAS_YEAR.test(text) ? yearWindows(text) : [];
  const relative = MAY_BE_RELATIVE.test(text);
  const endYear = MAY_END_YEAR.test(text);
  if (!years.length && !relative && !endYear) return null;
  const whole: Array<[number, number]> = [[0, text.length]];
  const invalid: Array<[number, number]> = [];
  let best: DeadlineMatch | null = null;
  for (const [key, interpret] of DATED) {
    // Every dated pattern but two ends in a year: search only near the years.
    const windows = key === 'relative' ? (relative ? whole : []) : key === 'yearToEnd' ? (endYear ? whole : []) : years;
    const cand = windows.length ? firstValid(key, interpret, text, windows, ctx, set, invalid) : null;
    if (cand && (!best || cand.index < best.index || (cand.index === best.index && cand.end > best.end))) best = cand;
  }
  const range = years.length && MAY_BE_RANGE.test(text) ? monthRange(text, ctx) : null;
  return range && (!best || range.index <= best.index) ? range : best;
}

const MAY_BE_RANGE = /từ tháng/iu;

/** "từ tháng 3 đến tháng 9/2026" ends on the last day of its last month. */
function monthRange(text: string, ctx: DeadlineContext): DeadlineMatch | null {
  for (const m of eachMatch(MONTH_RANGE, text)) {
    const d = interpretMonth([m[0], m[1], m[2]] as unknown as RegExpExecArray, ctx);
    if (d) return toMatch(m, d);
  }
  return null;
}

/** The rhythm of a periodic duty in the domain's terms, for the series of occurrences the import registers. */
function rhythm(key: keyof typeof RECURRING, m: RegExpExecArray): Recurrence | undefined {
  switch (key) {
    case 'statedDays':
    case 'explicitDays': {
      const dates = [...m[1].matchAll(/(\d{1,2})\s*\/\s*(\d{1,2})/g)].map((x) => [Number(x[2]), Number(x[1])] as [number, number]);
      return { freq: dates.length === 2 ? 'half-yearly' : 'yearly', dates };
    }
    case 'dayOfMonthAfter':
    case 'dayOfMonthBefore':
      return { freq: 'monthly', day: Number(m[1]) };
    case 'dayOfQuarter':
      return { freq: 'quarterly', day: Number(m[1]), monthOfQuarter: 3 };
    case 'everyNMonths':
      return EVERY_N_MONTHS[Number(m[1] ?? m[2])];
    case 'weekday':
      return { freq: 'weekly', day: WEEKDAYS[m[1].toLowerCase().replace(/\s+/gu, ' ')] || 7 };
    case 'period':
      return PERIODS[m[1].toLowerCase()];
    case 'bare':
      return undefined;
  }
}

const EVERY_N_MONTHS: Record<number, Recurrence> = {
  1: { freq: 'monthly', day: 31 },
  3: { freq: 'quarterly' },
  6: { freq: 'half-yearly' },
  12: { freq: 'yearly' },
};
/** The period's last day, as the rules want ("hằng tháng" → the end of the month, a week → Sunday). */
const PERIODS: Record<string, Recurrence> = {
  tuần: { freq: 'weekly', day: 7 },
  tháng: { freq: 'monthly', day: 31 },
  quý: { freq: 'quarterly' },
  năm: { freq: 'yearly' },
};

function recurringDue(key: keyof typeof RECURRING, m: RegExpExecArray, ctx: DeadlineContext): { due: string | null; rule: string } {
  const at = ctx.issuedAt;
  const cal = ctx.calendar;
  const need = (label: string, f: (issued: string) => string | null) =>
    at ? { due: f(at), rule: `${label}; first occurrence after ${at}` } : { due: null, rule: `${label}; issue date unknown` };
  switch (key) {
    case 'statedDays':
    case 'explicitDays': {
      const days = [...m[1].matchAll(/(\d{1,2})\s*\/\s*(\d{1,2})/g)].map((x) => [Number(x[1]), Number(x[2])] as [number, number]);
      return need(`yearly on ${days.map(([d, mo]) => `${d}/${mo}`).join(', ')}`, (d) => nextExplicitDay(d, days));
    }
    case 'dayOfMonthAfter':
    case 'dayOfMonthBefore':
      return need(`monthly, day ${Number(m[1])}`, (d) => nextDayOfMonth(d, Number(m[1]), cal));
    case 'dayOfQuarter':
      return need(`quarterly, day ${Number(m[1])} of the last month`, (d) => nextDayOfQuarter(d, Number(m[1])));
    case 'everyNMonths': {
      const n = Number(m[1] ?? m[2]);
      return need(`every ${n} months`, (d) => endOfMonthBlock(d, n, cal));
    }
    case 'weekday': {
      const day = WEEKDAYS[m[1].toLowerCase().replace(/\s+/gu, ' ')];
      return need(`weekly on ${m[1]}`, (d) => nextWeekday(d, day, cal));
    }
    case 'period': {
      const p = m[1].toLowerCase();
      const months = p === 'tháng' ? 1 : p === 'quý' ? 3 : p === 'năm' ? 12 : 0;
      if (months === 0) return need('weekly', (d) => endOfWeek(d, cal));
      return need(`every ${p === 'tháng' ? 'month' : p === 'quý' ? 'quarter' : 'year'}`, (d) => endOfMonthBlock(d, months, cal));
    }
    case 'bare':
      return { due: null, rule: 'periodic, period not stated; no due date' };
  }
}

function findRecurring(text: string, ctx: DeadlineContext): DeadlineMatch | null {
  if (!MAY_RECUR.test(text)) return null;
  for (const key of Object.keys(RECURRING) as Array<keyof typeof RECURRING>) {
    for (const m of allMatches(RECURRING[key], text)) {
      if (key === 'period' && QUALIFIED_NOUN_BEFORE.test(text.slice(0, m.index))) continue;
      const { due, rule } = recurringDue(key, m, ctx);
      const recurrence = rhythm(key, m);
      return toMatch(m, { kind: 'recurring', due, rule, ...(recurrence ? { recurrence } : {}) });
    }
  }
  return null;
}

function findUrgent(text: string): DeadlineMatch | null {
  if (!MAY_URGE.test(text)) return null;
  for (const m of allMatches(URGENT, text)) {
    const word = m[1].toLowerCase();
    if (word === 'thường xuyên' && /(?:chi|kinh phí|nhiệm vụ chi)\s*$/iu.test(text.slice(0, m.index))) continue;
    const rule =
      word === 'khẩn trương' || word === 'ngay' ? 'urgent, no date' : word === 'thường xuyên' ? 'standing task, no date' : 'no date';
    return toMatch(m, { kind: 'none', due: null, rule });
  }
  return null;
}

/** JavaScript weekday numbers (Sunday 0) of "thứ Hai" … "Chủ nhật". */
const WEEKDAYS: Record<string, number> = {
  'thứ hai': 1,
  'thứ 2': 1,
  'thứ ba': 2,
  'thứ 3': 2,
  'thứ tư': 3,
  'thứ 4': 3,
  'thứ năm': 4,
  'thứ 5': 4,
  'thứ sáu': 5,
  'thứ 6': 5,
  'thứ bảy': 6,
  'thứ 7': 6,
  'chủ nhật': 0,
};

/**
 * The deadline of a piece of running text: a dated phrase first, then a recurring one, a date
 * without a year, the Lunar New Year, an event, then an urgency word; null when the text names no
 * time at all.
 */
export function findDeadline(text: string, ctx: DeadlineContext, mode: 'prose' | 'cell' = 'prose'): DeadlineMatch | null {
  const set = mode === 'prose' ? STRICT : LENIENT;
  const dated = findDated(text, ctx, set);
  // "trước Tết Nguyên đán năm 2027" is one phrase: its year is not a deadline of its own.
  const tet = findLunarNewYear(text, ctx);
  if (tet && (!dated || (dated.index >= tet.index && dated.end <= tet.end))) return tet;
  return (
    dated ?? findRecurring(text, ctx) ?? findYearless(text, ctx) ?? tet ?? (mode === 'prose' ? findEvent(text) : null) ?? findUrgent(text)
  );
}

/** All dated phrases of a text in order (used to split a unit between two deadlines). */
export function findDatedAll(text: string, ctx: DeadlineContext): DeadlineMatch[] {
  const out: DeadlineMatch[] = [];
  let offset = 0;
  while (offset < text.length) {
    const m = findDated(text.slice(offset), ctx, STRICT) ?? findRecurringDated(text.slice(offset), ctx);
    if (!m) break;
    out.push({ ...m, index: m.index + offset, end: m.end + offset });
    offset += m.end;
  }
  return out;
}

function findRecurringDated(text: string, ctx: DeadlineContext): DeadlineMatch | null {
  const m = findRecurring(text, ctx);
  return m && m.deadline.rule && !m.deadline.rule.startsWith('periodic, period not stated') ? m : null;
}

/** Interpret a whole phrase or a table cell ("Quý I/2021", "Đang thực hiện/2025", "Hàng năm"). */
export function parseDeadlinePhrase(phrase: string, ctx: DeadlineContext): ParsedDeadline {
  const text = phrase.replace(/\s+/g, ' ').trim();
  if (!text) return NO_DEADLINE;
  const m = findDeadline(text, ctx, 'cell');
  return m ? m.deadline : NO_DEADLINE;
}
