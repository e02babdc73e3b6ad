import Database from 'better-sqlite3';
import { StoredEvent } from '@tdnv/event-store';
import { Checkpoint, openWorkerState } from '../worker-state';

const CLOSING = new Set(['TaskCompleted', 'TaskCancelled']);

/**
 * The scheduling consumer's own state: the ids of open tasks (what the reconciliation walks) and
 * its checkpoint in the log, written in one transaction. The checkpoint moves only after the
 * batch's jobs are in Redis, so a crash in between replays the batch (scheduling is idempotent).
 */
export class ReminderTasksStore {
  private readonly db: Database.Database;
  private readonly position: Checkpoint;

  constructor(file: string, name = 'reminder-scheduler') {
    this.db = openWorkerState(file);
    this.db.exec('CREATE TABLE IF NOT EXISTS reminder_tasks (task_id TEXT PRIMARY KEY)');
    this.position = new Checkpoint(this.db, name);
  }

  checkpoint(): bigint {
    return this.position.position();
  }

  /** Records which tasks are open after `events` and moves the checkpoint past them, atomically. */
  commit(events: StoredEvent[]): void {
    if (events.length === 0) return;
    const add = this.db.prepare('INSERT OR IGNORE INTO reminder_tasks (task_id) VALUES (?)');
    const remove = this.db.prepare('DELETE FROM reminder_tasks WHERE task_id = ?');
    this.db.transaction(() => {
      for (const event of events) {
        const taskId = taskIdOf(event);
        if (!taskId) continue;
        if (event.type === 'TaskAssigned') add.run(taskId);
        else if (CLOSING.has(event.type)) remove.run(taskId);
      }
      this.position.save(events[events.length - 1].position);
    })();
  }

  /** Open task ids in pages, for the reconciliation. */
  openTasks(after: string, limit: number): string[] {
    return (
      this.db.prepare('SELECT task_id FROM reminder_tasks WHERE task_id > ? ORDER BY task_id LIMIT ?').all(after, limit) as {
        task_id: string;
      }[]
    ).map((r) => r.task_id);
  }

  close(): void {
    this.db.close();
  }
}

export function taskIdOf(event: StoredEvent): string | undefined {
  if (!event.stream.startsWith('task-')) return undefined;
  return (event.data as { taskId?: string }).taskId;
}
