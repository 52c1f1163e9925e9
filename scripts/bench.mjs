#!/usr/bin/env node
// Benchmarks: `npm run bench -- <name> [options]` runs scripts/bench/<name>.mjs with the
// remaining arguments. The root "bench" script builds everything first.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = join(import.meta.dirname, 'bench');
const available = existsSync(dir)
  ? readdirSync(dir)
      .filter((file) => file.endsWith('.mjs'))
      .map((file) => file.slice(0, -'.mjs'.length))
      .sort()
  : [];

const [name, ...args] = process.argv.slice(2);

function usage(stream) {
  stream.write(
    [
      'Usage: npm run bench -- <name> [options]',
      '       node scripts/bench.mjs <name> [options]   (after npm run build)',
      '',
      'Available benchmarks:',
      ...available.map((bench) => `  ${bench}`),
      '',
      'Run `node scripts/bench.mjs <name> --help` for the options of one benchmark.',
      '',
    ].join('\n'),
  );
}

if (name === '--help' || name === '-h' || name === 'help') {
  usage(process.stdout);
  process.exit(0);
}
if (!name || !available.includes(name)) {
  if (name) process.stderr.write(`Unknown benchmark "${name}".\n\n`);
  usage(process.stderr);
  process.exit(2);
}

try {
  // A benchmark either exports `run(args)` (resolving to an exit code) or runs when imported,
  // reading process.argv itself (its own arguments follow its name there too).
  const bench = await import(pathToFileURL(join(dir, `${name}.mjs`)).href);
  if (typeof bench.run === 'function') {
    const code = await bench.run(args);
    process.exitCode = typeof code === 'number' ? code : 0;
  }
} catch (error) {
  process.stderr.write(`bench ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
}
