/**
 * Periodic duties at a month boundary (issue 11): 100,000 monthly duties ("hằng tháng, trước ngày
 * 05") are scheduled, then rolled to their next occurrence, half by an on-time report and half by
 * the overdue sweep recording the period missed, and their reminders are rescheduled from the log
 * (one job per task re-planned: the next period's first reminder, or the missed period's one
 * escalation). Time and memory of each step, beside the existing 100k scheduling figure
 * (reminders.bench.ts, same run).
 *
 *   npm run bench -- periodic-duties
 *   node --expose-gc -r ./test/support/swc-register.cjs bench/periodic-duties.bench.ts [tasks] [baseline: 0|1]
 */
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { mkdtempSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OpenDeadlinesStore } from '../apps/worker/src/overdue/open-deadlines.store';
import { sweepOverdue } from '../apps/worker/src/overdue/overdue-sweep';
import { ReminderScheduler } from '../apps/worker/src/reminders/reminder-scheduler';
import { ReminderTasksStore } from '../apps/worker/src/reminders/reminder-tasks.store';
import { createDeadlinePolicy, defaultCalendar } from '@tdnv/calendar';
import { Clock } from '@tdnv/config';
import { decideTask, evolveTask, TaskEvent, taskStream } from '@tdnv/domain';
import { AppendRequest, createEventStore, EventStore } from '@tdnv/event-store';
import { deletePrefixedKeys, parsePendingEntry, redisConnection, reminderKeys } from '@tdnv/queues';
import { DEFAULT_REMINDER_POLICY } from '@tdnv/reminders';
import { monthlyDeadline } from '@tdnv/testing';
import { BenchResult, runWhenMain } from './bench-result';
import { seedAssignedTasks } from './seed-assigned-tasks';
import { run as remindersBench } from './reminders.bench';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const TZ = 'Asia/Ho_Chi_Minh';
const ASSIGNED_AT = '2026-11-20T03:00:00.000Z';
/** The day before the on-time reports (08:00 on 4/12 in Hà Nội) and the first minute after the period (00:30 on 8/12; 05/12 is a Saturday). */
const REPORTED_AT = '2026-12-04T03:00:00.000Z';
const ROLL_AT = '2026-12-07T17:30:00.000Z';
const policy = { ...DEFAULT_REMINDER_POLICY, assignmentEmail: false, digest: false };
const deadlinePolicy = createDeadlinePolicy(true);
const MONTHLY = monthlyDeadline('2026-12-05');

/** Peak heap and RSS over a step, sampled every 20 ms. */
async function measured<T>(
  step: () => Promise<T>,
): Promise<{ value: T; ms: number; heapMb: number; peakHeapMb: number; peakRssMb: number }> {
  global.gc?.();
  const before = process.memoryUsage();
  let peakHeap = before.heapUsed;
  let peakRss = before.rss;
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    peakHeap = Math.max(peakHeap, now.heapUsed);
    peakRss = Math.max(peakRss, now.rss);
  }, 20);
  const started = Date.now();
  const value = await step();
  const ms = Date.now() - started;
  clearInterval(sampler);
  const after = process.memoryUsage();
  const mb = (bytes: number) => bytes / 1024 / 1024;
  return {
    value,
    ms,
    heapMb: mb(after.heapUsed - before.heapUsed),
    peakHeapMb: mb(Math.max(peakHeap, after.heapUsed) - before.heapUsed),
    peakRssMb: mb(Math.max(peakRss, after.rss)),
  };
}

const seed = (store: EventStore, count: number): Promise<string[]> =>
  seedAssignedTasks(store, count, {
    taskId: (i) => `bench-periodic.${i}.btc`,
    text: (i) => `Hằng tháng, trước ngày 05, báo cáo số ${i}`,
    noticeNumber: '90/TB-VPCP',
    deadline: MONTHLY,
    assignedAt: ASSIGNED_AT,
  });

/** Half the agencies report period 12/2026 on time: each report decided by the domain on its task's state, appended 1,000 streams at a time. */
async function reportOnTime(store: EventStore, ids: string[]): Promise<number> {
  const actor = { id: 'u-btc', role: 'agency' as const, agency: 'BTC' };
  for (let from = 0; from < ids.length; from += 1000) {
    const requests: AppendRequest[] = [];
    for (const taskId of ids.slice(from, from + 1000)) {
      const { revision, events } = await store.readStream(taskStream(taskId));
      const state = events.reduce((s, e) => evolveTask(s, e as unknown as TaskEvent), undefined as ReturnType<typeof evolveTask>);
      const decided = decideTask(
        {
          type: 'SubmitPeriodicReport',
          actor,
          now: REPORTED_AT,
          today: '2026-12-04',
          payload: { period: '2026-12', note: 'Báo cáo tháng 12' },
        },
        state,
        deadlinePolicy,
      );
      requests.push({
        stream: taskStream(taskId),
        expected: revision,
        events: decided.map((e) => ({ type: e.type, data: e.data, metadata: { occurredAt: REPORTED_AT, actor } })),
      });
    }
    await store.appendToStreams(requests);
  }
  return ids.length;
}

