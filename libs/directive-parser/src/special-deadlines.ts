import { DeadlineContext, DeadlineMatch, eachMatch, toMatch } from './deadline-match';
import { BRANCH_INDEX, EVENT_ANCHOR, LUNAR_NEW_YEAR, QUALIFIED_NOUN_BEFORE, STEM_INDEX, YEARLESS_DATE } from './deadline.patterns';
import { nextExplicitDay } from './recurring-deadline';

/**
 * Deadlines that need more than a pattern (gold/RULES.md additions): a date without a year, the
 * Lunar New Year, an event the calendar cannot date.
 */

const MAY_BE_YEARLESS = /ngày\s+\d/u;

/** "trước ngày 30 tháng 4": the next such day after the issue date (gold/RULES.md additions). */
export function findYearless(text: string, ctx: DeadlineContext): DeadlineMatch | null {
  if (!MAY_BE_YEARLESS.test(text)) return null;
  for (const m of eachMatch(YEARLESS_DATE, text)) {
    const day = Number(m[1]);
    const month = Number(m[2] ?? m[3]);
    if (month < 1 || month > 12 || day < 1 || day > 31) continue;
    if (!ctx.issuedAt) return toMatch(m, { kind: 'date', due: null, rule: 'no year and the issue date is unknown' });
    return toMatch(m, {
      kind: 'date',
      due: nextExplicitDay(ctx.issuedAt, [[day, month]]),
      rule: 'no year: the next such day after the issue date',
    });
  }
  return null;
}

/** The Gregorian year of a Tết named by its stem and branch ("Bính Ngọ" → 2026), near the issue year. */
function yearOfCycle(stem: string, branch: string, around: number): number | null {
  const s = STEM_INDEX[stem.toLowerCase()];
  const b = BRANCH_INDEX[branch.toLowerCase()];
  for (let y = around - 1; y <= around + 60; y += 1) if (y % 10 === s && y % 12 === b) return y;
  return null;
}

/** "trước Tết Nguyên đán (Bính Ngọ) (năm 2026)": the last working day before the break. */
export function findLunarNewYear(text: string, ctx: DeadlineContext): DeadlineMatch | null {
  if (!text.includes('Tết') && !text.includes('tết')) return null;
  for (const m of eachMatch(LUNAR_NEW_YEAR, text)) {
    const issuedYear = ctx.issuedAt ? Number(ctx.issuedAt.slice(0, 4)) : null;
    let year = m[3] ? Number(m[3]) : m[1] && m[2] && issuedYear ? yearOfCycle(m[1], m[2], issuedYear) : null;
    let due = year ? ctx.calendar.beforeLunarNewYear(year) : null;
    if (!year && ctx.issuedAt && issuedYear) {
      // No year named: the next Tết after the issue date.
      for (const y of [issuedYear, issuedYear + 1]) {
        const candidate = ctx.calendar.beforeLunarNewYear(y);
        if (candidate && candidate > ctx.issuedAt) {
          [year, due] = [y, candidate];
          break;
        }
      }
    }
    const rule = due
      ? `last working day before the Lunar New Year break of ${year}`
      : 'Lunar New Year break not in the holiday data; no date';
    return toMatch(m, { kind: 'relative', due, rule });
  }
  return null;
}

const MAY_BE_EVENT = /họp|hội nghị|đại hội/iu;

/** "trước kỳ họp thứ 10 của Quốc hội", "tại phiên họp tiếp theo": an event the calendar cannot date. */
export function findEvent(text: string): DeadlineMatch | null {
  if (!MAY_BE_EVENT.test(text)) return null;
  for (const m of eachMatch(EVENT_ANCHOR, text)) {
    if (QUALIFIED_NOUN_BEFORE.test(text.slice(0, m.index))) continue;
    return toMatch(m, { kind: 'relative', due: null, rule: 'anchored to an event the calendar cannot date; no date until it is set' });
  }
  return null;
}
