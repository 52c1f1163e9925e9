// Prints the final "N passed, N failed" line from the per-workspace results of `npm test`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TEST_RESULTS_DIR ?? join(import.meta.dirname, '..', '.test-results');
const expected = (process.argv[2] ?? '').split(',').filter(Boolean);
let passed = 0;
let failed = 0;
let skipped = 0;
const seen = new Set();
if (existsSync(dir)) {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const result = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    seen.add(result.name);
    passed += result.passed;
    failed += result.failed + result.brokenFiles;
    skipped += result.skipped;
    process.stdout.write(`  ${result.name}: ${result.passed} passed, ${result.failed + result.brokenFiles} failed\n`);
  }
}
// A suite that never reported (crashed before its reporter ran) is a failure too.
for (const name of expected) if (!seen.has(name)) { failed += 1; process.stdout.write(`  ${name}: did not report\n`); }
process.stdout.write(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
process.exit(failed > 0 ? 1 : 0);
