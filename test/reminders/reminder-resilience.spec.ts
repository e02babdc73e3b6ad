import { eventually } from '@tdnv/testing';
import { reminderKeys } from '@tdnv/queues';
import { agencyContacts, ReminderWorld } from './reminder-test-kit';

const BTC = agencyContacts('BTC');
const ids = [1, 2, 3, 4, 5].map((n) => `2026-45-tb-vpcp.${n}.btc`);

const until = (check: () => Promise<boolean>, what: string) => eventually(check, what, { intervalMs: 0 });

describe('reminders survive two workers, a Redis flush and an SMTP outage', () => {
  let world: ReminderWorld;
  afterEach(() => world.dispose());

  const allPending = (rung: string) =>
    until(
      async () =>
        (await Promise.all(ids.map((id) => world.pendingJob(id)))).every((p) => p === `rem__${p?.split('__')[1]}__${rung}__2026-03-31`),
      `all ${rung}`,
    );
  const idle = (w = world) =>
    until(async () => {
      const counts = await w.workers[0].queues.notifications.getJobCounts('waiting', 'active', 'delayed');
      return counts.waiting + counts.active + counts.delayed === 0;
    }, 'notifications idle');

  it('two workers at once send each email once', async () => {
    world = new ReminderWorld();
    await world.setContacts('BTC', BTC);
    world.setNow('2026-03-23T03:00:00Z');
    await world.start(2);
    for (const id of ids) await world.assign(id, '2026-03-31');
    await allPending('assigned-btc');
    // Both schedulers plan the same tasks at the same time: the same job ids, nothing doubled.
    await Promise.all(world.workers.map((w) => w.scheduler.reconcile()));
    await world.approach(ids[0], 'assigned-btc');
    await Promise.all(world.workers.map((w) => w.scheduler.replan(ids)));
    await world.sink.received(5);
    for (const id of ids) await world.eventsAppear(id, 1, 'ReminderSent');
    await allPending('before-3');
    await idle();
    expect(world.sink.mails).toHaveLength(5);
    expect(new Set(world.sink.mails.map((m) => m.messageId)).size).toBe(5);
    for (const id of ids) expect(await world.events(id, 'ReminderSent')).toHaveLength(1);
  });

  it('Redis flushed mid-way: the reconciliation restores the schedule, nothing lost or doubled', async () => {
    world = new ReminderWorld();
    await world.setContacts('BTC', BTC);
    world.setNow('2026-03-23T03:00:00Z');
    await world.start(1, { reconcileEveryMs: 300 });
    for (const id of ids) await world.assign(id, '2026-03-31');
    await allPending('assigned-btc');
    await world.approach(ids[0], 'assigned-btc');
    await world.workers[0].scheduler.replan(ids);
    await world.sink.received(5);
    await allPending('before-3');
    // The flush removes every key of this test's prefix (jobs, schedulers, the pending map). Whether
    // the pending job is already back a moment later depends on timing, so only the outcome is checked.
    expect(await world.flushOwnKeys()).toBeGreaterThan(0);
    // No test hook: the worker's watchdog notices its schedulers are gone and reconciles.
    await allPending('before-3');
    for (const id of ids) expect(await world.workers[0].queues.reminders.getJob(`rem__${id}__before-3__2026-03-31`)).toBeDefined();
    await world.approach(ids[0], 'before-3');
    await world.workers[0].scheduler.replan(ids);
    await world.sink.received(10);
    for (const id of ids) await world.eventsAppear(id, 2, 'ReminderSent');
    await allPending('before-1');
    await idle();
    expect(world.sink.mails).toHaveLength(10);
    for (const id of ids)
      expect((await world.events(id, 'ReminderSent')).map((e) => (e.data as { rung: string }).rung)).toEqual(['assigned-btc', 'before-3']);
  });

  it('SMTP down: the send is retried with backoff and arrives once', async () => {
    world = new ReminderWorld();
    await world.setContacts('BTC', BTC);
    world.setNow('2026-03-23T03:00:00Z');
    await world.start();
    await world.assign(ids[0], '2026-03-31');
    await until(async () => (await world.pendingJob(ids[0])) !== null, 'pending');
    world.sink.down(3);
    await world.approach(ids[0], 'assigned-btc');
    await world.sink.received(1);
    await world.eventsAppear(ids[0], 1, 'ReminderSent');
    await idle();
    expect(world.sink.mails).toHaveLength(1);
    expect(await world.redis.hgetall(reminderKeys(world.prefix).stats)).toEqual({ failures: '3', reminders: '1' });
    const [done] = await world.workers[0].queues.notifications.getJobs(['completed']);
    expect(done.attemptsMade).toBe(4);
  });
});
