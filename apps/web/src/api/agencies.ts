import { useEffect, useState } from 'preact/hooks';
import { get } from './client';
import { Agency } from './types';
import { AgencyIndex, indexAgencies } from './agency-index';

export * from './agency-index';

/** The catalogue changes rarely: loaded once per page load and shared by every page. */
let catalogue: Promise<Agency[]> | undefined;
let loadedIndex: AgencyIndex | undefined;

export function loadAgencies(): Promise<Agency[]> {
  catalogue ??= get<{ items: Agency[] }>('/agencies').then(
    (r) => {
      loadedIndex = indexAgencies(r.items);
      return r.items;
    },
    (e: unknown) => {
      catalogue = undefined;
      throw e;
    },
  );
  return catalogue;
}

export function forgetAgencies(): void {
  catalogue = undefined;
  loadedIndex = undefined;
}

/** The catalogue as an index, for a component: at once when already loaded, else after the one request. */
export function useAgencies(): AgencyIndex | undefined {
  const [index, setIndex] = useState<AgencyIndex | undefined>(loadedIndex);
  useEffect(() => {
    if (!index)
      void loadAgencies().then(
        () => setIndex(loadedIndex),
        () => undefined,
      );
  }, []);
  return index;
}
