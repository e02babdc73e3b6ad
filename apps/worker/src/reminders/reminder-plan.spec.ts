import { StoredEvent } from '@tdnv/event-store';
import { overlapped } from './overlapped';
import { touchedTasks, wholeStreamsIn } from './reminder-plan';

const event = (taskId: string, revision: number, position: number): StoredEvent => ({
  id: `${taskId}-${revision}`,
  stream: `task-${taskId}`,
  revision,
  position: BigInt(position),
  type: revision === 0 ? 'TaskAssigned' : 'TaskAcknowledged',
  data: { taskId },
  metadata: { occurredAt: '2026-03-20T03:00:00.000Z' },
  recordedAt: '2026-03-20T03:00:00.000Z',
});

describe('planning from a batch of the log', () => {
  it('uses a task stream the batch holds from revision 0, and reads the others', () => {
    const batch = [event('a', 0, 1), event('b', 3, 2), event('a', 1, 3), event('c', 0, 4), event('c', 2, 5)];
    expect(touchedTasks(batch)).toEqual(['a', 'b', 'c']);
    const whole = wholeStreamsIn(batch);
    expect([...whole.keys()]).toEqual(['a']);
    expect(whole.get('a')!.map((e) => e.revision)).toEqual([0, 1]);
  });
});

describe('overlapped', () => {
  it('reads the next item while the write is in flight, writes in order, one at a time', async () => {
    const log: string[] = [];
    let n = 0;
    let writing = 0;
    await overlapped(
      async () => (n < 3 ? (log.push(`read ${n}`), n++) : undefined),
      async (item) => {
        expect(++writing).toBe(1);
        log.push(`write ${item} start`);
        await new Promise((r) => setImmediate(r));
        log.push(`write ${item} end`);
        writing--;
      },
    );
    expect(log).toEqual([
      'read 0',
      'write 0 start',
      'read 1',
      'write 0 end',
      'write 1 start',
      'read 2',
      'write 1 end',
      'write 2 start',
      'write 2 end',
    ]);
  });

  it('stops at a failed write and reports it', async () => {
    let n = 0;
    const writes: number[] = [];
    const run = overlapped(
      async () => (n < 5 ? n++ : undefined),
      async (item) => {
        writes.push(item);
        if (item === 1) throw new Error('redis down');
      },
    );
    await expect(run).rejects.toThrow('redis down');
    expect(writes).toEqual([0, 1]);
  });
});
