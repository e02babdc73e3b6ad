/**
 * Reminder scheduling and sending.
 *  1. Schedule the reminders of 100,000 tasks from the log (the checkpointed consumer: read each
 *     task's stream, decide its next rung, one delayed job per task) beside raw `addBulk` of the
 *     same number of delayed jobs in the same run. Goal: < 10 s.
 *  2. 10,000 reminders due in the same minute (same 08:00 slot): lateness p50/p99 from the slot to
 *     the mail's arrival at a local SMTP sink, emails/s, and duplicates (must be 0).
 *
 *   npx tsc -p tsconfig.build.json && node dist/bench/reminders.bench.js [tasks] [emails]
 */
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { deletePrefixedKeys, redisConnection } from '@tdnv/queues';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startReminders } from '../apps/worker/src/reminders/start-reminders';
import { ReminderScheduler } from '../apps/worker/src/reminders/reminder-scheduler';
import { ReminderTasksStore } from '../apps/worker/src/reminders/reminder-tasks.store';
import { loadReminderSettings } from '../apps/worker/src/reminders/reminder-settings';
import { createDeadlinePolicy, defaultCalendar } from '@tdnv/calendar';
import { loadConfig, Clock } from '@tdnv/config';
import { taskStream } from '@tdnv/domain';
import { createEventStore, EventStore } from '@tdnv/event-store';
import { DEFAULT_REMINDER_POLICY } from '@tdnv/reminders';
import { BenchResult, runWhenMain } from './bench-result';
import { seedAssignedTasks } from './seed-assigned-tasks';
import { SmtpSink } from '@tdnv/testing';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const TZ = 'Asia/Ho_Chi_Minh';
const ASSIGNED_AT = '2026-03-20T03:00:00.000Z';
/** before-3 of a task due 31/3/2026: 08:00 on 26/3 in Hà Nội. */
const SLOT = Date.parse('2026-03-26T01:00:00.000Z');

const seed = (store: EventStore, count: number, tag: string): Promise<string[]> =>
  seedAssignedTasks(store, count, {
    taskId: (i) => `bench-${tag}.${i}.btc`,
    text: (i) => `Nhiệm vụ số ${i}`,
    noticeNumber: '45/TB-VPCP',
    deadline: { due: '2026-03-31', kind: 'date' },
    assignedAt: ASSIGNED_AT,
  });

const policy = { ...DEFAULT_REMINDER_POLICY, assignmentEmail: false, digest: false };

async function scheduling(tasks: number, dir: string, redis: Redis): Promise<string[]> {
  const store = createEventStore({ dataDir: join(dir, 'schedule') });
  await seed(store, tasks, 's');
  const connection = redisConnection(REDIS_URL);
  const rawPrefix = `bench-raw-${randomUUID()}`;
  const raw = new Queue('reminders', { connection, prefix: rawPrefix });
  let started = Date.now();
  for (let i = 0; i < tasks; i += 1000)
    await raw.addBulk(
      Array.from({ length: Math.min(1000, tasks - i) }, (_, k) => ({
        name: 'rung',
        data: { taskId: `t${i + k}`, rung: 'before-3', due: '2026-03-31' },
        opts: { jobId: `rem__t${i + k}__before-3__2026-03-31`, delay: 3_600_000 },
      })),
    );
  const rawMs = Date.now() - started;
  await raw.close();
  await deletePrefixedKeys(redis, rawPrefix);

  const prefix = `bench-rem-${randomUUID()}`;
  const queue = new Queue('reminders', { connection, prefix });
  const tasksStore = new ReminderTasksStore(join(dir, 'schedule', 'reminders.sqlite'));
  const clock = new Clock(TZ, new Date('2026-03-21T03:00:00Z'));
  const scheduler = new ReminderScheduler(
    store,
    tasksStore,
    queue,
    redis,
    () => ({ policy, calendar: defaultCalendar(), timeZone: TZ, now: clock.now() }),
    prefix,
  );
  started = Date.now();
  await scheduler.catchUp();
  const schedMs = Date.now() - started;
  const delayed = await queue.getDelayedCount();
  started = Date.now();
  const again = await scheduler.reconcile();
  const reconcileMs = Date.now() - started;
  await queue.close();
  tasksStore.close();
  await store.close();
  await deletePrefixedKeys(redis, prefix);
  const rate = (ms: number) => Math.round(tasks / (ms / 1000)).toLocaleString('en-US');
  return [
    `schedule ${tasks.toLocaleString('en-US')} tasks from the log: ${(schedMs / 1000).toFixed(2)} s (${rate(schedMs)} tasks/s), ${delayed.toLocaleString('en-US')} delayed jobs (one per task) — goal < 10 s`,
    `raw addBulk of ${tasks.toLocaleString('en-US')} delayed jobs:     ${(rawMs / 1000).toFixed(2)} s (${rate(rawMs)} jobs/s); scheduler / raw = ${(schedMs / rawMs).toFixed(2)}×`,
    `reconciliation over the same ${tasks.toLocaleString('en-US')} open tasks (all jobs present): ${(reconcileMs / 1000).toFixed(2)} s, ${again.added} re-created`,
  ];
}

