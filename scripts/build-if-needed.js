#!/usr/bin/env node
// `npm start` builds when dist/ is missing or older than any source file, so a fresh clone needs
// only `npm ci && npm start`. Two parts, each with its own stamp so a change to one does not
// rebuild the other: the server (tsc → dist/, stamp dist/.build-stamp) and the web pages
// (vite → dist/web, stamp dist/web/index.html). Plain JavaScript: it runs before anything is compiled.
const { execFileSync } = require('node:child_process');
const { existsSync, readdirSync, statSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const WEB = join(root, 'apps', 'web');

function newestSource(dir, pattern, skip) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!skip || path !== skip) newest = Math.max(newest, newestSource(path, pattern, skip));
    } else if (pattern.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

const stale = (stamp, sources) => !existsSync(stamp) || statSync(stamp).mtimeMs < sources;

function run(label, args) {
  console.error(`Building ${label}…`);
  try {
    execFileSync(process.execPath, args, {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
    });
  } catch {
    console.error(`Build failed (${label}): see the errors above.`);
    process.exit(1);
  }
}

// The server: TypeScript and JSON under apps (except the web app), libs, bench, scripts.
const serverStamp = join(root, 'dist', '.build-stamp');
const serverSources = Math.max(
  ...['apps', 'libs', 'bench', 'scripts']
    .filter((d) => existsSync(join(root, d)))
    .map((d) => newestSource(join(root, d), /\.(ts|json)$/, WEB)),
  statSync(join(root, 'tsconfig.json')).mtimeMs,
  statSync(join(root, 'tsconfig.build.json')).mtimeMs,
);
if (stale(serverStamp, serverSources)) {
  run('the server (tsc -p tsconfig.build.json)', [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json']);
  // `@tdnv/<lib>` imports become relative paths in dist/, so plain node runs the build.
  run('the import aliases (tsc-alias)', [require.resolve('tsc-alias/dist/bin/index.js'), '-p', 'tsconfig.build.json']);
  writeFileSync(serverStamp, new Date().toISOString());
}

// The web pages: everything under apps/web (.ts, .tsx, .css, .html, the config) and the holiday
// data the pages bundle. Vite writes index.html last, so its time is the build's stamp.
if (existsSync(WEB)) {
  const webSources = Math.max(
    newestSource(WEB, /\.(ts|tsx|css|html|json|svg)$/),
    statSync(join(root, 'libs', 'calendar', 'src', 'vn-holidays.data.json')).mtimeMs,
  );
  if (stale(join(root, 'dist', 'web', 'index.html'), webSources)) {
    run('the web pages (vite build)', [
      join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      'apps/web/vite.config.ts',
    ]);
  }
}
