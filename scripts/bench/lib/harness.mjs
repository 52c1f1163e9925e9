// Shared plumbing for the benchmarks: free ports, child processes that are always stopped,
// the compiled API on a throwaway embedded PostgreSQL, the bare node:http baseline, and
// autocannon runs reduced to the few figures we report.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

export const repoRoot = resolve(import.meta.dirname, '..', '..', '..');
export const apiMain = join(repoRoot, 'apps', 'api', 'dist', 'main.js');

/* ------------------------------------------------------------------ cleanup */

const cleanups = [];
let cleaningUp;

/** Registers a step run (last first) by `cleanup()`, on Ctrl-C / SIGTERM too. */
export function onCleanup(fn) {
  cleanups.push(fn);
}

export function cleanup() {
  cleaningUp ??= (async () => {
    while (cleanups.length > 0) {
      const fn = cleanups.pop();
      try {
        await fn();
      } catch (error) {
        process.stderr.write(`cleanup step failed: ${error instanceof Error ? error.message : String(error)}\n`);
      }
    }
  })().finally(() => {
    cleaningUp = undefined;
  });
  return cleaningUp;
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    process.stderr.write(`\n${signal}: stopping the servers…\n`);
    void cleanup().finally(() => process.exit(130));
  });
}

/* ------------------------------------------------------------------ processes */

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * A child process in its own process group (a Ctrl-C reaches only us, and we stop children
 * in order), its output kept in memory to show when something goes wrong.
 */
export function spawnChild(name, command, args, options = {}) {
  const child = spawn(command, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], detached: true, ...options });
  const lines = [];
  const keep = (chunk) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim() === '') continue;
      lines.push(line);
      if (lines.length > 200) lines.shift();
    }
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolveExit) => child.once('exit', (code, signal) => resolveExit({ code, signal })));
  // Last resort if we die without running cleanup: the child still gets a stop request.
  const onExit = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  };
  process.on('exit', onExit);
  return {
    name,
    child,
    exited,
    output: () => lines.join('\n'),
    running: () => child.exitCode === null && child.signalCode === null,
    /** SIGTERM, then wait; SIGKILL after `timeoutMs`. Resolves true when it stopped on its own. */
    async stop(timeoutMs = 30_000) {
      process.off('exit', onExit);
      if (child.exitCode !== null || child.signalCode !== null) return true;
      child.kill('SIGTERM');
      let timer;
      const timedOut = new Promise((r) => (timer = setTimeout(() => r('timeout'), timeoutMs)));
      const outcome = await Promise.race([exited, timedOut]);
      clearTimeout(timer);
      if (outcome !== 'timeout') return true;
      child.kill('SIGKILL');
      await exited;
      return false;
    },
  };
}

export async function waitForHttp(url, { timeoutMs = 120_000, child } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (child && !child.running()) {
      throw new Error(`${child.name} exited before it answered ${url}:\n${child.output()}`);
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.status === 200) return;
      last = `HTTP ${res.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s (last: ${last})${child ? `:\n${child.output()}` : ''}`);
}

/* ------------------------------------------------------------------ the servers */

/**
 * The compiled API (`node apps/api/dist/main.js`) on its own throwaway embedded PostgreSQL
 * under a temporary directory; the demo brand is seeded on first boot (`databaseUrl` reaches
 * its database directly). Stopped (and its
 * database with it: the API stops it on SIGTERM) and removed by `cleanup()`.
 */
