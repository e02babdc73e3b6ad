/**
 * The last folded state of recently commanded streams, so a command on a hot stream need not read
 * and fold its whole history again (reading and parsing the events was a fifth of a command's CPU).
 * An entry is only used after the store confirms the stream is still at its revision: another
 * process (the worker appending reminders, a second API) may have written since. States are never
 * mutated (evolve returns a new one), so handing out the cached object is safe.
 * Least recently used entries go first once `capacity` streams are held.
 *
 * Across API instances the cache is never trusted for an answer other than a successful append
 * (runStreamCommand): test/faults/stream-state-cache.two-instances.spec.ts makes a second instance
 * change the stream and checks the refusal, the conflict and the no-op paths.
 */
export class StreamStateCache<S> {
  private readonly entries = new Map<string, { revision: number; state: S }>();

  constructor(private readonly capacity = 20_000) {}

  get(stream: string): { revision: number; state: S } | undefined {
    const entry = this.entries.get(stream);
    if (entry) {
      // Re-inserting moves the entry to the end of the Map's order: the eviction order is recency.
      this.entries.delete(stream);
      this.entries.set(stream, entry);
    }
    return entry;
  }

  set(stream: string, revision: number, state: S): void {
    this.entries.delete(stream);
    this.entries.set(stream, { revision, state });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }
}
