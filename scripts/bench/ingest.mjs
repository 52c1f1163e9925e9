// Signed webhook ingest under load: the compiled API (its own throwaway embedded PostgreSQL, the
// seeded demo brand) receiving Facebook page deliveries, against a bare node:http server that
// only checks the HMAC and runs INSERT … ON CONFLICT DO NOTHING of the same rows through raw pg
// (same PostgreSQL, a table shaped like inbound_items). Both are child processes, driven one
// after the other by the same closed loop: a fixed number of senders, each posting the next
// batch as soon as the last one is acknowledged. A share of every batch repeats items already
// sent (redeliveries, some still in flight); at the end each table must hold every item once.
//
//   npm run bench -- ingest [--duration 10] [--warmup 2] [--concurrency 10] [--batch 50] [--duplicates 0.1] [--json] [--cpu-prof]
import { createHmac } from 'node:crypto';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { CLOCK_TICKS, cleanup, CPU_PROF_FLAG, cpuTicks, freePort, JSON_FLAG, machine, onCleanup, readFlags, spawnChild, startApi, UsageError, waitForHttp } from './lib/harness.mjs';

export const description = 'signed Facebook webhook batches (POST /webhooks/facebook) vs a raw HMAC + INSERT … ON CONFLICT server';

const SECRET = 'pivot-bench-facebook-app-secret';
const BASELINE_TABLE = 'bench_baseline_items';
/** The API's default DB_POOL_SIZE: the baseline gets as many connections. */
const POOL_SIZE = 10;

const FLAGS = {
  duration: { type: 'number', default: 10, min: 1, help: 'seconds of measurement per server' },
  warmup: { type: 'number', default: 2, min: 0, help: 'seconds of warm-up per server (stored, not timed)' },
  concurrency: { type: 'number', default: 10, min: 1, help: 'senders posting at once' },
  batch: { type: 'number', default: 50, min: 1, help: 'items per delivery' },
  duplicates: { type: 'number', default: 0.1, min: 0, help: 'share of each batch that repeats items sent before' },
  ...JSON_FLAG,
  ...CPU_PROF_FLAG,
};

