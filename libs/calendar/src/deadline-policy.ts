import { DeadlinePolicy } from '@tdnv/domain';
import { defaultCalendar } from './default-calendar';

/**
 * The decider's view of deadlines. With DEADLINE_ROLL_FORWARD (Điều 148 Bộ luật Dân sự 2015) a
 * due date that falls on a non-working day ends at the end of the next working day. The rule itself
 * lives in WorkingDayCalendar.effectiveDue, so the API and the scheduler cannot disagree on it.
 */
export function createDeadlinePolicy(rollForward: boolean, calendar = defaultCalendar()): DeadlinePolicy {
  return calendar.withOptions({ rollForward });
}
