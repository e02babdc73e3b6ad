import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { createDeadlinePolicy } from '@tdnv/calendar';
import { EventStore, NewEvent, SqliteEventStore } from '@tdnv/event-store';
import { migrateReadModels, PostgresDatabase, PROJECTIONS, SqlDatabase, SqliteDatabase } from '@tdnv/read-models';
import { taskAssignedEvent } from '../support/task-assigned.fixture';

export const PG_BASE_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const CONTEXT = { policy: createDeadlinePolicy(true), timeZone: 'Asia/Ho_Chi_Minh' };

/** A fresh read-model store: a temp SQLite file, or a PostgreSQL schema of its own (dropped by `dispose`). */
export interface TestStore {
  dialect: 'sqlite' | 'postgres';
  db: SqlDatabase;
  /** What READ_MODEL_URL / DATA_DIR a child process or an API needs to open the same store. */
  readModelUrl?: string;
  dispose(): Promise<void>;
}

export async function openTestStore(dialect: 'sqlite' | 'postgres', dir: string): Promise<TestStore> {
  if (dialect === 'sqlite') {
    const db = new SqliteDatabase(join(dir, 'read-models.sqlite'));
    await migrateReadModels(db, PROJECTIONS);
    return { dialect, db, dispose: () => db.close() };
  }
  const readModelUrl = `${PG_BASE_URL}?schema=rm_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const db = await PostgresDatabase.open(readModelUrl);
  await migrateReadModels(db, PROJECTIONS);
  return {
    dialect,
    db,
    readModelUrl,
    dispose: async () => {
      await db.dropSchema();
      await db.close();
    },
  };
}

export const tempDir = (): { path: string; remove(): void } => {
  const path = mkdtempSync(join(tmpdir(), 'tdnv-rm-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
};

/** Every row of every read-model table, values as strings (the drivers differ on BIGINT). */
export async function snapshot(db: SqlDatabase): Promise<Record<string, string[][]>> {
  const tables: Record<string, string> = {
    rm_tasks: 'task_id',
    rm_task_access: 'task_id, agency',
    rm_task_former_leads: 'agency, task_id',
    rm_task_history: 'task_id, position',
    rm_notices: 'notice_id',
    rm_task_tally: 'dim, period, part, grp, conf, cur, orig',
    rm_task_tally_months: 'month',
    rm_task_tally_ends: 'dim, month, mode, grp, conf',
    rm_task_occurrences: 'task_id, period',
  };
  const out: Record<string, string[][]> = {};
  for (const [table, order] of Object.entries(tables)) {
    const rows = await db.all<Record<string, unknown>>(`SELECT * FROM ${table} ORDER BY ${order}`);
    out[table] = rows.map((row) => Object.values(row).map((v) => (v === null ? 'null' : String(v))));
  }
  return out;
}

/** Small deterministic PRNG (mulberry32), so a failing scenario can be replayed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AGENCIES = ['BTC', 'BCA', 'BYT', 'BXD', 'BNV', 'HNI', 'HCM', 'DNG'];
const TEXTS = [
  'Xây dựng cơ sở dữ liệu dân cư quốc gia',
  'Hoàn thiện Đề án chuyển đổi số',
  'Sửa đổi Nghị định về đầu tư công',
  'Báo cáo tình hình giải ngân vốn',
];

const meta = (at: Date, role = 'vpcp', agency?: string) => ({
  occurredAt: at.toISOString(),
  actor: { id: `${role}-${agency ?? 'x'}`, role, ...(agency ? { agency } : {}) },
});

/**
 * Appends a random but plausible history straight into the event store: notices, their tasks, then
 * `steps` task events (acknowledge, progress, extensions, completions, returns, cancellations,
 * reassignments, overdue marks, reminders) with a clock moving forward.
 */
export async function appendRandomScenario(
  store: EventStore,
  options: { seed: number; notices: number; steps: number; prefix?: string; onChunk?: () => Promise<void> },
): Promise<string[]> {
  const random = prng(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  let clock = new Date('2026-01-05T02:00:00Z');
  const tick = () => (clock = new Date(clock.getTime() + Math.floor(random() * 36) * 3_600_000));
  const tasks: { id: string; lead: string; due: string | null; rev: number }[] = [];
  for (let n = 0; n < options.notices; n++) {
    const noticeId = `${options.prefix ?? 's'}-${n}`;
    const directives = [0, 1, 2].map((index) => {
      const leads = AGENCIES.filter(() => random() < 0.3).slice(0, 3);
      if (leads.length === 0) leads.push(pick(AGENCIES));
      const due =
        random() < 0.15 ? null : `2026-0${2 + Math.floor(random() * 7)}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
      return {
        index,
        text: `${pick(TEXTS)} (${n}.${index})`,
        lead: leads,
        coordinators: [pick(AGENCIES)],
        deadline: due ? { due, kind: 'date' as const } : { due: null, kind: 'none' as const },
        key: random() < 0.3,
        confidential: random() < 0.1,
        tasks: leads.map((lead) => ({ taskId: `${noticeId}.${index + 1}.${lead.toLowerCase()}`, lead })),
      };
    });
    tick();
    await store.appendToStream({
      stream: `notice-${noticeId}`,
      expected: 'any',
      events: [
        {
          type: 'NoticeRegistered',
          data: {
            noticeId,
            number: `${n + 1}/TB-VPCP`,
            issuedAt: '2026-01-05',
            title: `Kết luận số ${n + 1}`,
            directives,
            registeredAt: clock.toISOString(),
          },
          metadata: meta(clock),
        },
      ],
    });
    for (const d of directives) {
      for (const t of d.tasks) {
        const events = [taskAssignedEvent({ noticeId, number: `${n + 1}/TB-VPCP` }, d, t, clock.toISOString(), meta(clock))];
        await store.appendToStream({ stream: `task-${t.taskId}`, expected: 'any', events });
        tasks.push({ id: t.taskId, lead: t.lead, due: d.deadline.due, rev: 0 });
      }
    }
  }
  for (let step = 0; step < options.steps; step++) {
    tick();
    const task = pick(tasks);
    const data = { taskId: task.id };
    const roll = random();
    let event: { type: string; data: unknown; metadata: NewEvent['metadata'] };
    if (roll < 0.15) event = { type: 'TaskAcknowledged', data: { ...data, by: task.lead }, metadata: meta(clock, 'agency', task.lead) };
    else if (roll < 0.4)
      event = {
        type: 'ProgressReported',
        data: { ...data, by: task.lead, note: `Tiến độ bước ${step}`, percent: Math.floor(random() * 100) },
        metadata: meta(clock, 'agency', task.lead),
      };
    else if (roll < 0.5) {
      const to = `2026-${String(6 + Math.floor(random() * 6)).padStart(2, '0')}-15`;
      event = {
        type: 'DeadlineChanged',
        data: { ...data, from: { due: task.due, kind: 'date' }, to: { due: to, kind: 'date' }, reason: 'Gia hạn', cause: 'extension' },
        metadata: meta(clock),
      };
      task.due = to;
    } else if (roll < 0.6)
      event = {
        type: 'CompletionReported',
        data: {
          ...data,
          by: task.lead,
          result: `Đã hoàn thành ${step}`,
          documentRef: `${step}/BC`,
          reportedAt: clock.toISOString(),
          reportedOn: clock.toISOString().slice(0, 10),
        },
        metadata: meta(clock, 'agency', task.lead),
      };
    else if (roll < 0.7)
      event = {
        type: 'TaskCompleted',
        data: { ...data, reportedAt: clock.toISOString(), reportedOn: clock.toISOString().slice(0, 10), due: task.due, onTime: null },
        metadata: meta(clock),
      };
    else if (roll < 0.75) event = { type: 'CompletionReturned', data: { ...data, reason: 'Chưa đạt' }, metadata: meta(clock) };
    else if (roll < 0.78) event = { type: 'TaskCancelled', data: { ...data, reason: 'Thu hồi' }, metadata: meta(clock) };
    else if (roll < 0.83) {
      const to = pick(AGENCIES);
      event = { type: 'TaskReassigned', data: { ...data, from: task.lead, to, reason: 'Giao lại' }, metadata: meta(clock) };
      task.lead = to;
    } else if (roll < 0.9)
      event = { type: 'TaskBecameOverdue', data: { ...data, due: task.due ?? '2026-01-01' }, metadata: meta(clock, 'system') };
    else
      event = {
        type: 'ReminderSent',
        data: { ...data, key: `k${step}`, rung: 'due', due: task.due ?? '', to: [] },
        metadata: meta(clock, 'system'),
      };
    await store.appendToStream({ stream: `task-${task.id}`, expected: 'any', events: [event] });
    if (options.onChunk && step % 250 === 249) await options.onChunk();
  }
  return tasks.map((t) => t.id);
}

/** A test file's log (SQLite events) and read-model store in a temp folder, opened and removed together. */
export class LogAndReadModels {
  readonly dir = tempDir();
  store?: SqliteEventStore;
  rm?: TestStore;

  constructor(private readonly dialect: 'sqlite' | 'postgres') {}

  async open(): Promise<{ store: SqliteEventStore; rm: TestStore }> {
    this.store = new SqliteEventStore(join(this.dir.path, 'events.sqlite'));
    this.rm = await openTestStore(this.dialect, this.dir.path);
    return { store: this.store, rm: this.rm };
  }

  async close(): Promise<void> {
    await this.rm?.dispose();
    await this.store?.close();
    this.dir.remove();
  }
}
