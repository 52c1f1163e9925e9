// Writes each jest run's totals to <repo>/.test-results/<name>.json, so .ci/run can print
// one "N passed, N failed" line for every workspace (and the browser tests) together.
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

class ResultsReporter {
  constructor(_globalConfig, options = {}) {
    this.name = options.name ?? 'jest';
  }

  onRunComplete(_contexts, results) {
    const dir = process.env.TEST_RESULTS_DIR ?? join(__dirname, '..', '.test-results');
    mkdirSync(dir, { recursive: true });
    const summary = {
      name: this.name,
      passed: results.numPassedTests,
      failed: results.numFailedTests,
      skipped: results.numPendingTests + results.numTodoTests,
      // A file that failed to load ran no test: count it as a failure so it cannot hide.
      brokenFiles: results.numRuntimeErrorTestSuites,
    };
    writeFileSync(join(dir, `${this.name}.json`), JSON.stringify(summary, null, 2));
  }
}

module.exports = ResultsReporter;
