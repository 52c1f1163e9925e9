// Writes each Playwright run's totals to <repo>/.test-results/<name>.json (the same shape as
// jest-results-reporter.cjs), so .ci/run can print the browser tests with the others.
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

class PlaywrightResultsReporter {
  constructor(options = {}) {
    this.name = options.name ?? 'browser';
    this.suite = null;
    this.errors = 0;
  }

  printsToStdio() {
    return false;
  }

  onBegin(_config, suite) {
    this.suite = suite;
  }

  /** Errors outside any test: a spec file that fails to load, a global setup that throws. */
  onError() {
    this.errors += 1;
  }

  onEnd(result) {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    // Each test once, by its final outcome: flaky (passed on retry) passed; timed out or
    // interrupted failed (Playwright reports an interrupted test as "skipped").
    for (const test of this.suite ? this.suite.allTests() : []) {
      const statuses = test.results.map((r) => r.status);
      const outcome = test.outcome();
      if (statuses.includes('interrupted') || statuses.at(-1) === 'timedOut') failed += 1;
      else if (outcome === 'expected' || outcome === 'flaky') passed += 1;
      else if (outcome === 'skipped') skipped += 1;
      else failed += 1;
    }
    // A run that failed without a failing test (setup error, load error) must not read as green.
    if (failed === 0 && (this.errors > 0 || (result.status !== 'passed' && passed + skipped === 0))) failed = Math.max(1, this.errors);
    const dir = process.env.TEST_RESULTS_DIR ?? join(__dirname, '..', '.test-results');
    mkdirSync(dir, { recursive: true });
    const summary = { name: this.name, passed, failed, skipped, brokenFiles: 0 };
    writeFileSync(join(dir, `${this.name}.json`), JSON.stringify(summary, null, 2));
  }
}

module.exports = PlaywrightResultsReporter;
