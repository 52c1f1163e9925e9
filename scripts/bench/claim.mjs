// Claims under load: N moderators draining a queue through the API (POST /graphql claimNext,
// each one a transaction with its checks and audit entry) and, in the same run, N workers
// sending the bare claim statement (the UPDATE … FOR UPDATE SKIP LOCKED of claim.service.ts)
// through node-postgres. Both use a pool of the same size; each level gets fresh rows.
//
// --held N puts N more conversations in each queue, older than the open ones, held by someone
// else (live leases) or resolved, as in a queue at work: the claim must skip them cheaply.
//
//   npm run bench -- claim [--levels 10,50,200] [--conversations 1000] [--held 0] [--pool 20] [--json] [--cpu-prof]
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { cleanup, CPU_PROF_FLAG, freePort, JSON_FLAG, machine, readFlags, startApi, UsageError } from './lib/harness.mjs';

export const description = 'claimNext through the API vs the same claim SQL through raw pg';

const FLAGS = {
  levels: { type: 'string', default: '10,50,200', help: 'concurrent moderators per level, comma-separated' },
  conversations: { type: 'number', default: 1000, min: 10, help: 'conversations drained per level and per side' },
  held: { type: 'number', default: 0, min: 0, help: 'conversations per queue, older than the open ones, held by someone else (2 in 3) or resolved' },
  pool: { type: 'number', default: 20, min: 1, help: 'database connections, for the API and for raw pg alike' },
  ...JSON_FLAG,
  ...CPU_PROF_FLAG,
};

/**
 * The pick and claim of claimNext's statement (claim-statement.ts), minus the member's count, the
 * audit entry and the live events, with a moderator of FR's ability filter (the FR page's scope):
 * the fast path over IDX_conversations_claim unless the queue has a lapsed lease.
 */
const PICK = (claimable, when) => `SELECT c.id FROM conversations c
   WHERE ${when} AND c.queue_id = $2 AND ${claimable} AND c.scope_ids @> ARRAY[$3]::uuid[]
   ORDER BY c.priority_rank DESC, c.first_item_at ASC, c.id ASC LIMIT 1 FOR UPDATE SKIP LOCKED`;
const CLAIM_SQL = `WITH lapsed AS (SELECT EXISTS (SELECT 1 FROM conversations WHERE queue_id = $2 AND state = 'ASSIGNED' AND lease_expires_at <= now()) AS found),
   fresh AS (${PICK(`c.state IN ('OPEN', 'ESCALATED') AND (c.state = 'OPEN' OR NOT c.escalated_to_manager)`, 'NOT (SELECT found FROM lapsed)')}),
   mixed AS (${PICK(`(c.state = 'OPEN' OR (c.state = 'ASSIGNED' AND c.lease_expires_at <= now()) OR (c.state = 'ESCALATED' AND NOT c.escalated_to_manager))`, '(SELECT found FROM lapsed)')})
  UPDATE conversations SET state = 'ASSIGNED', assignee_id = $1, lease_expires_at = now() + make_interval(secs => 300),
         escalated_to_manager = false, updated_at = now()
   WHERE id = COALESCE((SELECT id FROM fresh), (SELECT id FROM mixed))
   RETURNING id`;

/** The moderators of each level, from `--levels 10,50,200`. */
const levelsOf = (flags) => flags.levels.split(',').map(Number);

