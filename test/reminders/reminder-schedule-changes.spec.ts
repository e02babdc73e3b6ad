import { eventually } from '@tdnv/testing';
import { DEFAULT_REMINDER_POLICY } from '@tdnv/reminders';
import { agencyContacts, ReminderWorld } from './reminder-test-kit';

const T = '2026-45-tb-vpcp.1.btc';
const BTC = agencyContacts('BTC');

const until = (check: () => Promise<boolean>, what: string) => eventually(check, what, { intervalMs: 0 });

describe('reminder schedule follows the log', () => {
  let world: ReminderWorld;
  afterEach(() => world.dispose());

  const pendingIs = (taskId: string, id: string | null) => until(async () => (await world.pendingJob(taskId)) === id, `pending ${id}`);

  it('an approved extension moves the pending rung to the new due date; the old job is gone', async () => {
    world = new ReminderWorld();
    await world.setContacts('BTC', BTC);
    world.setNow('2026-03-23T03:00:00Z');
    await world.start();
    await world.assign(T, '2026-03-31');
    await pendingIs(T, `rem__${T}__assigned-btc__2026-03-31`);
    await world.approach(T, 'assigned-btc');
    await world.sink.received(1);
    await pendingIs(T, `rem__${T}__before-3__2026-03-31`);
    await world.append(T, [
      { type: 'ExtensionRequested', data: { by: 'BTC', currentDue: '2026-03-31', proposedDue: '2026-04-30', reason: 'Chờ ý kiến các Bộ' } },
    ]);
    await world.append(T, [
      { type: 'ExtensionApproved', data: { due: '2026-04-30' } },
      {
        type: 'DeadlineChanged',
        data: { from: { due: '2026-03-31', kind: 'date' }, to: { due: '2026-04-30', kind: 'date' }, reason: 'Gia hạn', cause: 'extension' },
      },
    ]);
    // 7 working days before Thursday 30/4/2026 skip the Hùng Kings' day off (Sunday 26/4, Monday 27/4).
    await pendingIs(T, `rem__${T}__before-7__2026-04-30`);
    expect(await world.workers[0].queues.reminders.getJob(`rem__${T}__before-3__2026-03-31`)).toBeUndefined();
    const rung = await world.approach(T, 'before-7');
    expect(rung.fireAt.toISOString()).toBe('2026-04-20T01:00:00.000Z');
    await world.sink.received(2);
    await world.eventsAppear(T, 2, 'ReminderSent');
    expect(world.sink.mails[1].subject).toContain('Thời hạn: 30/04/2026');
    expect((await world.events(T, 'ReminderSent')).map((e) => (e.data as { rung: string; due: string }).due)).toEqual([
      '2026-03-31',
      '2026-04-30',
    ]);
  });

  it('completion cancels the pending reminders, and a stale job that still fires sends nothing', async () => {
    world = new ReminderWorld();
    await world.setContacts('BTC', BTC);
    world.setNow('2026-03-23T03:00:00Z');
    await world.start();
    await world.assign(T, '2026-03-31');
    const stale = `rem__${T}__assigned-btc__2026-03-31`;
    await pendingIs(T, stale);
    await world.append(T, [{ type: 'TaskAcknowledged', data: { by: 'BTC' } }], { id: 'btc', role: 'agency' });
    await world.append(T, [
      {
        type: 'CompletionReported',
        data: { by: 'BTC', result: 'Đã trình Đề án', reportedAt: world.clock.now().toISOString(), reportedOn: '2026-03-23' },
      },
    ]);
    await pendingIs(T, null);
    expect(await world.workers[0].queues.reminders.getJob(stale)).toBeUndefined();
    // A job left behind (say, by an old worker) re-reads the task and does nothing.
    // The clock moves past the rung and the listener is ready before the job exists: a worker that
    // picked the job up earlier would see it as not yet due and put it back for real hours.
    world.setNow('2026-03-24T01:00:05Z');
    const queueEvents = await events(world);
    const job = await world.workers[0].queues.reminders.add(
      'rung',
      { taskId: T, rung: 'assigned-btc', due: '2026-03-31' },
      { jobId: stale },
    );
    expect(await job.waitUntilFinished(queueEvents)).toBe('ignored: task is completion_reported');
    expect(world.sink.mails).toHaveLength(0);
  });

  it('a digest groups one agency’s tasks of the same slot into one email', async () => {
    world = new ReminderWorld({ ...DEFAULT_REMINDER_POLICY, digest: true, digestWindowSeconds: 1 });
    await world.setContacts('BTC', BTC);
    await world.setContacts('BCA', { focal: ['dau-moi@bca.gov.vn'], leader: [] });
    world.setNow('2026-03-23T03:00:00Z');
    await world.start();
    const ids = ['2026-45-tb-vpcp.1.btc', '2026-45-tb-vpcp.2.btc', '2026-45-tb-vpcp.3.btc', '2026-45-tb-vpcp.3.bca'];
    for (const [i, id] of ids.entries())
      await world.assign(id, '2026-03-31', id.endsWith('bca') ? 'BCA' : 'BTC', `Nhiệm vụ số ${i + 1} về chuyển đổi số`);
    for (const id of ids) await pendingIs(id, `rem__${id}__assigned-${id.slice(-3)}__2026-03-31`);
    await world.approach(ids[0], 'assigned-btc');
    await world.workers[0].scheduler.replan(ids);
    const mails = await world.sink.received(2);
    for (const id of ids) await world.eventsAppear(id, 1, 'ReminderSent');
    const btc = mails.find((m) => m.to.includes('dau-moi@btc.gov.vn'))!;
    expect(btc.subject).toBe('[Tổng hợp đôn đốc] Bộ Tài chính: 3 nhiệm vụ cần lưu ý');
    for (const n of [1, 2, 3]) expect(btc.raw).toContain(`2026-45-tb-vpcp.${n}.btc`);
    expect(mails.find((m) => m.to.includes('dau-moi@bca.gov.vn'))!.subject).toBe(
      '[Giao nhiệm vụ] 45/TB-VPCP: Thời hạn: 31/03/2026. Còn 7 ngày',
    );
    expect(world.sink.mails).toHaveLength(2);
  });

  it('a due date on a Sunday before the National Day holidays: last reminder on 3/9/2025, overdue from 4/9', async () => {
    world = new ReminderWorld();
    await world.setContacts('BTC', BTC);
    world.setNow('2025-08-27T03:00:00Z');
    await world.start();
    await world.assign(T, '2025-08-31');
    const byRung = Object.fromEntries((await world.ladder(T)).map((r) => [r.rung, r.fireAt.toISOString()]));
    expect(byRung).toMatchObject({
      'before-1': '2025-08-29T01:00:00.000Z',
      'due-day': '2025-09-03T01:00:00.000Z',
      overdue: '2025-09-03T17:00:00.000Z',
      'overdue-1': '2025-09-04T01:00:00.000Z',
    });
    await pendingIs(T, `rem__${T}__assigned-btc__2025-08-31`);
    await world.approach(T, 'assigned-btc');
    await world.eventsAppear(T, 1, 'ReminderSent');
    // 3 working days before 3/9 is 27/8, before the assignment: skipped.
    for (const rung of ['before-1', 'due-day']) {
      await until(async () => (await world.pendingJob(T))?.includes(`__${rung}__`) ?? false, rung);
      await world.approach(T, rung);
      await world.eventsAppear(T, ['before-1', 'due-day'].indexOf(rung) + 2, 'ReminderSent');
    }
    expect(world.sink.mails[2].subject).toBe(
      '[Đôn đốc thực hiện nhiệm vụ] 45/TB-VPCP: Thời hạn: 31/08/2025 (ngày nghỉ, được tính đến hết ngày 03/09/2025). Hôm nay là ngày cuối cùng của thời hạn',
    );
    await pendingIs(T, `rem__${T}__overdue__2025-08-31`);
    await world.approach(T, 'overdue');
    const [overdue] = await world.eventsAppear(T, 1, 'TaskBecameOverdue');
    expect(overdue.metadata.occurredAt >= '2025-09-03T16:59:58.000Z').toBe(true);
    expect(overdue.data).toEqual({ taskId: T, due: '2025-08-31' });
  });
});

async function events(world: ReminderWorld) {
  const { QueueEvents } = await import('bullmq');
  const { redisConnection } = await import('../../libs/queues/src/queues');
  const queueEvents = new QueueEvents('reminders', {
    connection: redisConnection(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'),
    prefix: world.prefix,
  });
  await queueEvents.waitUntilReady();
  world.workers[0].close = ((close) => async () => {
    await queueEvents.close();
    await close();
  })(world.workers[0].close);
  return queueEvents;
}
