#!/usr/bin/env node
/**
 * The JS a first visit downloads: the entry script of dist/index.html plus every chunk it
 * modulepreloads, gzip-compressed. Fails over the budget (300 KB gzip, issue #3).
 * Lazy route chunks (the map, the tree, later areas) are not counted: they load on navigation.
 *
 * Usage: node scripts/bundle-size.mjs   (after `vite build`)
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 300 * 1024;
const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const html = readFileSync(join(dist, 'index.html'), 'utf8');

const scripts = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((match) => match[1]);
const preloads = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((match) => match[1]);
const files = [...new Set([...scripts, ...preloads])];
if (files.length === 0) {
  console.error('no entry script in dist/index.html: run vite build first');
  process.exit(1);
}

let total = 0;
for (const file of files) {
  const size = gzipSync(readFileSync(join(dist, file.replace(/^\//, '')))).length;
  total += size;
  console.log(`${(size / 1024).toFixed(1).padStart(8)} KB  ${file}`);
}
const verdict = total <= BUDGET_BYTES ? 'within' : 'OVER';
console.log(`${(total / 1024).toFixed(1).padStart(8)} KB  initial JS, gzip (${verdict} the ${BUDGET_BYTES / 1024} KB budget)`);
process.exit(total <= BUDGET_BYTES ? 0 : 1);
