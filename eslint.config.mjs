// Flat config: typescript-eslint's recommended rules, plus the boundary the design insists on:
// the domain imports no framework, database, queue or event-store client.
import tseslint from 'typescript-eslint';

// Import boundaries (issue 10): a lib is entered only through its one door, `@tdnv/<lib>` (its
// src/index.ts); an app imports libs, never another app; a lib never imports an app.
const BOUNDARIES = [
  // Data files (JSON) may be read where they lie.
  { regex: '^(\\.\\./)+(libs/)?[a-z-]+/src(/(?!.*\\.json$)|$)', message: 'Import another lib through its one door: @tdnv/<lib>.' },
];
const NO_APPS = { regex: '^(\\.\\./)+apps/', message: 'A lib never imports an app.' };
const APPS = ['api', 'worker', 'cli', 'web'];
const otherApps = (app) => ({
  regex: `^(\\.\\./)+(apps/)?(${APPS.filter((a) => a !== app).join('|')})/src`,
  message: 'An app imports libs, never another app.',
});

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'scripts/*.js', '*.config.js'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    rules: { 'no-restricted-imports': ['error', { patterns: BOUNDARIES }] },
  },
  ...APPS.map((app) => ({
    files: [`apps/${app}/**/*.{ts,tsx}`],
    rules: { 'no-restricted-imports': ['error', { patterns: [...BOUNDARIES, otherApps(app)] }] },
  })),
  {
    files: ['libs/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...BOUNDARIES, NO_APPS] }] },
  },
  {
    files: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...BOUNDARIES,
            NO_APPS,
            {
              group: ['@nestjs/*', 'bullmq', 'ioredis', 'better-sqlite3', 'pg', '@eventstore/*', 'node:*', 'fs', 'path'],
              message: 'The domain is pure: no framework, database, queue or I/O.',
            },
          ],
        },
      ],
    },
  },
);
