// npm run bench -- abilities [--iterations 200000] [--json]
// The cost of what every API request does: build the caller's ability from their role
// assignments, and check permissions on rows. Each figure is printed with a baseline measured
// in the same run: a hand-written scope check doing the same decision without CASL.
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';
import { JSON_FLAG, readFlags } from './lib/harness.mjs';

const require = createRequire(import.meta.url);
const { defineAbilityFor, asSubject } = require('../../packages/domain/dist/index.js');

export const description = 'building an ability and checking rows with it (CASL) vs a hand-written scope check';

const FLAGS = {
  iterations: { type: 'number', default: 200_000, min: 10, help: 'checks per row (builds: a tenth of it)' },
  ...JSON_FLAG,
};

const brandId = randomUUID();
const global = randomUUID();
const regions = Array.from({ length: 3 }, () => randomUUID());
const markets = Array.from({ length: 40 }, (_, i) => ({ id: randomUUID(), region: regions[i % 3] }));
const pages = markets.flatMap((m) => {
  const market = { id: m.id, brandId, scopeIds: [global, m.region, m.id], name: 'm' };
  const segments = Array.from({ length: 4 }, () => {
    const id = randomUUID();
    return { id, brandId, scopeIds: [global, m.region, m.id, id], name: 's' };
  });
  return [market, ...segments];
});

const grantAt = (role, page) => ({ role, brandId, scopePageId: page.id, scopeIds: page.scopeIds });
const fr = pages[0];
const actors = {
  'market manager (1 grant)': { userId: randomUUID(), grants: [grantAt('MARKET_MANAGER', fr)] },
  'moderator in 20 markets': { userId: randomUUID(), grants: pages.filter((_, i) => i % 5 === 0).slice(0, 20).map((p) => grantAt('MODERATOR', p)) },
};

function time(label, iterations, fn) {
  for (let i = 0; i < Math.min(iterations, 10_000); i += 1) fn(i); // warm-up
  const start = process.hrtime.bigint();
  let sink = 0;
  for (let i = 0; i < iterations; i += 1) sink += fn(i) ? 1 : 0;
  const ns = Number(process.hrtime.bigint() - start) / iterations;
  return { label, nsPerOp: ns, sink };
}

export async function run(args) {
  const { flags, exitCode } = readFlags(args, { name: 'abilities', description, flags: FLAGS });
  if (!flags) return exitCode;
  const rows = measureAll(flags.iterations);
  const fmt = (ns) => (ns >= 1000 ? `${(ns / 1000).toFixed(2)} µs` : `${ns.toFixed(0)} ns`);
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(rows.map(([m, b]) => ({ measure: m.label, nsPerOp: m.nsPerOp, baseline: b.label, baselineNsPerOp: b.nsPerOp, ratio: m.nsPerOp / b.nsPerOp })), null, 2)}\n`);
  } else {
    process.stdout.write(`abilities benchmark (${pages.length} pages, ${flags.iterations} checks per row)\n\n`);
    for (const [m, b] of rows) {
      process.stdout.write(`${m.label.padEnd(52)} ${fmt(m.nsPerOp).padStart(10)}   vs ${b.label.padEnd(34)} ${fmt(b.nsPerOp).padStart(10)}   ratio ${(m.nsPerOp / b.nsPerOp).toFixed(1)}×\n`);
    }
  }
  return 0;
}

function measureAll(iterations) {
  const rows = [];
  for (const [name, actor] of Object.entries(actors)) {
    const build = time(`build ability: ${name}`, iterations / 10, () => defineAbilityFor(actor));
    // Baseline: what a hand-rolled check needs per request: the set of scope ids.
    const buildBase = time('baseline: Set of scope ids', iterations / 10, () => new Set(actor.grants.map((g) => g.scopePageId)));
    rows.push([build, buildBase]);

    const ability = defineAbilityFor(actor);
    const subjects = pages.map((p) => asSubject('Page', p));
    const check = time(`can('read', page): ${name}`, iterations, (i) => ability.can('read', subjects[i % subjects.length]));
    const scopes = new Set(actor.grants.map((g) => g.scopePageId));
    const checkBase = time('baseline: scopeIds.some(set.has)', iterations, (i) => pages[i % pages.length].scopeIds.some((id) => scopes.has(id)));
    rows.push([check, checkBase]);
    const field = time(`can('update', page, 'name'): ${name}`, iterations, (i) => ability.can('update', subjects[i % subjects.length], 'name'));
    rows.push([field, checkBase]);
  }
  return rows;
}

