import Database from 'better-sqlite3';
import { canBecomeOverdue, TaskEvent, evolveTask, isOpen, Task, TaskState } from '@tdnv/domain';
import { StoredEvent } from '@tdnv/event-store';
import { Checkpoint, openWorkerState } from '../worker-state';

export interface OpenDeadline {
  taskId: string;
  due: string;
}

/**
 * Open tasks folded from the log with the domain's own `evolveTask` (never a copy of it), and
 * whether each can become overdue now (`canBecomeOverdue`). Rows and checkpoint are written in one
 * transaction, so a crash never applies an event twice or skips one. Closed tasks are dropped.
 */
export class OpenDeadlinesStore {
  private readonly db: Database.Database;
  private readonly position: Checkpoint;

  constructor(file: string, name = 'open-deadlines') {
    this.db = openWorkerState(file);
    // Version 2 keeps the folded task; the version-1 table (hand-written status columns) is rebuilt.
    const legacy = this.db.prepare("SELECT 1 FROM pragma_table_info('open_deadlines') WHERE name = 'overdue_for'").get();
    this.position = new Checkpoint(this.db, name);
    if (legacy) {
      this.db.exec('DROP TABLE open_deadlines');
      this.position.save(0n);
    }
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS open_deadlines (
        task_id TEXT PRIMARY KEY, state TEXT NOT NULL, due TEXT, candidate INTEGER NOT NULL);
      CREATE INDEX IF NOT EXISTS open_deadlines_candidates ON open_deadlines (candidate, due);`);
  }

  checkpoint(): bigint {
    return this.position.position();
  }

  /** Applies a batch of events and moves the checkpoint past them, atomically. */
  apply(events: StoredEvent[]): void {
    if (events.length === 0) return;
    const load = this.db.prepare('SELECT state FROM open_deadlines WHERE task_id = ?');
    const upsert = this.db.prepare(
      'INSERT INTO open_deadlines (task_id, state, due, candidate) VALUES (?, ?, ?, ?) ON CONFLICT(task_id) DO UPDATE SET state = excluded.state, due = excluded.due, candidate = excluded.candidate',
    );
    const remove = this.db.prepare('DELETE FROM open_deadlines WHERE task_id = ?');
    this.db.transaction(() => {
      // A batch often holds several events of one task: fold them in memory, write each task once.
      const touched = new Map<string, TaskState>();
      for (const event of events) {
        if (!event.stream.startsWith('task-')) continue;
        const taskId = event.stream.slice('task-'.length);
        const before = touched.has(taskId) ? touched.get(taskId) : this.stored(load, taskId);
        touched.set(taskId, evolveTask(before, event as unknown as TaskEvent));
      }
      for (const [taskId, task] of touched) {
        if (!task || !isOpen(task)) remove.run(taskId);
        else upsert.run(taskId, JSON.stringify(task), task.deadline.due, isCandidate(task) ? 1 : 0);
      }
      this.position.save(events[events.length - 1].position);
    })();
  }

  /** Tasks whose nominal due date is before `today` and not yet marked overdue for it. */
  candidates(today: string): OpenDeadline[] {
    return this.db
      .prepare('SELECT task_id AS taskId, due FROM open_deadlines WHERE candidate = 1 AND due < ? ORDER BY due')
      .all(today) as OpenDeadline[];
  }

  close(): void {
    this.db.close();
  }

  private stored(load: Database.Statement, taskId: string): TaskState {
    const row = load.get(taskId) as { state: string } | undefined;
    return row ? (JSON.parse(row.state) as Task) : undefined;
  }
}

/** Its deadline runs and it has not been marked overdue for the current due date yet. */
const isCandidate = (task: Task): boolean => canBecomeOverdue(task) && !task.overdueFor.includes(task.deadline.due!);
