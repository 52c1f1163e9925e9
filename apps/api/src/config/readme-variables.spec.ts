import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configSchema } from './app-config';

/*
 * Issue 11, defect 13: every environment variable the API reads is in the README's
 * Configuration table, so an operator finds each one (and its default) in one place.
 */
const apiSrc = join(__dirname, '..');
const readme = readFileSync(join(apiSrc, '..', '..', '..', 'README.md'), 'utf8');

/** The first column of the table under "## Configuration". */
function documented(): Set<string> {
  const section = readme.split(/^## Configuration$/m)[1]?.split(/^## /m)[0] ?? '';
  return new Set([...section.matchAll(/^\| `([A-Z0-9_]+)` \|/gm)].map((match) => match[1]));
}

/** `process.env.X` and `process.env['X']` in the API's sources (tests aside). */
function readInSources(dir = apiSrc): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return readInSources(path);
    if (!entry.name.endsWith('.ts') || entry.name.endsWith('.spec.ts')) return [];
    return [...readFileSync(path, 'utf8').matchAll(/process\.env(?:\.([A-Z0-9_]+)|\[['"]([A-Z0-9_]+)['"]\])/g)].map((match) => match[1] ?? match[2]);
  });
}

describe('the README documents every variable the API reads', () => {
  const table = documented();

  it('finds the table', () => {
    expect(table.size).toBeGreaterThan(20);
  });

  it.each(Object.keys(configSchema.shape))('%s (app-config.ts) is in the README’s Configuration table', (name) => {
    expect(table.has(name) ? name : `${name} missing from README.md`).toBe(name);
  });

  it('so is every process.env variable read elsewhere in apps/api/src', () => {
    expect([...new Set(readInSources())].filter((name) => !table.has(name))).toEqual([]);
  });
});
