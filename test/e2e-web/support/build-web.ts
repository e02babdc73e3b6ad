import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

export const ROOT = join(__dirname, '../../..');
export const WEB_DIST = join(ROOT, 'dist/web');
const WEB_SRC = join(ROOT, 'apps/web');
const LOCK = join(ROOT, 'dist/.web-build.lock');

function newest(dir: string): number {
  let max = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    max = Math.max(max, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return max;
}

const isFresh = (): boolean => {
  const index = join(WEB_DIST, 'index.html');
  return existsSync(index) && statSync(index).mtimeMs >= newest(WEB_SRC);
};

/**
 * Builds dist/web when it is missing or older than apps/web. Vite runs in a child process (it is
 * ESM-only, jest's module loader is not); a lock folder keeps two test files from building into the
 * same folder at once.
 */
export async function ensureWebBuilt(): Promise<void> {
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  for (let waited = 0; ; waited += 200) {
    if (isFresh()) return;
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      if (waited > 120_000) rmSync(LOCK, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 200)); // another suite is building: wait for its result
    }
  }
  try {
    if (isFresh()) return;
    await promisify(execFile)(
      process.execPath,
      [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'apps/web/vite.config.ts'],
      {
        cwd: ROOT,
        env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
      },
    );
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