async function sending(emails: number, dir: string, redis: Redis): Promise<string[]> {
  const sink = new SmtpSink({ keepRaw: false });
  const smtpUrl = await sink.start();
  const store = createEventStore({ dataDir: join(dir, 'send') });
  await store.appendToStream({
    stream: 'agency-catalogue',
    expected: 'no_stream',
    events: [
      {
        type: 'AgencyContactsUpdated',
        data: { code: 'BTC', focal: ['dau-moi@btc.gov.vn'], leader: ['lanh-dao@btc.gov.vn'] },
        metadata: { occurredAt: ASSIGNED_AT },
      },
    ],
  });
  const ids = await seed(store, emails, 'm');
  const prefix = `bench-send-${randomUUID()}`;
  // The clock stands 15 s before the 08:00 slot: time to schedule, then every reminder is due at once.
  const clock = new Clock(TZ, new Date(SLOT - 15_000));
  const slotReal = Date.now() + 15_000;
  const config = loadConfig({ DATA_DIR: join(dir, 'send'), SMTP_URL: smtpUrl });
  const context = { config, store, connection: redisConnection(REDIS_URL), prefix, clock, policy: createDeadlinePolicy(true) };
  const worker = await startReminders(context, {
    policy: { ...policy, escalateAfterRemindersWithoutUpdate: 0 },
    catchUpEveryMs: 1000,
    concurrency: { reminders: 50 },
  });
  await sink.received(emails, 30 * 60_000);
  const lastAt = Date.now();
  const late = sink.mails.map((r) => r.receivedAt - slotReal).sort((a, b) => a - b);
  const pct = (p: number) => late[Math.min(late.length - 1, Math.floor((p / 100) * late.length))];
  // Let in-flight records land before counting duplicates in the log.
  for (let n = 0; n < 200 && (await worker.queues.notifications.getJobCounts('active', 'waiting')).active > 0; n++)
    await new Promise((r) => setTimeout(r, 50));
  let recorded = 0;
  let doubleRecorded = 0;
  for (const id of ids) {
    const sent = (await store.readStream(taskStream(id))).events.filter((e) => e.type === 'ReminderSent').length;
    recorded += sent;
    if (sent > 1) doubleRecorded++;
  }
  const duplicates = sink.mails.length - new Set(sink.mails.map((r) => r.messageId)).size;
  await worker.close();
  await sink.close();
  await store.close();
  await deletePrefixedKeys(redis, prefix);
  const settings = loadReminderSettings();
  const firstAt = Math.min(...sink.mails.map((r) => r.receivedAt));
  return [
    `${emails.toLocaleString('en-US')} reminders due in the same 08:00 slot → local SMTP sink (digest off, one email each; SMTP pool ${settings.smtpPoolSize}, ${settings.notificationConcurrency} sends at once):`,
    `  lateness after the slot: p50 ${(pct(50) / 1000).toFixed(2)} s, p99 ${(pct(99) / 1000).toFixed(2)} s, max ${(late[late.length - 1] / 1000).toFixed(2)} s`,
    `  throughput: ${Math.round(emails / ((lastAt - firstAt) / 1000))} emails/s (first to last mail)`,
    `  duplicates: ${duplicates} mails with a repeated Message-ID, ${doubleRecorded} tasks recorded twice (${recorded.toLocaleString('en-US')} ReminderSent events)`,
  ];
}

export async function run(tasks = 100_000, emails = 10_000): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'tdnv-bench-reminders-'));
  const redis = new Redis(REDIS_URL);
  try {
    // A count of 0 skips that half, to measure one side alone.
    const lines = [...(tasks > 0 ? await scheduling(tasks, dir, redis) : []), ...(emails > 0 ? await sending(emails, dir, redis) : [])];
    return { name: 'reminders', lines };
  } finally {
    redis.disconnect();
    rmSync(dir, { recursive: true, force: true });
  }
}

runWhenMain(module, () => run(Number(process.argv[2] ?? 100_000), Number(process.argv[3] ?? 10_000)));
