// Checks the architecture's rules on the tree under the working directory:
//   1. the rules of /.dependency-cruiser.cjs (file level), run by dependency-cruiser;
//   2. no circle between rooms (API domain folders, admin features): dependency-cruiser sees
//      circles between files only, so its graph is collapsed here to one node per room.
//
//   node packages/architecture/src/check.mjs [--config FILE] [--json]   (from the repository root)
// Exits 1 and lists every breach when there is one.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cruise } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';

/** Folders whose dependencies on each other must form no circle: the first group names the room. */
export const ROOMS = [
  { name: 'api-domain-folders', pattern: /^apps\/api\/src\/([^/]+)\// },
  { name: 'admin-features', pattern: /^apps\/admin\/src\/features\/([^/]+)\// },
];

/**
 * Wiring files assemble every room (as app.module.ts does from the API's root, outside any
 * room): what they import says nothing about how the rooms depend on each other.
 */
export const WIRING = [
  /^apps\/api\/src\/database\/data-source-options\.ts$/, // the entity list TypeORM needs
  /^apps\/api\/src\/database\/migrate\.ts$/, // migrates the schema and pg-boss's queues
  /^apps\/api\/src\/database\/seed\//, // writes the demo rows of every domain
];

const TESTS = /\.spec\.tsx?$|\/test\/|\/e2e\//;
const SEARCHED = ['apps', 'packages'];

/** Strongly connected components with more than one node (Tarjan). */
function circles(graph) {
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  let next = 0;
  const visit = (node) => {
    index.set(node, next);
    low.set(node, next);
    next += 1;
    stack.push(node);
    onStack.add(node);
    for (const to of graph.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node), low.get(to)));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node), index.get(to)));
    }
    if (low.get(node) === index.get(node)) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return found;
}

/** One breach per circle of rooms, naming an import behind each of its edges. */
export function roomCircles(modules) {
  const breaches = [];
  for (const room of ROOMS) {
    const roomOf = (path) => room.pattern.exec(path)?.[1];
    const graph = new Map();
    const why = new Map();
    for (const module of modules) {
      const from = roomOf(module.source);
      if (!from || TESTS.test(module.source) || WIRING.some((wiring) => wiring.test(module.source))) continue;
      for (const dependency of module.dependencies) {
        const to = roomOf(dependency.resolved);
        if (!to || to === from) continue;
        if (!graph.has(from)) graph.set(from, new Set());
        graph.get(from).add(to);
        const edge = `${from} -> ${to}`;
        if (!why.has(edge)) why.set(edge, `${module.source} -> ${dependency.resolved}`);
      }
    }
    for (const component of circles(graph)) {
      const members = new Set(component);
      const edges = [...why.entries()]
        .filter(([edge]) => edge.split(' -> ').every((end) => members.has(end)))
        .map(([edge, files]) => `${edge} (${files})`);
      breaches.push({ rule: `no-circle-between-${room.name}`, circle: component, edges });
    }
  }
  return breaches;
}

export async function checkArchitecture({ config = resolve(import.meta.dirname, '../../../.dependency-cruiser.cjs') } = {}) {
  const options = await extractDepcruiseOptions(config);
  const searched = SEARCHED.filter((folder) => existsSync(folder));
  const { output } = await cruise(searched, { ...options, outputType: 'json' });
  const result = typeof output === 'string' ? JSON.parse(output) : output;
  const fileBreaches = result.summary.violations
    .filter((violation) => violation.rule.severity === 'error')
    .map((violation) => ({
      rule: violation.rule.name,
      from: violation.from,
      to: violation.to,
      ...(violation.cycle ? { cycle: violation.cycle.map((step) => step.name ?? step) } : {}),
    }));
  return { modules: result.modules.length, breaches: [...fileBreaches, ...roomCircles(result.modules)] };
}

function describe(breach) {
  if (breach.circle) return `${breach.rule}: ${breach.circle.join(', ')}\n${breach.edges.map((edge) => `    ${edge}`).join('\n')}`;
  return `${breach.rule}: ${breach.from} -> ${breach.to}${breach.cycle ? ` (circle: ${breach.cycle.join(' -> ')})` : ''}`;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const configAt = args.indexOf('--config');
  const report = await checkArchitecture(configAt === -1 ? {} : { config: resolve(args[configAt + 1]) });
  if (args.includes('--json')) process.stdout.write(`${JSON.stringify(report)}\n`);
  else if (report.breaches.length === 0) process.stdout.write(`architecture: ${report.modules} modules, no breach\n`);
  else process.stdout.write(`${report.breaches.map(describe).join('\n')}\n${report.breaches.length} breach(es)\n`);
  process.exitCode = report.breaches.length === 0 ? 0 : 1;
}
