import { get } from './client';
import { Agency } from './types';

/** The catalogue changes rarely: loaded once per page load and shared by every page. */
let catalogue: Promise<Agency[]> | undefined;

export function loadAgencies(): Promise<Agency[]> {
  catalogue ??= get<{ items: Agency[] }>('/agencies').then(
    (r) => r.items,
    (e: unknown) => {
      catalogue = undefined;
      throw e;
    },
  );
  return catalogue;
}

export function forgetAgencies(): void {
  catalogue = undefined;
}

export type AgencyIndex = Map<string, Agency>;
export const indexAgencies = (items: Agency[]): AgencyIndex => new Map(items.map((a) => [a.code, a]));

/** "BTC" → "Bộ Tài chính"; an unknown code is shown as it is. */
export function agencyName(index: AgencyIndex | undefined, code: string): string {
  const a = index?.get(code);
  return a ? a.name : code;
}

/** How many tasks a lead code makes: a group fans out into one per member. */
export function taskCount(index: AgencyIndex | undefined, code: string): number {
  return index?.get(code)?.members?.length ?? 1;
}