export async function run(args) {
  const { flags, exitCode } = readFlags(args, {
    name: 'ingest',
    description,
    flags: FLAGS,
    notes: ['Exits 1 when a table holds an item twice or lost one: the figures are then meaningless.'],
    check: (read) => {
      if (read.duplicates >= 1) throw new UsageError('--duplicates must be below 1');
      if (!Number.isInteger(read.batch) || !Number.isInteger(read.concurrency)) throw new UsageError('--batch and --concurrency must be whole numbers');
    },
  });
  if (!flags) return exitCode;
  const say = flags.json ? () => undefined : (line) => process.stderr.write(`${line}\n`);

  const profileDir = join(tmpdir(), `pivot-cpu-prof-${Date.now()}`);
  try {
    say('Starting the API on a throwaway embedded PostgreSQL…');
    const api = await startApi({ nodeArgs: flags.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [], env: { FACEBOOK_APP_SECRET: SECRET, FACEBOOK_VERIFY_TOKEN: 'pivot-bench-verify-token', DB_POOL_SIZE: String(POOL_SIZE) } });
    say(`  ready in ${(api.bootMs / 1000).toFixed(1)} s at ${api.baseUrl}`);
    const db = new pg.Client({ connectionString: api.databaseUrl });
    await db.connect();
    onCleanup(() => db.end());
    const pages = (await db.query(`SELECT external_id FROM pages WHERE external_id IS NOT NULL ORDER BY external_id`)).rows.map((row) => row.external_id);
    say(`  ${pages.length} demo pages to write on`);

    const baseline = await startIngestBaseline(api.databaseUrl);
    const targets = [
      { name: 'api', url: `${api.baseUrl}/webhooks/facebook`, pid: api.process.child.pid, table: 'inbound_items' },
      { name: 'baseline', url: baseline.url, pid: baseline.process.child.pid, table: BASELINE_TABLE },
    ];
    const results = {};
    for (const target of targets) {
      // The same sequence of batches for both: same seed, same pages, same repeats.
      const next = batches({ size: flags.batch, duplicateShare: flags.duplicates, pages, seed: 42 });
      await refusesForgery(target, next, db);
      say(`Measuring the ${target.name}: ${flags.warmup} s warm-up, ${flags.duration} s with ${flags.concurrency} senders…`);
      const load = await drive({ url: target.url, next, concurrency: flags.concurrency, durationS: flags.duration, warmupS: flags.warmup, pid: target.pid });
      results[target.name] = { ...load, check: await check(db, target.table, next.distinctSent(), load.failedBatches === 0) };
    }
    const conversations = (await db.query(`SELECT (SELECT coalesce(sum(item_count), 0)::int FROM conversations) AS counted, (SELECT count(*)::int FROM inbound_items) AS rows`)).rows[0];

    const ratio = results.baseline.itemsPerSec > 0 ? results.api.itemsPerSec / results.baseline.itemsPerSec : 0;
    const sound = ['api', 'baseline'].every((name) => results[name].check.duplicatesStored === 0 && results[name].check.lost === 0) && conversations.counted === conversations.rows;
    const report = {
      bench: 'ingest',
      settings: { concurrency: flags.concurrency, durationS: flags.duration, warmupS: flags.warmup, batchItems: flags.batch, duplicateShare: flags.duplicates, pages: pages.length },
      machine: machine(),
      api: results.api,
      baseline: results.baseline,
      ratio: Number(ratio.toFixed(3)),
      conversationItemCounts: { ...conversations, equal: conversations.counted === conversations.rows },
      sound,
    };
    if (flags.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else process.stdout.write(table(report));
    return sound ? 0 : 1;
  } finally {
    say('Stopping the servers…');
    await cleanup();
    if (flags.cpuProf) process.stderr.write(`CPU profile of the API: ${profileDir}\n`);
  }
}

async function startIngestBaseline(databaseUrl) {
  const port = await freePort();
  const child = spawnChild('ingest baseline', process.execPath, [join(import.meta.dirname, 'lib', 'ingest-baseline-server.mjs')], {
    env: { ...process.env, BASELINE_PORT: String(port), BASELINE_DATABASE_URL: databaseUrl, BASELINE_SECRET: SECRET, BASELINE_TABLE, BASELINE_POOL_SIZE: String(POOL_SIZE) },
  });
  onCleanup(() => child.stop(5_000));
  const url = `http://127.0.0.1:${port}/`;
  await waitForHttp(url, { timeoutMs: 10_000, child });
  return { url, process: child };
}

/* ------------------------------------------------------------------ the deliveries */

/** A small deterministic PRNG, so both servers get the very same batches. */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The next delivery, each call: `size` items on three pages picked at random, the first
 * `duplicateShare` of them copies of items sent before (same bytes, as a redelivery has).
 * Comments sit under 20 posts per page, one in five a reply; one item in five is a message.
 */
function batches({ size, duplicateShare, pages, seed }) {
  const rand = mulberry32(seed);
  const pick = (n) => Math.floor(rand() * n);
  const sent = [];
  const KEEP = 20_000;
  let serial = 0;
  const T0 = 1_790_000_000;
  const fresh = (onPages) => {
    const n = serial++;
    const page = onPages[pick(onPages.length)];
    const author = `user-${pick(3000)}`;
    if (pick(5) === 0) return { page, message: true, mid: `m.bench-${n}`, sender: author, timestamp: (T0 + n) * 1000, text: `message ${n}` };
    const post = `${page}_post-${pick(20)}`;
    const reply = pick(5) === 0;
    return { page, id: `${post}_c-${n}`, post, parent: reply ? `${post}_c-${Math.max(0, n - 1 - pick(50))}` : post, author, name: `User ${author}`, time: T0 + n, text: `comment ${n} ${'lorem ipsum '.repeat(pick(6))}` };
  };
  const next = () => {
    const repeats = sent.length ? Math.round(size * duplicateShare) : 0;
    const specs = [];
    const onPages = [0, 1, 2].map(() => pages[pick(pages.length)]);
    for (let i = 0; i < size; i++) {
      if (i < repeats) specs.push(sent[pick(sent.length)]);
      else {
        const spec = fresh(onPages);
        specs.push(spec);
        if (sent.length < KEEP) sent.push(spec);
        else sent[pick(KEEP)] = spec;
      }
    }
    return { body: JSON.stringify(deliveryOf(specs)), items: size, repeats };
  };
  next.distinctSent = () => serial;
  return next;
}

function deliveryOf(specs) {
  const byPage = new Map();
  for (const spec of specs) {
    const entry = byPage.get(spec.page) ?? { id: spec.page, time: 1_790_000_000, changes: [], messaging: [] };
    byPage.set(spec.page, entry);
    if (spec.message) {
      entry.messaging.push({ sender: { id: spec.sender }, recipient: { id: spec.page }, timestamp: spec.timestamp, message: { mid: spec.mid, text: spec.text } });
    } else {
      entry.changes.push({
        field: 'feed',
        value: { item: 'comment', verb: 'add', comment_id: spec.id, post_id: spec.post, parent_id: spec.parent, from: { id: spec.author, name: spec.name }, message: spec.text, created_time: spec.time },
      });
    }
  }
  return { object: 'page', entry: [...byPage.values()] };
}

const sign = (body, secret = SECRET) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/* ------------------------------------------------------------------ load */

function poster(url, concurrency) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  onCleanup(() => agent.destroy());
  return (body, signature) =>
    new Promise((resolvePost, reject) => {
      const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-hub-signature-256': signature } }, (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => {
          let json = null;
          try {
            json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          } catch {
            // counted as a failed batch below
          }
          resolvePost({ status: res.statusCode, json });
        });
      });
      req.on('error', reject);
      req.end(body);
    });
}

