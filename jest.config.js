/** Jest runs TypeScript through ts-jest in transpile-only mode; `npm test` type-checks the whole tree first. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  // Suites that start the service train five language models and may start Chromium: on a busy 2-core machine
  // their setup can pass a minute (a time limit here only stops a hung run; it asserts nothing).
  testTimeout: 180000,
  setupFiles: ['<rootDir>/test/support/env.ts'],
};
