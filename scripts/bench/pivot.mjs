// The public pivot under load: the compiled API (its own throwaway embedded PostgreSQL, the
// seeded demo brand) against a bare node:http server answering the same JSON from memory.
// Both are child processes measured one after the other with the same autocannon settings.
//
//   npm run bench -- pivot [--duration 10] [--warmup 3] [--connections 100] [--rate 0] [--json]
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup, CPU_PROF_FLAG, JSON_FLAG, machine, measure, readFlags, startApi, startBaseline } from './lib/harness.mjs';

export const description = 'the public pivot (GET /pivot/:brand/resolve) vs a bare node:http server';

const TARGETS = { minRatio: 0.5, maxP99Ms: 10 };
const BRAND = 'northwind';

/** What visitors send: query parameters, or Cloudflare's country header and the browser's languages. */
const REQUESTS = [
  { label: 'LU developer (alias to FR)', path: `/pivot/${BRAND}/resolve?country=LU&segment=developer` },
  { label: 'BE lang=nl (variant)', path: `/pivot/${BRAND}/resolve?country=BE&lang=nl` },
  { label: 'DE developer (no page: market)', path: `/pivot/${BRAND}/resolve?country=DE&segment=developer` },
  { label: 'JP', path: `/pivot/${BRAND}/resolve?country=JP` },
  {
    label: 'EE via headers (region fallback)',
    path: `/pivot/${BRAND}/resolve`,
    headers: { 'cf-ipcountry': 'EE', 'accept-language': 'et-EE,et;q=0.9,en-US;q=0.8,en;q=0.7' },
  },
];
const REFERENCE = `/pivot/${BRAND}/resolve?country=LU&segment=developer`;

const FLAGS = {
  duration: { type: 'number', default: 10, min: 1, help: 'seconds of measurement per server' },
  warmup: { type: 'number', default: 3, min: 0, help: 'seconds of warm-up per server (not counted)' },
  connections: { type: 'number', default: 100, min: 1, help: 'concurrent connections' },
  rate: { type: 'number', default: 0, min: 0, help: 'offered load in requests/s over all connections (0: as fast as they go)' },
  ...JSON_FLAG,
  ...CPU_PROF_FLAG,
};

