import { Agency } from './types';
import { fold } from '../lib/format';

/** Agencies as people read and find them: pure functions over the catalogue (no request, no component). */
export type AgencyIndex = Map<string, Agency>;
export const indexAgencies = (items: Agency[]): AgencyIndex => new Map(items.map((a) => [a.code, a]));

/** "BTC" → "Bộ Tài chính" (short: "Tài chính" where space is tight); an unknown code is shown as it is. */
export function agencyName(index: AgencyIndex | undefined, code: string, short = false): string {
  const a = index?.get(code);
  if (!a) return index ? code : '…';
  return short && a.shortName && a.kind !== 'province' ? a.shortName : a.name;
}

/** A short label for charts and chips: a province by its name ("Lào Cai"), a ministry by its usual short form. */
export function shortLabel(index: AgencyIndex | undefined, code: string): string {
  const a = index?.get(code);
  if (!a) return index ? code : '…';
  return a.shortName ?? a.name;
}

/** How many tasks a lead code makes: a group fans out into one per member. */
export function taskCount(index: AgencyIndex | undefined, code: string): number {
  return index?.get(code)?.members?.length ?? 1;
}

/** The words an agency is found by, folded: "bo tai chinh", "tp hcm", "btc" all find theirs. */
export function searchKeyOf(a: Agency): string {
  return ` ${fold([a.name, a.shortName ?? '', a.code, ...a.aliases].join(' ')).replace(/[^a-z0-9]+/g, ' ')} `;
}

/** Every word typed starts a word of the agency's names (diacritics, case and punctuation ignored). */
export function matchesAgency(a: Agency, query: string): boolean {
  const words = fold(query)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  const key = searchKeyOf(a);
  return words.every((w) => key.includes(` ${w}`));
}

/** Vietnamese alphabetical order of names. */
export const byName = (index: AgencyIndex | undefined) => (a: string, b: string) =>
  agencyName(index, a).localeCompare(agencyName(index, b), 'vi');
