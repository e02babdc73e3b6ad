/**
 * Reads item N+1 while item N's write is in flight, and keeps the writes in order, one at a time.
 * The reads are CPU work in this process (SQLite, folding, deciding) and the writes mostly wait on
 * Redis, so on two cores the two overlap instead of taking turns. A failed write stops the loop
 * before the next write starts; `read` must not depend on a write having landed.
 */
export async function overlapped<T>(read: () => Promise<T | undefined>, write: (item: T) => Promise<void>): Promise<void> {
  let inFlight: Promise<void> = Promise.resolve();
  try {
    for (let item = await read(); item !== undefined; item = await read()) {
      await inFlight;
      inFlight = write(item);
      // Awaited at the next turn or below; until then a rejection must not count as unhandled.
      inFlight.catch(() => undefined);
    }
  } finally {
    await inFlight;
  }
}