async function periodic(tasks: number, dir: string, redis: Redis): Promise<string[]> {
  const store = createEventStore({ dataDir: dir });
  const seeded = await measured(() => seed(store, tasks));
  const ids = seeded.value;
  const prefix = `bench-periodic-${randomUUID()}`;
  const queue = new Queue('reminders', { connection: redisConnection(REDIS_URL), prefix });
  const tasksStore = new ReminderTasksStore(join(dir, 'worker.sqlite'));
  const deadlines = new OpenDeadlinesStore(join(dir, 'worker.sqlite'));
  const clock = { now: new Date('2026-11-21T03:00:00Z') };
  const scheduler = new ReminderScheduler(
    store,
    tasksStore,
    queue,
    redis,
    () => ({ policy, calendar: defaultCalendar(), timeZone: TZ, now: clock.now }),
    prefix,
  );
  const schedule = await measured(() => scheduler.catchUp());
  const pendingIds = async () =>
    new Map(Object.entries(await redis.hgetall(reminderKeys(prefix).pending)).map(([task, entry]) => [task, parsePendingEntry(entry)!.id]));
  const pendingBefore = await pendingIds();

  const reported = await measured(() =>
    reportOnTime(
      store,
      ids.filter((_, i) => i % 2 === 0),
    ),
  );
  clock.now = new Date(ROLL_AT);
  const sweep = await measured(() => sweepOverdue(store, deadlines, new Clock(TZ, new Date(ROLL_AT)), deadlinePolicy));
  const reschedule = await measured(() => scheduler.catchUp());
  const pendingAfter = await pendingIds();
  const counts = await queue.getJobCounts('delayed', 'waiting');
  const moved = ids.filter((id) => pendingAfter.get(id) !== pendingBefore.get(id)).length;
  const next = new Map<string, number>();
  for (const id of pendingAfter.values()) {
    const rung = /__([a-z0-9-]+__\d{4}-\d{2}-\d{2})$/.exec(id)?.[1] ?? id;
    next.set(rung, (next.get(rung) ?? 0) + 1);
  }
  await queue.close();
  tasksStore.close();
  deadlines.close();
  await store.close();
  await deletePrefixedKeys(redis, prefix);

  const n = (x: number) => x.toLocaleString('en-US');
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const mem = (m: { heapMb: number; peakHeapMb: number; peakRssMb: number }) =>
    `heap +${m.heapMb.toFixed(0)} MB after, peak +${m.peakHeapMb.toFixed(0)} MB; RSS peak ${m.peakRssMb.toFixed(0)} MB`;
  const rate = (count: number, ms: number) => `${n(Math.round(count / (ms / 1000)))}/s`;
  return [
    `${n(tasks)} monthly duties (due 05/12/2026, a Saturday: on time to 07/12), seeded in ${s(seeded.ms)}`,
    `schedule them from the log: ${s(schedule.ms)} (${rate(tasks, schedule.ms)}), ${n(pendingBefore.size)} pending jobs; ${mem(schedule)}`,
    `roll at the month boundary:`,
    `  ${n(reported.value)} on-time reports (PeriodicReportSubmitted, next 01/2027) decided and appended in batches of 1,000: ${s(reported.ms)} (${rate(reported.value, reported.ms)}); ${mem(reported)}`,
    `  overdue sweep at 00:30 on 08/12: ${n(sweep.value.overdue.length)} periods recorded missed (PeriodicReportMissed) one by one through markTaskOverdue: ${s(sweep.ms)} (${rate(sweep.value.overdue.length, sweep.ms)}); ${mem(sweep)}`,
    `reschedule from the log after the roll: ${s(reschedule.ms)} (${rate(tasks, reschedule.ms)}), ${n(moved)} of ${n(tasks)} jobs replaced, ${n(counts.delayed)} delayed + ${n(counts.waiting)} waiting; ${mem(reschedule)}`,
    `  next steps: ${[...next].map(([rung, count]) => `${rung.replace('__', ' for ')} × ${n(count)}`).join(', ')}`,
  ];
}

export async function run(tasks = 100_000, baseline = true): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'tdnv-bench-periodic-'));
  const redis = new Redis(REDIS_URL);
  try {
    const lines = await periodic(tasks, dir, redis);
    // The existing figure, same machine, same run: 100k date deadlines scheduled from the log.
    if (baseline) lines.push(`baseline (reminders.bench.ts): ${(await remindersBench(tasks, 0)).lines[0]}`);
    return { name: 'periodic-duties', lines };
  } finally {
    redis.disconnect();
    rmSync(dir, { recursive: true, force: true });
  }
}

runWhenMain(module, () => run(Number(process.argv[2] ?? 100_000), process.argv[3] !== '0'));
