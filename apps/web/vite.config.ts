// Builds the pages into dist/web at the repo root; the API serves that folder at `/`
// (apps/api/src/web/serve-web.ts). No framework plugin: Oxc compiles the JSX for Preact.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: '/',
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  // `@tdnv/<lib>` is a lib's one door (its src/index.ts), as in tsconfig.json.
  resolve: { alias: [{ find: /^@tdnv\/([a-z-]+)$/, replacement: fileURLToPath(new URL('../../libs/$1/src/index.ts', import.meta.url)) }] },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // The first load is one small chunk; the pages are split so the inbox loads only what it needs.
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
  },
});
