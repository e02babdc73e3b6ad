/**
 * Memoises a pure one-argument function of a string, for the projections' derived columns (local
 * date of an instant, search key of a text, effective due date): a rebuild asks the same question
 * for thousands of tasks of one notice, and each answer costs time-zone or calendar arithmetic.
 * The cache is dropped when it grows past `max`, so a long-running worker stays bounded.
 */
export function memoize<T>(fn: (key: string) => T, max = 50_000): (key: string) => T {
  const cache = new Map<string, T>();
  return (key: string): T => {
    const hit = cache.get(key);
    if (hit !== undefined || cache.has(key)) return hit as T;
    if (cache.size >= max) cache.clear();
    const value = fn(key);
    cache.set(key, value);
    return value;
  };
}
