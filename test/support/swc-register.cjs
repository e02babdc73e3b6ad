/* eslint-disable */
// Lets a child process run the TypeScript sources directly: the fault suite starts the real
// apps/api/src/main.ts and apps/worker/src/main.ts with it. The suites' child processes (the fault suite, the projection worker killed by the crash test, benchmarks from sources) use it;
// plus one rule: an extension-less relative import prefers `x.ts` over `x.json` (Node tries .json
// first; libs/reminders has reminder-policy.ts beside reminder-policy.json).
const { createHash } = require('node:crypto');
const { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { transformSync } = require('@swc/core');
const Module = require('node:module');
const { dirname, join, resolve: resolvePath } = require('node:path');

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  const alias = /^@tdnv\/([a-z-]+)$/.exec(request);
  if (alias) return resolve.call(this, join(__dirname, '..', '..', 'libs', alias[1], 'src', 'index.ts'), parent, ...rest);
  if (request.startsWith('.') && parent?.filename && !/\.[a-z]+$/i.test(request)) {
    const ts = resolvePath(dirname(parent.filename), `${request}.ts`);
    if (existsSync(ts)) return ts;
  }
  return resolve.call(this, request, parent, ...rest);
};
// Compiled files are kept on disk by path, size and time, so a restarted process (the suite kills
// and restarts several) loads in a fraction of the time.
const CACHE = join(tmpdir(), 'tdnv-swc-cache');
mkdirSync(CACHE, { recursive: true });
require.extensions['.ts'] = function (module, filename) {
  const { size, mtimeMs } = statSync(filename);
  const cached = join(CACHE, `${createHash('sha1').update(`${filename}|${size}|${mtimeMs}`).digest('hex')}.js`);
  let code;
  try {
    code = readFileSync(cached, 'utf8');
  } catch {
    code = transformSync(readFileSync(filename, 'utf8'), {
      filename,
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
      },
      module: { type: 'commonjs' },
    }).code;
    writeFileSync(`${cached}.${process.pid}`, code);
    require('node:fs').renameSync(`${cached}.${process.pid}`, cached);
  }
  module._compile(code, filename);
};