export async function run(args) {
  const { flags, exitCode } = readFlags(args, {
    name: 'claim',
    description,
    flags: FLAGS,
    check: (read) => {
      if (levelsOf(read).some((n) => !Number.isInteger(n) || n < 1)) throw new UsageError('--levels must be whole numbers ≥ 1');
    },
  });
  if (!flags) return exitCode;
  const levels = levelsOf(flags);
  const say = flags.json ? () => undefined : (line) => process.stderr.write(`${line}\n`);
  const pgPort = await freePort();
  const profileDir = join(tmpdir(), `pivot-cpu-prof-${Date.now()}`);
  let db;
  try {
    say('Starting the API on a throwaway embedded PostgreSQL…');
    const api = await startApi({ nodeArgs: flags.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [], env: { EMBEDDED_PG_PORT: String(pgPort), DB_POOL_SIZE: String(flags.pool), LOGIN_ATTEMPTS_PER_MINUTE: '10000' } });
    say(`  ready in ${(api.bootMs / 1000).toFixed(1)} s at ${api.baseUrl}`);
    db = new pg.Pool({ connectionString: `postgresql://postgres:postgres@127.0.0.1:${pgPort}/pivot`, max: flags.pool });
    // Idle clients see the server stop at cleanup: not an error of the run.
    db.on('error', () => undefined);
    const world = await prepare(db, api.baseUrl, Math.max(...levels), say);

    const results = [];
    for (const n of levels) {
      say(`${n} moderators: API…`);
      const apiQueue = await queueWith(db, world, flags.conversations, world.moderators.slice(0, n), flags.held);
      const viaApi = await drainAll(n, flags.conversations, (i) => claimViaApi(api.baseUrl, world.moderators[i].token, apiQueue));
      say(`${n} moderators: raw pg…`);
      const rawQueue = await queueWith(db, world, flags.conversations, [], flags.held);
      const viaPg = await drainAll(n, flags.conversations, (i) => claimViaPg(db, world.moderators[i].id, rawQueue, world.frId));
      results.push({ moderators: n, api: viaApi, pg: viaPg, ratio: Number((viaApi.claimsPerSec / viaPg.claimsPerSec).toFixed(3)) });
    }
    const report = { bench: 'claim', settings: { levels, conversations: flags.conversations, held: flags.held, pool: flags.pool }, machine: machine(), results };
    if (flags.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else process.stdout.write(table(report));
    return results.some((r) => r.api.duplicates || r.pg.duplicates || r.api.claims !== flags.conversations || r.pg.claims !== flags.conversations) ? 1 : 0;
  } finally {
    say('Stopping the servers…');
    await db?.end();
    await cleanup();
    if (flags.cpuProf) process.stderr.write(`CPU profile of the API: ${profileDir}\n`);
  }
}

/** The seeded FR page, and `count` moderators at FR (the FR moderator's role and password), signed in. */
async function prepare(db, baseUrl, count, say) {
  const { rows: [fr] } = await db.query(`SELECT ra.scope_page_id AS "frId", ra.user_id AS "modId" FROM role_assignments ra JOIN users u ON u.id = ra.user_id WHERE u.email = 'fr.moderator@northwind.example'`);
  const { rows } = await db.query(
    `WITH made AS (
       INSERT INTO users (id, email, display_name, password_hash, disabled)
       SELECT gen_random_uuid(), 'bench-mod-' || n || '@northwind.example', 'Bench moderator ' || n, u.password_hash, false
         FROM generate_series(1, $1::int) n, users u WHERE u.id = $2
       RETURNING id, email)
     , granted AS (
       INSERT INTO role_assignments (id, user_id, role, brand_id, scope_page_id, scope_ids)
       SELECT gen_random_uuid(), made.id, ra.role, ra.brand_id, ra.scope_page_id, ra.scope_ids FROM made, role_assignments ra WHERE ra.user_id = $2)
     SELECT id, email FROM made`,
    [count, fr.modId],
  );
  say(`  signing in ${count} moderators…`);
  const moderators = [];
  for (const row of rows) {
    const res = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation($e: String!) { login(email: $e, password: "pivot-demo") { accessToken } }', variables: { e: row.email } }),
    });
    const body = await res.json();
    if (!body.data?.login) throw new Error(`login failed: ${JSON.stringify(body)}`);
    moderators.push({ id: row.id, token: body.data.login.accessToken });
  }
  return { frId: fr.frId, holderId: fr.modId, moderators };
}

