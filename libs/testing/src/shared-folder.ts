import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** `../shared` beside the repository (seeds, gold annotations); SHARED_DIR points elsewhere. */
export const SHARED_DIR = resolve(process.env.SHARED_DIR ?? join(__dirname, '../../../../shared'));

/**
 * A path in the shared folder. Tests that need it fail loudly when it is missing: a silently
 * skipped gold check would let the parser's accuracy fall unseen.
 */
export function sharedPath(...parts: string[]): string {
  const path = join(SHARED_DIR, ...parts);
  if (!existsSync(path))
    throw new Error(`${path} is missing: the tests need the shared folder (seeds, gold) beside the repository, or SHARED_DIR set to it`);
  return path;
}

export const readShared = (...parts: string[]): string => readFileSync(sharedPath(...parts), 'utf8');
