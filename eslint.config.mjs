// Flat config: typescript-eslint's recommended rules, plus the boundary the design insists on:
// the domain imports no framework, database, queue or event-store client.
import tseslint from 'typescript-eslint';

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
    files: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['@nestjs/*', 'bullmq', 'ioredis', 'better-sqlite3', 'pg', '@eventstore/*', 'node:*', 'fs', 'path'] },
      ],
    },
  },
);
