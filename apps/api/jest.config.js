/**
 * API tests: unit specs beside the code (src/**\/*.spec.ts) and HTTP tests against the real
 * app and a real PostgreSQL (test/**\/*.e2e-spec.ts). The global setup starts the server once
 * and migrates + seeds a template database; each test file clones its own copy.
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  transform: { '^.+\\.(t|j)s$': swc },
  // Nest 12 ships ES modules only; the compiled dist/ used by the global setup stays untouched.
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs)/)', '<rootDir>/dist/'],
  globalSetup: '<rootDir>/test/support/global-setup.cjs',
  globalTeardown: '<rootDir>/test/support/global-teardown.cjs',
  testTimeout: 60_000,
  maxWorkers: 2,
  // How long a worker may take to be gone once told to stop before it is killed with "failed to
  // exit gracefully". Jest's 500 ms assumes an idle machine: at a load of 17 on 2 cores a worker
  // with nothing left open (its 'exit' event fires within 1-50 ms) was still killed. A worker kept
  // alive by a handle a test left open still is, after this; --detectOpenHandles finds none.
  workerGracefulExitTimeout: 5_000,
  reporters: ['default', ['<rootDir>/../../scripts/jest-results-reporter.cjs', { name: 'api' }]],
};
