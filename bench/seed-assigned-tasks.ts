import { Deadline, TaskAssigned, taskStream } from '@tdnv/domain';
import { AppendRequest, EventStore } from '@tdnv/event-store';

export interface AssignedTasksSeed {
  /** The task id of the i-th task (`bench-s.17.btc`): BTC leads them all. */
  taskId(i: number): string;
  text(i: number): string;
  noticeNumber: string;
  deadline: Deadline;
  assignedAt: string;
}

/**
 * Appends `count` tasks of one notice straight to the log, a TaskAssigned stream each, 1,000
 * streams an append (the benchmarks' seed, not the registration path), and returns their ids.
 */
export async function seedAssignedTasks(store: EventStore, count: number, seed: AssignedTasksSeed): Promise<string[]> {
  const ids: string[] = [];
  for (let from = 0; from < count; from += 1000) {
    const requests: AppendRequest[] = [];
    for (let i = from; i < Math.min(count, from + 1000); i++) {
      const taskId = seed.taskId(i);
      ids.push(taskId);
      const data: TaskAssigned['data'] = {
        taskId,
        noticeId: 'bench',
        noticeNumber: seed.noticeNumber,
        directiveIndex: i,
        text: seed.text(i),
        lead: 'BTC',
        coordinators: [],
        deadline: seed.deadline,
        key: false,
        confidential: false,
        assignedAt: seed.assignedAt,
      };
      requests.push({
        stream: taskStream(taskId),
        expected: 'no_stream',
        events: [{ type: 'TaskAssigned', data, metadata: { occurredAt: seed.assignedAt } }],
      });
    }
    await store.appendToStreams(requests);
  }
  return ids;
}
