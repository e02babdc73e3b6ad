/**
 * Gathers the work of concurrent jobs into one call: while a flush is in flight the next items
 * wait and go together in the following one. A morning slot has thousands of sends finishing at
 * once; per-send Redis round trips and SQLite transactions are what limits them, not SMTP.
 * Each caller's promise settles with its own item's outcome (`flush` returns one per item).
 */
export class Coalescer<T, R = void> {
  private queued: { item: T; resolve: (value: R) => void; reject: (error: unknown) => void }[] = [];
  private flushing = false;

  constructor(
    private readonly flush: (items: T[]) => Promise<(R | Error)[]>,
    private readonly maxBatch = 500,
  ) {}

  add(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queued.push({ item, resolve, reject });
      if (!this.flushing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.flushing = true;
    // Let the other jobs that finish in the same tick join the first batch.
    await new Promise((r) => setImmediate(r));
    while (this.queued.length > 0) {
      const batch = this.queued.splice(0, this.maxBatch);
      try {
        const results = await this.flush(batch.map((b) => b.item));
        batch.forEach((b, i) => (results[i] instanceof Error ? b.reject(results[i]) : b.resolve(results[i] as R)));
      } catch (error) {
        for (const b of batch) b.reject(error);
      }
    }
    this.flushing = false;
  }
}
