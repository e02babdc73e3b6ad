import { Provider } from '@nestjs/common';
import { defaultCalendar } from '@tdnv/calendar';
import { AppConfig } from '@tdnv/config';
import { LadderContext, loadReminderPolicy } from '@tdnv/reminders';

export const REMINDER_LADDER = Symbol('REMINDER_LADDER');

/** The policy is validated when the API starts (ReminderPolicyError lists every problem). */
export function reminderLadderProvider(config: AppConfig): Provider {
  const ladder: Omit<LadderContext, 'now'> = {
    policy: loadReminderPolicy(),
    calendar: defaultCalendar().withOptions({ rollForward: config.deadlineRollForward }),
    timeZone: config.tzDeadlines,
  };
  return { provide: REMINDER_LADDER, useValue: ladder };
}
