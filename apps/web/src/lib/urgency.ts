import holidayData from '../../../../libs/calendar/src/vn-holidays.data.json';
import { todayLocal } from './format';

/**
 * The inbox colours: green in time, amber due within 3 working days, red overdue. Working days
 * come from the same holiday file the server's calendar uses (weekends, Tết, make-up Saturdays),
 * so the page and the reminders agree on what "3 working days" means.
 */
export type Urgency = 'ok' | 'soon' | 'overdue' | 'done' | 'none';

interface DayOffRow {
  date: string;
  makeUpOn?: string;
}
const years = (holidayData as unknown as { years: Record<string, { daysOff: DayOffRow[] }> }).years;
const daysOff = new Set<string>();
const makeUp = new Set<string>();
for (const y of Object.values(years)) {
  for (const d of y.daysOff) {
    daysOff.add(d.date);
    if (d.makeUpOn) makeUp.add(d.makeUpOn);
  }
}

const addDays = (date: string, n: number): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

export function isWorkingDay(date: string): boolean {
  if (makeUp.has(date)) return true;
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  return dow !== 0 && dow !== 6 && !daysOff.has(date);
}

/** Điều 148 BLDS: a due date on a non-working day ends with the next working day. */
export function effectiveDue(due: string): string {
  let d = due;
  for (let i = 0; i < 30 && !isWorkingDay(d); i++) d = addDays(d, 1);
  return d;
}

/** Working days from today (exclusive) up to the due date (inclusive). */
export function workingDaysUntil(due: string, today: string): number {
  let n = 0;
  for (let d = today; d < due && n < 10;) {
    d = addDays(d, 1);
    if (isWorkingDay(d)) n++;
  }
  return n;
}

export interface DueInfo {
  due: string | null;
  state: string;
  overdue?: boolean;
}

export function urgencyOf(task: DueInfo, today: string = todayLocal()): Urgency {
  if (task.state === 'completed' || task.state === 'cancelled') return 'done';
  if (!task.due) return 'none';
  const end = effectiveDue(task.due);
  if (task.overdue || today > end) return 'overdue';
  return workingDaysUntil(end, today) <= 3 ? 'soon' : 'ok';
}

export const URGENCY_LABELS: Record<Urgency, string> = {
  ok: 'Trong hạn',
  soon: 'Sắp đến hạn',
  overdue: 'Quá hạn',
  done: 'Đã kết thúc',
  none: 'Không thời hạn',
};
