import { isLocalDate } from '../local-date';

/**
 * A standing reporting duty (nhiệm vụ định kỳ): "Hằng tháng, trước ngày 05", "Định kỳ hằng quý,
 * trước ngày 15 của tháng cuối quý", "định kỳ 6 tháng (trước ngày 15 tháng 6 và ngày 15 tháng 12)",
 * "Hằng năm, trước ngày 15/12". Pure date arithmetic: the working-day roll-forward (Điều 148) is the
 * deadline policy's, applied to each occurrence's due date.
 */
export type Frequency = 'weekly' | 'monthly' | 'quarterly' | 'half-yearly' | 'yearly';

export interface Recurrence {
  freq: Frequency;
  /**
   * The due day: weekly, the ISO weekday (1 = Monday … 7 = Sunday); monthly and quarterly, the day
   * of the month (clamped to the month's length: 31 → 30/4, 29/2 or 28/2); ignored for the others.
   */
  day?: number;
  /** Quarterly: which month of the quarter (1–3), the last by default ("tháng cuối quý"). */
  monthOfQuarter?: number;
  /** Half-yearly and yearly: the (month, day) pairs of each year ("15/6 và 15/12"). */
  dates?: [month: number, day: number][];
  /** The last day an occurrence may fall on ("đến hết năm 2026"); none: until VPCP ends it. */
  until?: string;
}

export interface Occurrence {
  /** The month, quarter, half or year in which it falls due: "2026-12", "2026-Q4", "2026-H2", "2026", "2026-W49". */
  period: string;
  due: string;
}

export const FREQUENCY_LABELS: Readonly<Record<Frequency, string>> = {
  weekly: 'Hằng tuần',
  monthly: 'Hằng tháng',
  quarterly: 'Hằng quý',
  'half-yearly': '6 tháng một lần',
  yearly: 'Hằng năm',
};

const pad = (n: number): string => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number): string => `${y}-${pad(m)}-${pad(d)}`;
const daysIn = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
const parts = (date: string): [number, number, number] => date.split('-').map(Number) as [number, number, number];

/** The period an occurrence due on `due` belongs to, named by its frequency. */
export function periodOf(freq: Frequency, due: string): string {
  const [y, m] = parts(due);
  switch (freq) {
    case 'weekly':
      return isoWeek(due);
    case 'monthly':
      return `${y}-${pad(m)}`;
    case 'quarterly':
      return `${y}-Q${Math.ceil(m / 3)}`;
    case 'half-yearly':
      return `${y}-H${m <= 6 ? 1 : 2}`;
    case 'yearly':
      return String(y);
  }
}

/** The candidate due dates of one calendar year, in order. */
function dueDatesOfYear(r: Recurrence, year: number): string[] {
  const clamp = (m: number, d: number) => ymd(year, m, Math.min(d, daysIn(year, m)));
  switch (r.freq) {
    case 'monthly':
      return Array.from({ length: 12 }, (_, i) => clamp(i + 1, r.day ?? 1));
    case 'quarterly':
      return [0, 1, 2, 3].map((q) => clamp(q * 3 + (r.monthOfQuarter ?? 3), r.day ?? daysIn(year, q * 3 + (r.monthOfQuarter ?? 3))));
    case 'half-yearly':
      return (
        r.dates?.length
          ? r.dates
          : [
              [6, 30],
              [12, 31],
            ]
      )
        .map(([m, d]) => clamp(m, d))
        .sort();
    case 'yearly':
      return (r.dates?.length ? r.dates : [[12, 31]]).map(([m, d]) => clamp(m, d)).sort();
    case 'weekly': {
      const weekday = r.day ?? 5;
      const dates: string[] = [];
      // The first such weekday of the year, then every seven days.
      const jan1 = new Date(Date.UTC(year, 0, 1));
      const offset = (weekday - (((jan1.getUTCDay() + 6) % 7) + 1) + 7) % 7;
      for (let t = Date.UTC(year, 0, 1 + offset); new Date(t).getUTCFullYear() === year; t += 7 * 86_400_000)
        dates.push(new Date(t).toISOString().slice(0, 10));
      return dates;
    }
  }
}

/**
 * The first occurrence due strictly after `after` (the issue day itself never counts, as in
 * gold/RULES.md), or undefined once the series has ended.
 */
export function nextOccurrence(r: Recurrence, after: string): Occurrence | undefined {
  if (!isLocalDate(after)) throw new RangeError(`not a date: ${after}`);
  const [year] = parts(after);
  for (let y = year; y <= year + 2; y++) {
    const due = dueDatesOfYear(r, y).find((d) => d > after);
    if (due === undefined) continue;
    if (r.until !== undefined && due > r.until) return undefined;
    return { period: periodOf(r.freq, due), due };
  }
  return undefined;
}

/** Every occurrence due in (after, through], in order (statistics over a period, a bench's roll). */
export function occurrencesBetween(r: Recurrence, after: string, through: string): Occurrence[] {
  const found: Occurrence[] = [];
  for (let next = nextOccurrence(r, after); next && next.due <= through; next = nextOccurrence(r, next.due)) found.push(next);
  return found;
}

/** "Hằng tháng, trước ngày 05" / "Hằng quý, trước ngày 15 của tháng cuối quý" / "Hằng năm, trước ngày 15/12". */
export function describeRecurrence(r: Recurrence): string {
  const head = FREQUENCY_LABELS[r.freq];
  switch (r.freq) {
    case 'weekly':
      return `${head}, trước ${['thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy', 'Chủ nhật'][(r.day ?? 5) - 1]}`;
    case 'monthly':
      return `${head}, trước ngày ${pad(r.day ?? 1)}`;
    case 'quarterly': {
      const month = ['tháng đầu quý', 'tháng giữa quý', 'tháng cuối quý'][(r.monthOfQuarter ?? 3) - 1];
      return r.day ? `${head}, trước ngày ${pad(r.day)} của ${month}` : `${head}, trước ngày cuối ${month}`;
    }
    case 'half-yearly':
    case 'yearly':
      return `${head}, trước ngày ${(r.dates ?? []).map(([m, d]) => `${pad(d)}/${pad(m)}`).join(' và ') || (r.freq === 'yearly' ? '31/12' : '30/06 và 31/12')}`;
  }
}

/** ISO 8601 week of a date: "2026-W49". */
function isoWeek(date: string): string {
  const [y, m, d] = parts(date);
  const t = new Date(Date.UTC(y, m - 1, d));
  const weekday = (t.getUTCDay() + 6) % 7; // Monday 0
  t.setUTCDate(t.getUTCDate() - weekday + 3); // the Thursday of this week decides the year
  const week = 1 + Math.floor((t.getTime() - Date.UTC(t.getUTCFullYear(), 0, 1)) / (7 * 86_400_000));
  return `${t.getUTCFullYear()}-W${pad(week)}`;
}