export async function startApi({ env = {}, nodeArgs = [], bootTimeoutMs = 180_000 } = {}) {
  if (!existsSync(apiMain)) {
    throw new Error(`${apiMain} is missing: build first (npm run build, or use npm run bench).`);
  }
  const tmp = mkdtempSync(join(tmpdir(), 'pivot-bench-'));
  // Run as root, the API hands the PostgreSQL data directory to the `postgres` user, who must be
  // able to traverse every parent. mkdtemp makes 0700 directories and the API only opens the
  // immediate parent (<tmp>/data), so open <tmp> itself for traversal (no listing) here.
  chmodSync(tmp, 0o711);
  const dataDir = join(tmp, 'data');
  const pgDir = join(dataDir, 'postgres');
  onCleanup(() => rmSync(tmp, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }));
  // Should the API ever die without stopping its database, stop the orphaned server ourselves.
  onCleanup(() => stopOrphanPostgres(pgDir));

  const [port, pgPort] = [await freePort(), await freePort()];
  const childEnv = { ...process.env };
  for (const key of ['DATABASE_URL', 'JWT_SECRET', 'SEED_DEMO']) delete childEnv[key];
  Object.assign(childEnv, {
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(pgPort),
    LOG_LEVEL: 'warn',
    ...env,
  });
  const api = spawnChild('api', process.execPath, [...nodeArgs, apiMain], { env: childEnv });
  onCleanup(async () => {
    const clean = await api.stop(30_000);
    if (!clean) process.stderr.write('the API did not stop within 30 s and was killed\n');
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const started = Date.now();
  await waitForHttp(`${baseUrl}/health`, { timeoutMs: bootTimeoutMs, child: api });
  // The embedded server's own credentials (apps/api/src/database/embedded-postgres.ts), database `pivot`.
  const databaseUrl = `postgresql://postgres:postgres@127.0.0.1:${pgPort}/pivot`;
  return { baseUrl, databaseUrl, process: api, bootMs: Date.now() - started, tmp };
}

function stopOrphanPostgres(pgDir) {
  const pidFile = join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 'SIGINT'); // PostgreSQL's "fast shutdown"
  } catch {
    return undefined; // already gone
  }
  process.stderr.write(`stopping an orphaned PostgreSQL (pid ${pid})\n`);
  return new Promise((r) => {
    const deadline = Date.now() + 15_000;
    const poll = setInterval(() => {
      let alive = true;
      try {
        process.kill(pid, 0);
      } catch {
        alive = false;
      }
      if (!alive || Date.now() > deadline) {
        clearInterval(poll);
        r();
      }
    }, 100);
  });
}

/** The bare node:http server answering `body` with `headers` to every request. */
export async function startBaseline({ body, headers }) {
  const port = await freePort();
  const baseline = spawnChild('baseline', process.execPath, [join(import.meta.dirname, 'baseline-server.mjs')], {
    env: { ...process.env, BASELINE_PORT: String(port), BASELINE_BODY: body, BASELINE_HEADERS: JSON.stringify(headers) },
  });
  onCleanup(() => baseline.stop(5_000));
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHttp(`${baseUrl}/`, { timeoutMs: 10_000, child: baseline });
  return { baseUrl, process: baseline };
}

/* ------------------------------------------------------------------ load */

/**
 * One autocannon run after a warm-up run (not counted), reduced to what we report. `requests`
 * rotate per connection (each connection walks the list in order, over and over). With `pid`,
 * also the CPU time that process spent per request (Linux: /proc/<pid>/stat), which is less
 * sensitive than requests/s to other load on a shared machine.
 */
export async function measure({ url, requests, connections, durationS, warmupS, pid, rate = 0 }) {
  // rate > 0: an offered load (requests/s over all connections) rather than as fast as possible,
  // so latency is read below saturation, where queueing in the load generator does not set it.
  const common = { url, connections, requests, ...(rate > 0 ? { overallRate: rate } : {}) };
  if (warmupS > 0) await autocannon({ ...common, duration: warmupS });
  const cpuBefore = cpuTicks(pid);
  const result = await autocannon({ ...common, duration: durationS });
  const cpuAfter = cpuTicks(pid);
  const seconds = result.duration || durationS;
  const cpuMs = cpuBefore !== null && cpuAfter !== null ? (cpuAfter - cpuBefore) * (1000 / CLOCK_TICKS) : null;
  return {
    requestsPerSec: Math.round(result.requests.total / seconds),
    total: result.requests.total,
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
      mean: result.latency.average,
    },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    throughputBytesPerSec: result.throughput.average,
    serverCpu:
      cpuMs === null
        ? null
        : { percent: Math.round((cpuMs / (seconds * 1000)) * 100), usPerRequest: result.requests.total ? Math.round((cpuMs * 1000) / result.requests.total) : null },
  };
}

