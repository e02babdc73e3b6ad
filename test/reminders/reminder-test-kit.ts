import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { startReminders, ReminderOptions, RunningReminders } from '../../apps/worker/src/reminders/start-reminders';
import { createDeadlinePolicy, defaultCalendar } from '@tdnv/calendar';
import { AppConfig, loadConfig, Clock } from '@tdnv/config';
import { runStreamCommand } from '@tdnv/command-handling';
import { Actor, decideTask, Deadline, evolveTask, TaskCommand, TaskEvent, TaskState, taskStream } from '@tdnv/domain';
import { createEventStore, EventStore, StoredEvent } from '@tdnv/event-store';
import { deletePrefixedKeys, redisConnection, reminderKeys, parsePendingEntry } from '@tdnv/queues';
import { DEFAULT_REMINDER_POLICY, ReminderPolicy, LadderContext, ladderOf, Rung, foldReminderView } from '@tdnv/reminders';
import { SmtpSink } from '@tdnv/testing';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
export const TZ = 'Asia/Ho_Chi_Minh';

/** An agency's focal point and leader as the tests address them: dau-moi@btc.gov.vn, lanh-dao@btc.gov.vn. */
export const agencyContacts = (code: string): { focal: string[]; leader: string[] } => ({
  focal: [`dau-moi@${code.toLowerCase()}.gov.vn`],
  leader: [`lanh-dao@${code.toLowerCase()}.gov.vn`],
});

/**
 * One test's world: a SQLite event store in a temp folder, a unique BullMQ prefix on the shared
 * Redis, a real SMTP sink, and a clock the test moves (`setNow`). BullMQ delays are real time, so a
 * test moves the clock to a second before a rung and lets the scheduler re-time the pending job.
 */
export class ReminderWorld {
  readonly dir = mkdtempSync(join(tmpdir(), 'tdnv-reminders-'));
  readonly prefix = `test-rem-${randomUUID()}`;
  readonly store: EventStore = createEventStore({ dataDir: this.dir });
  readonly sink = new SmtpSink();
  readonly redis = new Redis(REDIS_URL);
  private offset = 0;
  readonly clock = new Clock(TZ, undefined, () => Date.now() + this.offset);
  config!: AppConfig;
  readonly workers: RunningReminders[] = [];

  constructor(readonly policy: ReminderPolicy = { ...DEFAULT_REMINDER_POLICY, digest: false }) {}

  async start(workers = 1, options: ReminderOptions = {}): Promise<this> {
    const smtpUrl = await this.sink.start();
    this.config = loadConfig({
      DATA_DIR: this.dir,
      SMTP_URL: smtpUrl,
      PUBLIC_URL: 'https://theodoi.example.gov.vn',
      MAIL_FROM: 'theodoi@example.gov.vn',
    });
    for (let i = 0; i < workers; i++) await this.addWorker(i, options);
    return this;
  }

  async addWorker(i: number, options: ReminderOptions = {}): Promise<RunningReminders> {
    const context = {
      config: this.config,
      store: this.store,
      connection: redisConnection(REDIS_URL),
      prefix: this.prefix,
      clock: this.clock,
      policy: createDeadlinePolicy(true),
    };
    const worker = await startReminders(context, {
      policy: this.policy,
      dataFile: join(this.dir, `reminders-${i}.sqlite`),
      catchUpEveryMs: 200,
      reconcileEveryMs: 60_000,
      backoffMs: 200,
      ...options,
    });
    this.workers.push(worker);
    return worker;
  }

  setNow(iso: string | number | Date): void {
    this.offset = new Date(iso).getTime() - Date.now();
  }

  ladderContext(): LadderContext {
    return { policy: this.policy, calendar: defaultCalendar(), timeZone: TZ, now: this.clock.now() };
  }

  async ladder(taskId: string): Promise<Rung[]> {
    return ladderOf(foldReminderView((await this.store.readStream(taskStream(taskId))).events)!, this.ladderContext());
  }

  /** Moves the clock to `msBefore` the rung and re-times the pending job to match. */
  async approach(taskId: string, rung: string, msBefore = 1_000): Promise<Rung> {
    const target = (await this.ladder(taskId)).find((r) => r.rung === rung)!;
    this.setNow(target.fireAt.getTime() - msBefore);
    await this.workers[0].scheduler.replan([taskId]);
    return target;
  }

