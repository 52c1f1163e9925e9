/** Unit tests of the admin's pure logic (CommonJS config: the package is "type": "module"). */
module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/server/**/*.spec.ts', '<rootDir>/src/**/*.spec.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } } } },
    ],
  },
  moduleNameMapper: { '^@pivot/domain$': '<rootDir>/../../packages/domain/src/index.ts' },
  reporters: ['default', ['<rootDir>/../../scripts/jest-results-reporter.cjs', { name: 'admin' }]],
};
