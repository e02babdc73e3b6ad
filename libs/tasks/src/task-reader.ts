import { Inject, Injectable } from '@nestjs/common';
import {
  Actor,
  DeadlinePolicy,
  NotFoundError,
  taskStream,
  maySee,
  TaskEvent,
  evolveTask,
  Task,
  TaskState,
  taskView,
  TaskView,
  userById,
} from '@tdnv/domain';
import { EventStore, StoredEvent } from '@tdnv/event-store';
import { DEADLINE_POLICY, EVENT_STORE } from '@tdnv/config';
import { UserDirectory } from '@tdnv/users';
import { HistoryActor, historyActor } from './history-actor';

export type { TaskView };

export interface HistoryEntry {
  revision: number;
  type: string;
  occurredAt: string;
  actor: HistoryActor;
  data: unknown;
}

/** Reads a task straight from its stream: always current, no read model needed. */
@Injectable()
export class TaskReader {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DEADLINE_POLICY) private readonly policy: DeadlinePolicy,
    private readonly users: UserDirectory,
  ) {}

  async task(taskId: string, actor: Actor): Promise<TaskView> {
    const { task, events, revision } = await this.load(taskId, actor);
    return taskView(task, revision, events[events.length - 1].metadata.occurredAt, actor, this.policy);
  }

  async history(taskId: string, actor: Actor): Promise<{ taskId: string; events: HistoryEntry[] }> {
    const { events } = await this.load(taskId, actor);
    // Names are looked up after the visibility check: nobody learns a name from a task they may not see.
    const { users } = await this.users.users();
    const directoryName = (id: string) => userById(users, id)?.name;
    return {
      taskId,
      events: events.map((e) => ({
        revision: e.revision,
        type: e.type,
        occurredAt: e.metadata.occurredAt,
        actor: historyActor(e.metadata, directoryName),
        data: e.data,
      })),
    };
  }

  private async load(taskId: string, actor: Actor): Promise<{ task: Task; events: StoredEvent[]; revision: number }> {
    const { events, revision } = await this.store.readStream(taskStream(taskId));
    const task = events.reduce<TaskState>((s, e) => evolveTask(s, e as unknown as TaskEvent), undefined);
    // A task is not even acknowledged to exist for those who may not see it (issue 9, finding 6).
    if (!task || !maySee(actor, task)) throw new NotFoundError(`Nhiệm vụ ${taskId}`);
    return { task, events, revision };
  }
}
