/**
 * Throughput settings of reminder sending, from the environment (read here because they concern
 * this capability alone). Every problem is listed in one message, like the reminder policy.
 */
export interface ReminderSettings {
  /** SMTP_POOL_SIZE: connections kept open to the SMTP server; many relays allow about 5 per client. */
  smtpPoolSize: number;
  /**
   * NOTIFICATION_CONCURRENCY: send jobs in progress at once. Several per SMTP connection, so the
   * pool stays busy while other sends read the log or record what went out.
   */
  notificationConcurrency: number;
  /** REMINDER_CONCURRENCY: fired rung and digest jobs in progress at once. */
  reminderConcurrency: number;
}

const DEFAULTS: ReminderSettings = { smtpPoolSize: 5, notificationConcurrency: 20, reminderConcurrency: 20 };
const NAMES: Record<keyof ReminderSettings, string> = {
  smtpPoolSize: 'SMTP_POOL_SIZE',
  notificationConcurrency: 'NOTIFICATION_CONCURRENCY',
  reminderConcurrency: 'REMINDER_CONCURRENCY',
};

export function loadReminderSettings(env: NodeJS.ProcessEnv = process.env): ReminderSettings {
  const settings = { ...DEFAULTS };
  const problems: string[] = [];
  for (const key of Object.keys(NAMES) as (keyof ReminderSettings)[]) {
    const raw = env[NAMES[key]]?.trim();
    if (!raw) continue;
    const value = Number(raw);
    if (Number.isInteger(value) && value >= 1 && value <= 1000) settings[key] = value;
    else problems.push(`${NAMES[key]} must be a whole number from 1 to 1000, got ${JSON.stringify(raw)}`);
  }
  if (problems.length) throw new Error(`invalid reminder settings: ${problems.join('; ')}`);
  return settings;
}
