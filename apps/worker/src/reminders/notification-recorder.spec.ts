import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCalendar } from '@tdnv/calendar';
import { taskStream } from '@tdnv/domain';
import { createEventStore } from '@tdnv/event-store';
import { DEFAULT_REMINDER_POLICY } from '@tdnv/reminders';
import { Coalescer } from './coalescer';
import { NotificationRecorder } from './notification-recorder';

const ctx = {
  policy: DEFAULT_REMINDER_POLICY,
  calendar: createCalendar(),
  timeZone: 'Asia/Ho_Chi_Minh',
  now: new Date('2026-03-26T01:00:00Z'),
};
const item = (taskId: string) => ({ taskId, kind: 'reminder' as const, rung: 'before-3', due: '2026-03-31' });

describe('recording sends in batches', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tdnv-recorder-'));
  const store = createEventStore({ dataDir: dir });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('appends one ReminderSent per task for concurrent and repeated records, with the command id', async () => {
    const ids = ['a', 'b', 'c'];
    await store.appendToStreams(
      ids.map((taskId) => ({
        stream: taskStream(taskId),
        expected: 'no_stream' as const,
        events: [
          {
            type: 'TaskAssigned',
            data: {
              taskId,
              noticeId: 'n',
              noticeNumber: '45/TB-VPCP',
              directiveIndex: 0,
              text: 'x',
              lead: 'BTC',
              coordinators: [],
              deadline: { due: '2026-03-31', kind: 'date' },
              key: false,
              confidential: false,
              assignedAt: '2026-03-20T03:00:00Z',
            },
            metadata: { occurredAt: '2026-03-20T03:00:00Z' },
          },
        ],
      })),
    );
    const recorder = new NotificationRecorder(store);
    // 'a' twice in one batch (the second goes alone), then all again (a retry).
    await Promise.all([...ids, 'a'].map((id) => recorder.record(item(id), ['x@btc.gov.vn'], ctx)));
    await Promise.all(ids.map((id) => recorder.record(item(id), ['x@btc.gov.vn'], ctx)));
    for (const id of ids) {
      const sent = (await store.readStream(taskStream(id))).events.filter((e) => e.type === 'ReminderSent');
      expect(sent).toHaveLength(1);
      expect(sent[0].metadata).toMatchObject({ commandId: `notify|${id}|before-3|2026-03-31`, actor: { id: 'scheduler', role: 'system' } });
    }
  });

  it('a coalescer gives each caller its own outcome', async () => {
    const batches: number[][] = [];
    const c = new Coalescer<number, number>(
      async (items) => (batches.push(items), items.map((n) => (n === 2 ? new Error('two') : n * 10))),
    );
    const results = await Promise.allSettled([1, 2, 3].map((n) => c.add(n)));
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([10, 'two', 30]);
    expect(batches).toEqual([[1, 2, 3]]);
  });
});
