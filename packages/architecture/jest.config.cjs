/** The whiteboard as a test: plain CommonJS specs, no transform (they run the checker as a child process). */
module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.cjs'],
  transform: {},
  testTimeout: 180_000,
  reporters: ['default', ['<rootDir>/../../scripts/jest-results-reporter.cjs', { name: 'architecture' }]],
};
