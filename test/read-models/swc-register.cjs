/* eslint-disable */
// Lets a child process run the TypeScript sources directly (the tests spawn a real worker with it).
const { readFileSync } = require('node:fs');
const { transformSync } = require('@swc/core');
const Module = require('node:module');
const { join } = require('node:path');

// `@tdnv/<lib>` is a lib's one door, its src/index.ts (tsconfig.json "paths").
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const alias = /^@tdnv\/([a-z-]+)$/.exec(request);
  return resolve.call(this, alias ? join(__dirname, '..', '..', 'libs', alias[1], 'src', 'index.ts') : request, ...rest);
};
require.extensions['.ts'] = function (module, filename) {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, target: 'es2022' },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