/** Both servers must refuse a forged delivery, and store nothing of it, before we time them. */
async function refusesForgery(target, next, db) {
  const count = async () => (await db.query(`SELECT count(*)::int AS n FROM ${target.table}`)).rows[0].n;
  const post = poster(target.url, 1);
  const before = await count();
  const { body } = next();
  const forged = await post(body, sign(body, 'not-the-app-secret'));
  if (forged.status !== 401 || (await count()) !== before) throw new Error(`${target.name} accepted a forged delivery (${forged.status})`);
  const genuine = await post(body, sign(body));
  const items = JSON.parse(body).entry.reduce((n, entry) => n + entry.changes.length + entry.messaging.length, 0);
  if (genuine.status !== 200 || genuine.json?.stored !== items) {
    throw new Error(`${target.name} did not store a genuine first delivery: ${genuine.status} ${JSON.stringify(genuine.json)}`);
  }
}

async function drive({ url, next, concurrency, durationS, warmupS, pid }) {
  const post = poster(url, concurrency);
  const phase = async (seconds) => {
    const tally = { batches: 0, failedBatches: 0, items: 0, repeatsSent: 0, stored: 0, duplicatesAcknowledged: 0, latencies: [] };
    const deadline = performance.now() + seconds * 1000;
    const sender = async () => {
      while (performance.now() < deadline) {
        const batch = next();
        const started = performance.now();
        const res = await post(batch.body, sign(batch.body));
        tally.latencies.push(performance.now() - started);
        tally.batches++;
        if (res.status !== 200 || !res.json) {
          tally.failedBatches++;
          continue;
        }
        tally.items += batch.items;
        tally.repeatsSent += batch.repeats;
        tally.stored += res.json.stored;
        tally.duplicatesAcknowledged += res.json.duplicates;
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: concurrency }, sender));
    return { ...tally, seconds: (performance.now() - started) / 1000 };
  };
  if (warmupS > 0) await phase(warmupS);
  const cpuBefore = cpuTicks(pid);
  const t = await phase(durationS);
  const cpuAfter = cpuTicks(pid);
  const cpuMs = cpuBefore !== null && cpuAfter !== null ? (cpuAfter - cpuBefore) * (1000 / CLOCK_TICKS) : null;
  const sorted = t.latencies.sort((a, b) => a - b);
  const at = (q) => (sorted.length ? Number(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)].toFixed(1)) : 0);
  return {
    itemsPerSec: Math.round(t.items / t.seconds),
    batchesPerSec: Number((t.batches / t.seconds).toFixed(1)),
    batches: t.batches,
    failedBatches: t.failedBatches,
    items: t.items,
    repeatsSent: t.repeatsSent,
    stored: t.stored,
    duplicatesAcknowledged: t.duplicatesAcknowledged,
    batchLatencyMs: { p50: at(0.5), p99: at(0.99), max: sorted.length ? Number(sorted.at(-1).toFixed(1)) : 0 },
    serverCpu: cpuMs === null ? null : { percent: Math.round((cpuMs / (t.seconds * 1000)) * 100), usPerItem: t.items ? Math.round((cpuMs * 1000) / t.items) : null },
  };
}

