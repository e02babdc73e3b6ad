import type Database from 'better-sqlite3';
import { Worker } from 'node:worker_threads';
import { AUTOCHECKPOINT_PAGES } from './sqlite-event-store.schema';

/*
 * The thread's code, evaluated as CommonJS: a file next to this one would not exist under the test
 * runner, which compiles TypeScript in memory. better-sqlite3 is passed in as an absolute path.
 */
const THREAD_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
// timeout 0: a checkpoint that meets a lock is simply tried again at the next tick.
const db = new Database(workerData.file, { timeout: 0 });
const checkpoint = () => { try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy: next tick */ } };
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;

/**
 * Moves WAL checkpoints off the event loop. SQLite checkpoints inside the commit that crosses the
 * autocheckpoint threshold: the appending thread then copies megabytes and fsyncs, and every request
 * in flight waits (the HTTP benchmark's p99 doubled). A PASSIVE checkpoint on a second connection
 * in a worker thread copies the same frames while the writer keeps appending; the writer restarts
 * the WAL from its start once everything in it has been copied, so the file stays small.
 *
 * The writer's own autocheckpoint is switched off only while the thread runs: if the thread dies,
 * the writer checkpoints itself again rather than letting the WAL grow without bound.
 */
export class WalCheckpointer {
  private readonly worker: Worker;
  private stopped = false;
  private readonly exited: Promise<void>;

  constructor(
    private readonly writer: Database.Database,
    file: string,
    everyMs: number,
    onError: (error: unknown) => void,
  ) {
    this.worker = new Worker(THREAD_SOURCE, { eval: true, workerData: { file, everyMs, driver: require.resolve('better-sqlite3') } });
    // The thread must not keep a process alive that has nothing else to do.
    this.worker.unref();
    writer.pragma('wal_autocheckpoint = 0');
    this.exited = new Promise((resolve) => {
      this.worker.once('exit', () => {
        if (!this.stopped && writer.open) writer.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
        resolve();
      });
    });
    this.worker.on('error', (error) => onError(error));
  }

  /** Runs a last checkpoint and ends the thread; the writer checkpoints on its own again. */
  async stop(): Promise<void> {
    if (!this.stopped) {
      this.stopped = true;
      if (this.writer.open) this.writer.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
      // Held open again until the thread has finished: a closing store must not lose its last checkpoint.
      this.worker.ref();
      this.worker.postMessage('stop');
    }
    await this.exited;
  }
}
