/**
 * A group's standings as one text, "C:3,O2026-03-15:2,T:5" (standing, then the number of tasks in
 * it): the month-end lists (stats-tally.store.ts) are stored so, and the counters are handed back so
 * (`standingsListSql`), so /stats reads one text per group instead of a row per counter. Standings
 * (buckets.ts standingOf) hold neither `,` nor `:`.
 */
export const standingsListSql = (standing: string, n: string): string => `string_agg(${standing} || ':' || ${n}, ',')`;

/** Calls `fn` with each standing of `list` and its number. */
export function forEachStanding(list: string, fn: (standing: string, n: number) => void): void {
  let from = 0;
  while (from < list.length) {
    const comma = list.indexOf(',', from);
    const end = comma < 0 ? list.length : comma;
    const colon = list.lastIndexOf(':', end - 1);
    fn(list.slice(from, colon), Number(list.slice(colon + 1, end)));
    from = end + 1;
  }
}

/** The list of `counts`, in standing order (the same counts, the same text), without zeros. */
export function standingsList(counts: Map<string, number>): string {
  return [...counts]
    .filter(([, n]) => n !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([standing, n]) => `${standing}:${n}`)
    .join(',');
}