/** USER_HZ: 100 on every Linux that Node supports. */
export const CLOCK_TICKS = 100;

/** utime + stime of a process in clock ticks, or null where /proc is not available. */
export function cpuTicks(pid) {
  if (!pid || process.platform !== 'linux') return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

export function machine() {
  const list = cpus();
  return { node: process.version, cpus: list.length, cpuModel: list[0]?.model?.trim() ?? 'unknown' };
}

/* ------------------------------------------------------------------ options */

/** Flags more than one benchmark takes. */
export const JSON_FLAG = { json: { type: 'boolean', default: false, help: 'print machine-readable JSON only' } };
export const CPU_PROF_FLAG = {
  cpuProf: { type: 'boolean', default: false, help: 'run the API under --cpu-prof (profile written to a temp dir, path printed)' },
};
const HELP_FLAG = { help: { type: 'boolean', default: false, help: 'this help' } };

/** `cpuProf` is spelt `--cpu-prof` on the command line. */
const optionName = (key) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The `--help` text of a benchmark, from the same table its flags are read with. */
export function usageOf({ name, description, flags, notes = [] }) {
  const lines = [`Usage: npm run bench -- ${name} [options]`, '', `Measures ${description}.`, '', 'Options:'];
  for (const [key, def] of Object.entries({ ...flags, ...HELP_FLAG })) {
    const option = `--${optionName(key)}${def.type === 'number' ? ' N' : def.type === 'string' ? ' VALUE' : ''}`;
    lines.push(`  ${option.padEnd(20)} ${def.help}${def.type === 'boolean' ? '' : ` (default ${def.default})`}`);
  }
  if (notes.length > 0) lines.push('', ...notes);
  return `${lines.join('\n')}\n`;
}

/**
 * A benchmark's arguments, read once for all of them with node's util.parseArgs: `--name value`,
 * `--name=value`, boolean `--name`; `flags` maps each camelCase key to `{ type: 'number' |
 * 'string' | 'boolean', default, min?, help }`, and `check(flags)` may throw a UsageError for
 * what one flag alone cannot say. `--help` is always there.
 * Returns `{ flags }` to run with, or `{ exitCode }` to stop with: 0 once --help is printed,
 * 2 for a wrong argument (said on stderr, with the usage).
 */
export function readFlags(args, { name, description, flags: spec, notes, check }) {
  const usage = () => usageOf({ name, description, flags: spec, notes });
  const all = { ...spec, ...HELP_FLAG };
  try {
    const { values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: Object.fromEntries(Object.entries(all).map(([key, def]) => [optionName(key), { type: def.type === 'boolean' ? 'boolean' : 'string' }])),
    });
    const flags = Object.fromEntries(Object.entries(all).map(([key, def]) => [key, valueOf(key, def, values[optionName(key)])]));
    if (flags.help) {
      process.stdout.write(usage());
      return { exitCode: 0 };
    }
    check?.(flags);
    return { flags };
  } catch (error) {
    if (!(error instanceof UsageError) && !String(error?.code).startsWith('ERR_PARSE_ARGS_')) throw error;
    process.stderr.write(`${error.message}\n\n${usage()}`);
    return { exitCode: 2 };
  }
}

function valueOf(key, def, raw) {
  if (raw === undefined) return def.default;
  if (def.type !== 'number') return raw;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value < (def.min ?? -Infinity)) throw new UsageError(`--${optionName(key)} must be a number ≥ ${def.min ?? '-∞'}`);
  return value;
}

export class UsageError extends Error {}
