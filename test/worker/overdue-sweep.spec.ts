import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { QueueEvents } from 'bullmq';
import { OpenDeadlinesStore } from '../../apps/worker/src/overdue/open-deadlines.store';
import { sweepOverdue } from '../../apps/worker/src/overdue/overdue-sweep';
import { startOverdueSweep } from '../../apps/worker/src/overdue/overdue-sweep.processor';
import { createDeadlinePolicy } from '@tdnv/calendar';
import { Clock } from '@tdnv/config';
import { taskStream } from '@tdnv/domain';
import { createEventStore, EventStore } from '@tdnv/event-store';
import { QUEUES, redisConnection } from '@tdnv/queues';
import { assigned, assignedMonthly, TASK_ID } from '@tdnv/testing';

const policy = createDeadlinePolicy(true);
const at = (iso: string) => new Clock('Asia/Ho_Chi_Minh', new Date(iso));
const meta = { occurredAt: '2025-08-01T00:00:00Z', actor: { id: 'vpcp', role: 'vpcp' } };

describe('overdue sweep (real SQLite files, real Redis)', () => {
  let dir: string;
  let store: EventStore;
  let deadlines: OpenDeadlinesStore;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tdnv-overdue-'));
    store = createEventStore({ dataDir: dir });
    deadlines = new OpenDeadlinesStore(join(dir, 'worker.sqlite'));
  });
  afterEach(async () => {
    deadlines.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const assign = async (taskId: string, due: string, extra: { type: string; data: unknown }[] = []) => {
    const first = assigned(due);
    const events = [{ ...first, data: { ...first.data, taskId } }, ...extra].map((e) => ({ ...e, metadata: meta }));
    await store.appendToStream({ stream: taskStream(taskId), events, expected: 'no_stream' });
  };
  const overdueEvents = async (taskId: string) =>
    (await store.readStream(taskStream(taskId))).events.filter((e) => e.type === 'TaskBecameOverdue');

  it('marks a task overdue once, after the end of its due day, and never twice', async () => {
    await assign('a', '2026-03-31');
    expect((await sweepOverdue(store, deadlines, at('2026-03-31T16:59:00Z'), policy)).overdue).toEqual([]);
    expect(await overdueEvents('a')).toHaveLength(0);
    // 17:00Z on 31/3 is 00:00 on 1/4 in Hà Nội: the due day has ended.
    expect((await sweepOverdue(store, deadlines, at('2026-03-31T17:00:00Z'), policy)).overdue).toEqual(['a']);
    await sweepOverdue(store, deadlines, at('2026-04-02T03:00:00Z'), policy);
    const events = await overdueEvents('a');
    expect(events).toHaveLength(1);
    expect(events[0].data).toEqual({ taskId: 'a', due: '2026-03-31' });
    expect(events[0].metadata.actor).toMatchObject({ role: 'system' });
  });

  it('rolls a Sunday due date before the National Day holidays forward to the next working day', async () => {
    await assign('sunday', '2025-08-31');
    await sweepOverdue(store, deadlines, at('2025-09-03T10:00:00Z'), policy);
    expect(await overdueEvents('sunday')).toHaveLength(0);
    await sweepOverdue(store, deadlines, at('2025-09-03T17:00:00Z'), policy);
    expect(await overdueEvents('sunday')).toHaveLength(1);
  });

  it('skips completed, cancelled and reported tasks, and follows an extended deadline', async () => {
    await assign('done', '2026-03-31', [{ type: 'TaskCancelled', data: { taskId: 'done', reason: 'Hủy' } }]);
    await assign('reported', '2026-03-31', [
      { type: 'TaskAcknowledged', data: { taskId: 'reported', by: 'BTC' } },
      {
        type: 'CompletionReported',
        data: { taskId: 'reported', by: 'BTC', result: 'Xong', reportedAt: '2026-03-30T01:00:00Z', reportedOn: '2026-03-30' },
      },
    ]);
    await assign('extended', '2026-03-31', [
      {
        type: 'DeadlineChanged',
        data: {
          taskId: 'extended',
          from: { due: '2026-03-31', kind: 'date' },
          to: { due: '2026-06-30', kind: 'date' },
          reason: 'Gia hạn',
          cause: 'extension',
        },
      },
    ]);
    const { overdue } = await sweepOverdue(store, deadlines, at('2026-04-10T03:00:00Z'), policy);
    expect(overdue).toEqual([]);
    expect((await sweepOverdue(store, deadlines, at('2026-07-01T03:00:00Z'), policy)).overdue).toEqual(['extended']);
  });

  it('a periodic duty: each period past its due date is recorded missed once, and the sweep follows the next period', async () => {
    const monthly = assignedMonthly();
    await store.appendToStream({
      stream: taskStream('monthly'),
      events: [{ ...monthly, data: { ...monthly.data, taskId: 'monthly' }, metadata: meta }],
      expected: 'no_stream',
    });
    const missed = async () =>
      (await store.readStream(taskStream('monthly'))).events.filter((e) => e.type === 'PeriodicReportMissed').map((e) => e.data);
    expect((await sweepOverdue(store, deadlines, at('2026-03-06T03:00:00Z'), policy)).overdue).toEqual(['monthly']);
    await sweepOverdue(store, deadlines, at('2026-03-07T03:00:00Z'), policy);
    expect(await missed()).toEqual([
      { taskId: 'monthly', period: '2026-03', due: '2026-03-05', next: { period: '2026-04', due: '2026-04-05' } },
    ]);
    // 05/04/2026 is a Sunday: the April period runs to the end of Monday 06/04.
    await sweepOverdue(store, deadlines, at('2026-04-06T10:00:00Z'), policy);
    expect(await missed()).toHaveLength(1);
    await sweepOverdue(store, deadlines, at('2026-04-06T17:00:00Z'), policy);
    expect((await missed()).map((d) => (d as { period: string }).period)).toEqual(['2026-03', '2026-04']);
    expect(await overdueEvents('monthly')).toHaveLength(0);
  });

  it('a task registered as historical still becomes overdue: a state, not a message', async () => {
    const old = assigned('2020-06-30');
    await store.appendToStream({
      stream: taskStream('old'),
      events: [{ ...old, data: { ...old.data, taskId: 'old', historical: true }, metadata: meta }],
      expected: 'no_stream',
    });
    expect((await sweepOverdue(store, deadlines, at('2026-12-03T03:00:00Z'), policy)).overdue).toEqual(['old']);
  });

  it('two sweeps at once append one event per task', async () => {
    await assign(TASK_ID, '2026-03-31');
    const other = new OpenDeadlinesStore(join(dir, 'worker-2.sqlite'));
    const clock = at('2026-04-05T03:00:00Z');
    await Promise.all([sweepOverdue(store, deadlines, clock, policy), sweepOverdue(store, other, clock, policy)]);
    other.close();
    expect(await overdueEvents(TASK_ID)).toHaveLength(1);
  });

  it('runs as a BullMQ job scheduler on the deadlines queue', async () => {
    await assign('queued', '2026-03-31');
    const prefix = `test-${randomUUID()}`;
    const connection = redisConnection(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    const events = new QueueEvents(QUEUES.deadlines, { connection, prefix });
    await events.waitUntilReady();
    const completed = new Promise<unknown>((resolve) => events.on('completed', ({ returnvalue }) => resolve(returnvalue)));
    const sweep = await startOverdueSweep({
      connection,
      prefix,
      everyMs: 60_000,
      store,
      deadlines,
      clock: at('2026-04-05T03:00:00Z'),
      policy,
    });
    try {
      expect(await completed).toEqual({ overdue: ['queued'] });
      expect(await overdueEvents('queued')).toHaveLength(1);
    } finally {
      await sweep.queue.obliterate({ force: true });
      await sweep.close();
      await events.close();
    }
  });
});
