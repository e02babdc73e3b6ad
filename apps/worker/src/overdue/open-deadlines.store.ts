import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { StoredEvent } from '../../../../libs/event-store/src/event-store.port';

/**
 * Open tasks and their current due dates, derived from the log by a checkpointed consumer. Rows
 * and checkpoint are written in one transaction, so a crash never applies an event twice or skips one.
 */
export interface OpenDeadline {
  taskId: string;
  due: string;
}

// Completion reported: the report is in, so the task cannot become overdue while VPCP reviews it.
const CAN_BECOME_OVERDUE = "status IN ('assigned','acknowledged','in_progress','reassignment_requested')";

export class OpenDeadlinesStore {
  private readonly db: Database.Database;

  constructor(file: string, private readonly name = 'open-deadlines') {
    mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS checkpoints (name TEXT PRIMARY KEY, position TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS open_deadlines (
        task_id TEXT PRIMARY KEY, due TEXT, status TEXT NOT NULL, overdue_for TEXT);
      CREATE INDEX IF NOT EXISTS open_deadlines_due ON open_deadlines (due);`);
  }

  checkpoint(): bigint {
    const row = this.db.prepare('SELECT position FROM checkpoints WHERE name = ?').get(this.name) as { position: string } | undefined;
    return row ? BigInt(row.position) : 0n;
  }

  /** Applies a batch of events and moves the checkpoint past them, atomically. */
  apply(events: StoredEvent[]): void {
    if (events.length === 0) return;
    const upsert = this.db.prepare('INSERT INTO open_deadlines (task_id, due, status) VALUES (?, ?, ?) ON CONFLICT(task_id) DO UPDATE SET due = excluded.due, status = excluded.status');
    const setDue = this.db.prepare('UPDATE open_deadlines SET due = ? WHERE task_id = ?');
    const setStatus = this.db.prepare('UPDATE open_deadlines SET status = ? WHERE task_id = ?');
    const setOverdue = this.db.prepare('UPDATE open_deadlines SET overdue_for = ? WHERE task_id = ?');
    const remove = this.db.prepare('DELETE FROM open_deadlines WHERE task_id = ?');
    const save = this.db.prepare('INSERT INTO checkpoints (name, position) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET position = excluded.position');
    this.db.transaction(() => {
      for (const event of events) {
        const data = event.data as { taskId?: string; deadline?: { due: string | null }; to?: { due: string | null }; due?: string };
        const taskId = data.taskId;
        if (!taskId || !event.stream.startsWith('task-')) continue;
        switch (event.type) {
          case 'TaskAssigned': upsert.run(taskId, data.deadline?.due ?? null, 'assigned'); break;
          case 'DeadlineChanged': setDue.run(data.to?.due ?? null, taskId); break;
          case 'TaskAcknowledged': setStatus.run('acknowledged', taskId); break;
          case 'TaskDeclined': setStatus.run('reassignment_requested', taskId); break;
          case 'TaskReassigned': setStatus.run('assigned', taskId); break;
          case 'ProgressReported': case 'CompletionReturned': setStatus.run('in_progress', taskId); break;
          case 'CompletionReported': setStatus.run('completion_reported', taskId); break;
          case 'TaskBecameOverdue': setOverdue.run(data.due ?? null, taskId); break;
          case 'TaskCompleted': case 'TaskCancelled': remove.run(taskId); break;
        }
      }
      save.run(this.name, events[events.length - 1].position.toString());
    })();
  }

  /** Tasks whose nominal due date is before `today` and not yet marked overdue for it. */
  candidates(today: string): OpenDeadline[] {
    return this.db
      .prepare(`SELECT task_id AS taskId, due FROM open_deadlines WHERE due IS NOT NULL AND due < ? AND ${CAN_BECOME_OVERDUE} AND (overdue_for IS NULL OR overdue_for <> due) ORDER BY due`)
      .all(today) as OpenDeadline[];
  }

  close(): void {
    this.db.close();
  }
}