export async function run(args) {
  const { flags, exitCode } = readFlags(args, { name: 'pivot', description, flags: FLAGS });
  if (!flags) return exitCode;
  const say = flags.json ? () => undefined : (line) => process.stderr.write(`${line}\n`);

  const profileDir = join(tmpdir(), `pivot-cpu-prof-${Date.now()}`);
  try {
    say('Starting the API on a throwaway embedded PostgreSQL…');
    const api = await startApi({ nodeArgs: flags.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [] });
    say(`  ready in ${(api.bootMs / 1000).toFixed(1)} s at ${api.baseUrl}`);

    // Every rotated request must answer 200 before we time anything.
    const checks = [];
    for (const request of REQUESTS) {
      const res = await fetch(api.baseUrl + request.path, { headers: request.headers });
      const text = await res.text();
      if (res.status !== 200) throw new Error(`${request.path} answered ${res.status}: ${text}`);
      const answer = JSON.parse(text);
      checks.push({ request: request.label, page: answer.page?.name, trail: answer.trail });
    }
    for (const check of checks) say(`  ${check.request.padEnd(34)} → ${check.page}`);

    const reference = await fetch(api.baseUrl + REFERENCE);
    const body = await reference.text();
    const headers = {};
    for (const name of ['content-type', 'vary', 'cache-control']) {
      const value = reference.headers.get(name);
      if (value) headers[name] = value;
    }
    const baselineServer = await startBaseline({ body, headers });

    const load = { connections: flags.connections, durationS: flags.duration, warmupS: flags.warmup, rate: flags.rate };
    const requests = REQUESTS.map(({ path, headers: h }) => ({ method: 'GET', path, ...(h ? { headers: h } : {}) }));
    say(`Measuring the API: ${flags.warmup} s warm-up, ${flags.duration} s at ${flags.connections} connections…`);
    const apiResult = await measure({ url: api.baseUrl, requests, pid: api.process.child.pid, ...load });
    say(`Measuring the node:http baseline: same settings…`);
    const baselineResult = await measure({ url: baselineServer.baseUrl, requests, pid: baselineServer.process.child.pid, ...load });

    const ratio = baselineResult.requestsPerSec > 0 ? apiResult.requestsPerSec / baselineResult.requestsPerSec : 0;
    const met = { ratio: ratio >= TARGETS.minRatio, p99: apiResult.latencyMs.p99 < TARGETS.maxP99Ms };
    const apiUs = apiResult.serverCpu?.usPerRequest;
    const baseUs = baselineResult.serverCpu?.usPerRequest;
    const report = {
      bench: 'pivot',
      settings: { ...load, requests: REQUESTS.map((r) => r.label), responseBytes: Buffer.byteLength(body) },
      machine: machine(),
      api: apiResult,
      baseline: baselineResult,
      ratio: Number(ratio.toFixed(3)),
      /** Server CPU time per request, api / baseline: less disturbed by other load than req/s. */
      cpuPerRequestRatio: apiUs && baseUs ? Number((apiUs / baseUs).toFixed(2)) : null,
      targets: TARGETS,
      met: { ...met, all: met.ratio && met.p99 },
    };

    if (flags.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else process.stdout.write(table(report));
    return 0;
  } finally {
    say('Stopping the servers…');
    await cleanup();
    if (flags.cpuProf) process.stderr.write(`CPU profile of the API: ${profileDir}\n`);
  }
}

function table(report) {
  const rows = [
    ['', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'errors', 'non-2xx', 'total', 'server CPU', 'CPU µs/req'],
    ...[
      ['api', report.api],
      ['baseline', report.baseline],
    ].map(([name, r]) => [
      name,
      String(r.requestsPerSec),
      String(r.latencyMs.p50),
      String(r.latencyMs.p99),
      String(r.latencyMs.max),
      String(r.errors + r.timeouts),
      String(r.non2xx),
      String(r.total),
      r.serverCpu ? `${r.serverCpu.percent}%` : 'n/a',
      r.serverCpu?.usPerRequest != null ? String(r.serverCpu.usPerRequest) : 'n/a',
    ]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  const line = (row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  const { settings, machine: m, targets, met } = report;
  const mark = (ok) => (ok ? 'met' : 'MISSED');
  return [
    '',
    `pivot: ${settings.connections} connections${settings.rate ? ` offering ${settings.rate} req/s` : ''}, ${settings.durationS} s each after ${settings.warmupS} s warm-up, ` +
      `${settings.requests.length} rotating requests, ${settings.responseBytes}-byte answers`,
    `machine: ${m.cpus} × ${m.cpuModel}, Node ${m.node} (load generator, API and baseline share these cores)`,
    '',
    ...rows.map(line),
    '',
    `api / baseline: ${report.ratio.toFixed(2)}   target ≥ ${targets.minRatio}: ${mark(met.ratio)}`,
    `api p99: ${report.api.latencyMs.p99} ms   target < ${targets.maxP99Ms} ms: ${mark(met.p99)}`,
    ...notes(report),
    '',
  ].join('\n');
}

function notes({ api, baseline, cpuPerRequestRatio, settings }) {
  const lines = [];
  if (cpuPerRequestRatio !== null) {
    lines.push(`server CPU per request: api ${api.serverCpu.usPerRequest} µs, baseline ${baseline.serverCpu.usPerRequest} µs (${cpuPerRequestRatio.toFixed(1)}×)`);
  }
  if (!settings.rate && baseline.serverCpu && baseline.serverCpu.percent < 85) {
    lines.push(
      `note: the baseline used ${baseline.serverCpu.percent}% of a core, so the load generator, not the baseline, set its rate;` +
        ' the req/s ratio flatters the API (compare CPU µs/req)',
    );
  }
  return lines;
}
