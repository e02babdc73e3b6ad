import { useEffect, useState } from 'preact/hooks';
import { get } from './client';
import { Agency } from './types';
import { AgencyIndex, indexAgencies } from './agency-index';

export * from './agency-index';

/** The catalogue changes rarely: loaded once per page load and shared by every page. */
let catalogue: Promise<Agency[]> | undefined;
let loadedIndex: AgencyIndex | undefined;
/** Components showing the catalogue, told when it is loaded again (a unit added from the import preview). */
const listeners = new Set<(index: AgencyIndex) => void>();

export function loadAgencies(): Promise<Agency[]> {
  catalogue ??= get<{ items: Agency[] }>('/agencies').then(
    (r) => {
      loadedIndex = indexAgencies(r.items);
      for (const listener of listeners) listener(loadedIndex);
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

/** The catalogue read again from the server (after a change), every component using it told. */
export function reloadAgencies(): Promise<Agency[]> {
  catalogue = undefined;
  return loadAgencies();
}

/**
 * The catalogue as an index, for a component: at once when already loaded, else after the one
 * request; again whenever it is reloaded.
 */
export function useAgencies(): AgencyIndex | undefined {
  const [index, setIndex] = useState<AgencyIndex | undefined>(loadedIndex);
  useEffect(() => {
    listeners.add(setIndex);
    if (!index)
      void loadAgencies().then(
        () => setIndex(loadedIndex),
        () => undefined,
      );
    return () => void listeners.delete(setIndex);
  }, []);
  return index;
}
