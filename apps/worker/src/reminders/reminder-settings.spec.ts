import { loadReminderSettings } from './reminder-settings';

describe('reminder throughput settings', () => {
  it('defaults to an SMTP pool of 5 and 20 sends at once', () => {
    expect(loadReminderSettings({})).toEqual({ smtpPoolSize: 5, notificationConcurrency: 20, reminderConcurrency: 20 });
  });

  it('takes the environment and lists every bad value', () => {
    expect(loadReminderSettings({ SMTP_POOL_SIZE: '10', NOTIFICATION_CONCURRENCY: ' 40 ' })).toMatchObject({
      smtpPoolSize: 10,
      notificationConcurrency: 40,
    });
    expect(() => loadReminderSettings({ SMTP_POOL_SIZE: '0', REMINDER_CONCURRENCY: 'many' })).toThrow(
      /SMTP_POOL_SIZE .*"0".*REMINDER_CONCURRENCY .*"many"/,
    );
  });
});
