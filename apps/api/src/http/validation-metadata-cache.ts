import { getMetadataStorage, MetadataStorage } from 'class-validator';

type Lookup = MetadataStorage['getTargetValidationMetadatas'];
type Metadatas = ReturnType<Lookup>;

const CACHED = Symbol('tdnv.validation-metadata-cache');

/**
 * class-validator looks up a DTO's rules on every validation, and the lookup walks every class
 * that has rules (an `instanceof` per class, for inherited rules): its cost grows with the number
 * of DTOs in the app, on every request with a body. The rules of a class are fixed once its module
 * is loaded, so the answer is kept per (class, always, strictGroups); registering a new rule (a
 * class defined later, as tests do) forgets everything. Lookups with a schema or groups (unused
 * here) go to the library unchanged.
 */
export function cacheValidationMetadata(storage: MetadataStorage = getMetadataStorage()): void {
  const marked = storage as MetadataStorage & { [CACHED]?: true };
  if (marked[CACHED]) return;
  marked[CACHED] = true;
  const lookup: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  const add = storage.addValidationMetadata.bind(storage);
  const cache = new Map<string, WeakMap<object, Metadatas>>();
  storage.addValidationMetadata = (metadata) => {
    cache.clear();
    add(metadata);
  };
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    if (schema || groups?.length) return lookup(target, schema, always, strictGroups, groups);
    const flags = `${always}|${strictGroups}`;
    let byClass = cache.get(flags);
    if (!byClass) cache.set(flags, (byClass = new WeakMap()));
    let found = byClass.get(target);
    if (!found) byClass.set(target, (found = lookup(target, schema, always, strictGroups, groups)));
    return found;
  };
}