  async append(taskId: string, events: { type: string; data: object }[], actor = { id: 'vpcp', role: 'vpcp' }): Promise<void> {
    const { revision } = await this.store.readStream(taskStream(taskId));
    const metadata = { occurredAt: this.clock.now().toISOString(), actor };
    await this.store.appendToStream({
      stream: taskStream(taskId),
      expected: revision < 0 ? 'no_stream' : revision,
      events: events.map((e) => ({ ...e, data: { taskId, ...e.data }, metadata })),
    });
  }

  assign(
    taskId: string,
    due: string | null | Deadline,
    lead = 'BTC',
    text = 'Hoàn thiện Đề án phát triển dữ liệu số quốc gia',
    extra: { historical?: boolean } = {},
  ): Promise<void> {
    const deadline = typeof due === 'string' ? { due, kind: 'date' } : (due ?? { due: null, kind: 'none' });
    const data = {
      noticeId: '2026-45-tb-vpcp',
      noticeNumber: '45/TB-VPCP',
      directiveIndex: 0,
      text,
      lead,
      coordinators: [],
      deadline,
      key: false,
      confidential: false,
      assignedAt: this.clock.now().toISOString(),
      ...extra,
    };
    return this.append(taskId, [{ type: 'TaskAssigned', data }]);
  }

  /** A command decided by the domain on the task's stream at the world's clock, as the API's handler does it. */
  async command<T extends TaskCommand['type']>(
    taskId: string,
    type: T,
    payload: Extract<TaskCommand, { type: T }>['payload'],
    actor: Actor,
  ): Promise<TaskEvent[]> {
    const now = this.clock.now();
    const today = this.clock.today();
    const policy = createDeadlinePolicy(true);
    let decided: TaskEvent[] = [];
    await runStreamCommand<TaskState, void>(this.store, {
      stream: taskStream(taskId),
      initial: undefined,
      evolve: (s, e) => evolveTask(s, e as TaskEvent),
      context: { actor, now, today, requestHash: type },
      respond: () => undefined,
      decide: (state) => ({
        events: (decided = decideTask({ type, actor, now: now.toISOString(), today, payload } as TaskCommand, state, policy)),
      }),
    });
    return decided;
  }

  async setContacts(
    code: string,
    contacts: { focal: string[]; leader: string[]; trackingOfficers?: string[]; departmentHead?: string[] },
  ): Promise<void> {
    const { revision } = await this.store.readStream('agency-catalogue');
    await this.store.appendToStream({
      stream: 'agency-catalogue',
      expected: revision < 0 ? 'no_stream' : revision,
      events: [{ type: 'AgencyContactsUpdated', data: { code, ...contacts }, metadata: { occurredAt: this.clock.now().toISOString() } }],
    });
  }

  async events(taskId: string, ...types: string[]): Promise<StoredEvent[]> {
    return (await this.store.readStream(taskStream(taskId))).events.filter((e) => types.includes(e.type));
  }

  /** Waits until the task's stream has `count` events of these types (polls the store: the log is the checkpoint). */
  async eventsAppear(taskId: string, count: number, ...types: string[]): Promise<StoredEvent[]> {
    for (const started = Date.now(); Date.now() - started < 20_000; await new Promise((r) => setImmediate(r))) {
      const found = await this.events(taskId, ...types);
      if (found.length >= count) return found;
    }
    throw new Error(`${taskId}: expected ${count} of ${types.join('/')}, got ${(await this.events(taskId, ...types)).length}`);
  }

  async pendingJob(taskId: string): Promise<string | null> {
    return parsePendingEntry(await this.redis.hget(reminderKeys(this.prefix).pending, taskId))?.id ?? null;
  }

  /** Deletes only this test's keys: other suites share the Redis. */
  flushOwnKeys(): Promise<number> {
    return deletePrefixedKeys(this.redis, this.prefix);
  }

  async dispose(): Promise<void> {
    for (const worker of this.workers) await worker.close();
    await this.flushOwnKeys();
    this.redis.disconnect();
    await this.sink.close();
    await this.store.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
