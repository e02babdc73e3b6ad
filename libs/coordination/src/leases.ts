/**
 * A lease makes a singleton safe when several workers run: only the holder does the work, and when
 * the holder dies the lease is free again within seconds. The work is given an AbortSignal that
 * fires if the lease is lost while it runs (a PostgreSQL session dropped, a Redis lease not renewed);
 * it should stop at its next step. Correctness never rests on the lease alone: every write the
 * singletons make is also guarded by the event store's expected revision or a checkpoint row lock,
 * so two holders in a split second (a lost Redis) would duplicate work, never results.
 */
export interface Leases {
  /** Runs `work` while holding `name`, or answers `{ ran: false }` at once when another instance holds it. */
  runExclusive<T>(name: string, work: (signal: AbortSignal) => Promise<T>): Promise<LeaseOutcome<T>>;
  close(): Promise<void>;
}

export type LeaseOutcome<T> = { ran: true; value: T } | { ran: false };

/** For one process only (tests, the embedded single-host setup): a lease is a flag in memory. */
export class LocalLeases implements Leases {
  private readonly held = new Set<string>();

  async runExclusive<T>(name: string, work: (signal: AbortSignal) => Promise<T>): Promise<LeaseOutcome<T>> {
    if (this.held.has(name)) return { ran: false };
    this.held.add(name);
    try {
      return { ran: true, value: await work(new AbortController().signal) };
    } finally {
      this.held.delete(name);
    }
  }

  async close(): Promise<void> {}
}