/** A fresh FR queue holding `count` open conversations (and `held` older ones not to claim), `members` its members with room for all. */
async function queueWith(db, world, count, members, held = 0) {
  const { rows: [queue] } = await db.query(
    `INSERT INTO reply_queues (id, brand_id, scope_page_id, scope_ids, name, first_response_minutes, next_response_minutes, time_zone, business_hours, version)
     SELECT gen_random_uuid(), brand_id, id, scope_ids, 'bench ' || gen_random_uuid(), 60, 60, 'Europe/Paris', '{"days":{"monday":[{"start":"09:00","end":"18:00"}]},"holidays":[]}', 1
       FROM pages WHERE id = $1 RETURNING id`,
    [world.frId],
  );
  await db.query(
    `INSERT INTO conversations (id, network, brand_id, page_id, scope_ids, thread_id, author_id, state, queue_id, item_count, first_item_at, last_item_at)
     SELECT gen_random_uuid(), 'facebook', p.brand_id, p.id, p.scope_ids, 'bench-' || gen_random_uuid(), 'a' || n, 'OPEN', $2, 1, now() - make_interval(secs => n), now()
       FROM generate_series(1, $3::int) n, pages p WHERE p.id = $1`,
    [world.frId, queue.id, count],
  );
  if (held) {
    await db.query(
      `INSERT INTO conversations (id, network, brand_id, page_id, scope_ids, thread_id, author_id, state, queue_id, item_count, first_item_at, last_item_at, assignee_id, lease_expires_at)
       SELECT gen_random_uuid(), 'facebook', p.brand_id, p.id, p.scope_ids, 'bench-' || gen_random_uuid(), 'h' || n, CASE WHEN n % 3 = 0 THEN 'RESOLVED' ELSE 'ASSIGNED' END, $2, 1,
              now() - make_interval(secs => $3::int + n), now(), CASE WHEN n % 3 <> 0 THEN $4::uuid END, CASE WHEN n % 3 <> 0 THEN now() + interval '1 hour' END
         FROM generate_series(1, $5::int) n, pages p WHERE p.id = $1`,
      [world.frId, queue.id, count, world.holderId, held],
    );
  }
  if (members.length) {
    // One more than the queue holds: a moderator who drained it alone still gets its empty answer, not a capacity refusal.
    await db.query(`INSERT INTO reply_queue_members (queue_id, user_id, capacity, languages) SELECT $1, unnest($2::uuid[]), $3, '{}'`, [queue.id, members.map((m) => m.id), count + 1]);
  }
  await db.query('ANALYZE conversations');
  return queue.id;
}

async function claimViaApi(baseUrl, token, queueId) {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: 'mutation($q: ID!) { claimNext(queueId: $q) { id } }', variables: { q: queueId } }),
  });
  const body = await res.json();
  if (body.errors) throw new Error(`claimNext: ${JSON.stringify(body.errors)}`);
  return body.data.claimNext?.id ?? null;
}

async function claimViaPg(db, userId, queueId, frId) {
  const { rows } = await db.query(CLAIM_SQL, [userId, queueId, frId]);
  return rows[0]?.id ?? null;
}

/** `n` workers claiming until the queue is empty: claims/s, latency percentiles, duplicates. */
async function drainAll(n, expected, claim) {
  const latencies = [];
  const ids = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      for (;;) {
        const t = performance.now();
        const id = await claim(i);
        latencies.push(performance.now() - t);
        if (!id) return;
        ids.push(id);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q) => Number(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(1));
  return {
    claims: ids.length,
    expected,
    duplicates: ids.length - new Set(ids).size,
    seconds: Number(seconds.toFixed(2)),
    claimsPerSec: Number((ids.length / seconds).toFixed(1)),
    latencyMs: { p50: at(0.5), p99: at(0.99), max: Number(latencies.at(-1).toFixed(1)) },
  };
}

function table(report) {
  const header = ['moderators', 'api claims/s', 'api p50', 'api p99', 'api dup', 'pg claims/s', 'pg p50', 'pg p99', 'pg dup', 'api/pg'];
  const rows = [
    header,
    ...report.results.map((r) => [
      String(r.moderators),
      String(r.api.claimsPerSec),
      `${r.api.latencyMs.p50} ms`,
      `${r.api.latencyMs.p99} ms`,
      String(r.api.duplicates),
      String(r.pg.claimsPerSec),
      `${r.pg.latencyMs.p50} ms`,
      `${r.pg.latencyMs.p99} ms`,
      String(r.pg.duplicates),
      r.ratio.toFixed(3),
    ]),
  ];
  const widths = header.map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  const line = (row) => row.map((cell, i) => cell.padStart(widths[i])).join('  ');
  const { settings, machine: m } = report;
  return [
    '',
    `claim: ${settings.conversations} conversations drained per level and side${settings.held ? ` (past ${settings.held} older ones held by someone else or resolved)` : ''}, pool of ${settings.pool} connections each`,
    `machine: ${m.cpus} × ${m.cpuModel}, Node ${m.node} (load generator, API and PostgreSQL share these cores)`,
    '',
    ...rows.map(line),
    '',
    `every level: ${report.results.every((r) => r.api.claims === settings.conversations && r.pg.claims === settings.conversations) ? 'all' : 'NOT all'} conversations claimed, ` +
      `duplicates ${report.results.reduce((sum, r) => sum + r.api.duplicates + r.pg.duplicates, 0)} (must be 0)`,
    'api: HTTP + sign-in check + abilities, then per claim a transaction of two statements (queue + member lock; count + claim + audit entry + events); pg: the pick and claim alone',
    '',
  ].join('\n');
}
