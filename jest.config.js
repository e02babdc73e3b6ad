/** Unit specs live beside the code (libs/**, apps/**); integration and end-to-end flows in test/. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.test.ts'],
  transform: { '^.+\\.(ts|js|mjs)$': ['@swc/jest'] },
  // content-disposition 3 (used by @fastify/static for /docs) ships ESM only; jest on Node 20/22
  // cannot require() it, so it is transformed like our own code.
  transformIgnorePatterns: ['/node_modules/(?!content-disposition/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  // `@tdnv/<lib>` is a lib's one door, its src/index.ts (tsconfig.json "paths").
  moduleNameMapper: { '^@tdnv/([a-z-]+)$': '<rootDir>/libs/$1/src' },
  testTimeout: 30000,
  // Keeps the output readable on 2 cores while integration suites use real Redis/SQLite.
  maxWorkers: 2,
};