/** Rows against distinct ids in a table, and against the distinct ids the load generator made. */
async function check(db, table, distinctSent, allAcknowledged) {
  const { rows } = await db.query(`SELECT count(*)::int AS rows, count(DISTINCT (network, external_id))::int AS "distinct" FROM ${table}`);
  return {
    rows: rows[0].rows,
    distinctIds: rows[0].distinct,
    duplicatesStored: rows[0].rows - rows[0].distinct,
    // Every batch was acknowledged, so every id sent must be there; otherwise unknown (null).
    lost: allAcknowledged ? distinctSent - rows[0].distinct : null,
  };
}

/* ------------------------------------------------------------------ report */

function table(report) {
  const rows = [
    ['', 'items/s', 'batches/s', 'p50 ms', 'p99 ms', 'max ms', 'failed', 'items', 'stored', 'dup. acked', 'server CPU', 'CPU µs/item'],
    ...['api', 'baseline'].map((name) => {
      const r = report[name];
      return [
        name,
        String(r.itemsPerSec),
        String(r.batchesPerSec),
        String(r.batchLatencyMs.p50),
        String(r.batchLatencyMs.p99),
        String(r.batchLatencyMs.max),
        String(r.failedBatches),
        String(r.items),
        String(r.stored),
        String(r.duplicatesAcknowledged),
        r.serverCpu ? `${r.serverCpu.percent}%` : 'n/a',
        r.serverCpu?.usPerItem != null ? String(r.serverCpu.usPerItem) : 'n/a',
      ];
    }),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  const line = (row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  const { settings: s, machine: m, api, baseline, conversationItemCounts: c } = report;
  const checked = (r) => `${r.check.duplicatesStored} (${r.check.rows} rows, ${r.check.distinctIds} distinct ids), lost ${r.check.lost ?? 'unknown'}`;
  return [
    '',
    `ingest: ${s.concurrency} senders, ${s.durationS} s each after ${s.warmupS} s warm-up, batches of ${s.batchItems} items ` +
      `(${Math.round(s.duplicateShare * 100)}% repeats of items sent before) over ${s.pages} pages`,
    `machine: ${m.cpus} × ${m.cpuModel}, Node ${m.node} (load generator, API, baseline and PostgreSQL share these cores)`,
    '',
    ...rows.map(line),
    '',
    `api / baseline (items/s): ${report.ratio.toFixed(2)}`,
    `duplicates stored: api ${checked(api)}; baseline ${checked(baseline)}`,
    `conversations' item_count: ${c.counted} for ${c.rows} stored items (${c.equal ? 'equal' : 'DIFFERENT'})`,
    report.sound ? 'every item stored once: ok' : 'DUPLICATES OR LOST ITEMS: see above',
    '',
  ].join('\n');
}
