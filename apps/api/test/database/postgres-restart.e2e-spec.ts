import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client, Pool } from 'pg';
import { urlFor } from '../../src/database/database-roles';
import { migrate } from '../../src/database/migrate';
import { seedFixture } from '../../src/database/seed/seed-fixture';
import { TREE_CHANGED_CHANNEL } from '../../src/hierarchy/tree-events';
import { duePosts, publishedTally } from '../publishing/publish-world';
import { delivery, PAGE, sign, uid, WEBHOOK_ENV } from '../reply-queue/inbound-fixture';
import { loadQueueWorld, moreModerators, newQueue, seedConversations, type Moderator } from '../reply-queue/queue-world';
import { startServer, type Server } from '../support/server-process';
import { startTestApp } from '../support/test-app';

const POSTS = 300;
const CONVERSATIONS = 300;
const BATCHES = 30;
const PER_BATCH = 10;
const MARK = 'Restart publish';

/** The test's own PostgreSQL, as a process: stopped (fast shutdown, every connection cut) and started again on the same files and port. */
class OwnPostgres {
  private child: ChildProcessWithoutNullStreams | null = null;
  readonly dataDir = join(mkdtempSync(join(tmpdir(), 'pivot-restart-pg-')), 'data');
  readonly port = 20000 + Math.floor(Math.random() * 20000);
  adminUrl = '';

  async start(): Promise<void> {
    const child = spawn(process.execPath, [join(__dirname, '..', 'support', 'pg-server.cjs'), this.dataDir, String(this.port)]);
    this.child = child;
    let out = '';
    child.stderr.on('data', (chunk) => (out += chunk));
    this.adminUrl = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk) => {
        out += chunk;
        const ready = /ready (\S+)/.exec(out);
        if (ready) resolve(ready[1]!);
      });
      child.once('exit', (code) => reject(new Error(`PostgreSQL exited with ${code}: ${out}`)));
    });
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

/** POST /graphql on a server process. */
async function gqlAt(server: Server, query: string, variables: Record<string, unknown>, token: string): Promise<{ data?: any; errors?: { extensions?: { code?: string } }[] }> {
  const res = await fetch(`http://127.0.0.1:${server.port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return res.json() as Promise<{ data?: any }>;
}

const CLAIM = `mutation($q: ID!) { claimNext(queueId: $q) { id assigneeId } }`;

/**
 * PostgreSQL restarted while an API instance claims, ingests and publishes: the instance comes
 * back by itself (its pool, pg-boss and the LISTEN connection reconnect), and nothing is lost or
 * done twice. Requests during the outage fail, and are retried as their senders would (Facebook
 * redelivers an unacknowledged webhook; a moderator claims again).
 */
describe('a PostgreSQL restart under load', () => {
  const pg = new OwnPostgres();
  const servers: Server[] = [];
  let db: Pool;

  afterAll(async () => {
    for (const server of servers) if (server.child.exitCode === null) server.child.kill('SIGKILL');
    await Promise.all(servers.map((server) => server.exited));
    await db?.end().catch(() => undefined);
    await pg.stop();
    rmSync(join(pg.dataDir, '..'), { recursive: true, force: true });
  });

  it('lets the API recover by itself: every claim, webhook item and post done exactly once, and tree changes reach the pivot again', async () => {
    await pg.start();
    const url = urlFor(pg.adminUrl, 'pivot');
    const admin = new Client({ connectionString: pg.adminUrl });
    await admin.connect();
    await admin.query('CREATE DATABASE pivot');
    await admin.end();
    await migrate(url);
    await seedFixture(url);

    // Set up through an in-process app, closed before the restart: a queue, moderators, open conversations, due posts.
    const app = await startTestApp(WEBHOOK_ENV, { url });
    const w = await loadQueueWorld(app);
    const queueId = await newQueue(w, w.id.FR);
    const moderators: Moderator[] = await moreModerators(w, 8, queueId);
    const conversations = await seedConversations(w, CONVERSATIONS, queueId);
    const { rows: [{ due }] } = await w.db.query(`SELECT now() + interval '2 seconds' AS due`);
    await duePosts(app, POSTS, MARK, due);
    await w.db.end();
    await app.close();

    db = new Pool({ connectionString: url, max: 2 });
    db.on('error', () => undefined);
    const server = await startServer({
      ...WEBHOOK_ENV,
      DATABASE_URL: url,
      PUBLISH_POLL_INTERVAL_MS: '100',
      PUBLISH_CONCURRENCY: '1',
      PUBLISH_SWEEP_INTERVAL_MS: '2000',
      PUBLISH_HTTP_TIMEOUT_MS: '1000',
      JOBS_MAINTENANCE_INTERVAL_SECONDS: '2',
      LOG_LEVEL: 'warn',
    });
    servers.push(server);

    let restarted = false;
    const deadline = Date.now() + 90_000;
    const claimed: string[] = [];
    const claimers = moderators.map(async (moderator) => {
      while (Date.now() < deadline) {
        const result = await gqlAt(server, CLAIM, { q: queueId }, moderator.token).catch(() => null);
        const ok = result && !result.errors;
        if (ok && result.data.claimNext) claimed.push(result.data.claimNext.id);
        // Nothing left to claim once the database is back: every conversation is someone's.
        else if (ok && restarted) return;
        await sleep(ok && result.data.claimNext ? 20 : 100);
      }
    });
    const items = Array.from({ length: BATCHES }, (_, b) => Array.from({ length: PER_BATCH }, (_, i) => uid(`restart-${b}-${i}`)));
    let refused = 0;
    const ingest = (async () => {
      for (const ids of items) {
        const body = JSON.stringify(delivery(ids.map((id) => ({ page: PAGE.FR, id, post: `${PAGE.FR}_restart`, author: `author-${id}` }))));
        // As Facebook does: an unacknowledged delivery is sent again, the same bytes.
        while (Date.now() < deadline) {
          const res = await fetch(`http://127.0.0.1:${server.port}/webhooks/facebook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(body) }, body }).catch(() => null);
          if (res?.status === 200) break;
          refused++;
          await sleep(200);
        }
        await sleep(50);
      }
    })();

    // Mid-way through all three, the restart.
    await sleep(2500);
    const down = Date.now();
    await pg.stop();
    await pg.start();
    const up = Date.now();
    restarted = true;

    const until = async (what: string, check: () => Promise<boolean>) => {
      while (!(await check().catch(() => false))) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await sleep(50);
      }
      return Date.now() - up;
    };
    const healthyAfter = await until('health', async () => (await fetch(`http://127.0.0.1:${server.port}/health`)).status === 200);
    const [claimsAfter, ingestAfter] = await Promise.all([Promise.all(claimers).then(() => Date.now() - up), ingest.then(() => Date.now() - up)]);
    const publishedAfter = await until('every post published', async () => (await publishedTally(db, MARK)).posts === POSTS);
    process.stderr.write(
      `postgres restart: down ${up - down} ms; once back: healthy after ${healthyAfter} ms, every claim after ${claimsAfter} ms, every webhook batch after ${ingestAfter} ms, ` +
        `every post published after ${publishedAfter} ms; ${refused} webhook deliveries refused and redelivered, ${claimed.length} claims answered\n`,
    );

    // Claims: each conversation handed to one moderator, once.
    expect(new Set(claimed).size).toBe(claimed.length);
    const { rows: [claims] } = await db.query(
      `SELECT count(*) FILTER (WHERE c.state = 'ASSIGNED')::int AS assigned,
              (SELECT count(*) FROM audit_entries a WHERE a.action = 'conversation.claim' AND a.subject_id = ANY($1::uuid[]))::int AS audited
         FROM conversations c WHERE c.id = ANY($1::uuid[])`,
      [conversations],
    );
    expect(claims).toEqual({ assigned: CONVERSATIONS, audited: CONVERSATIONS });
    // Webhook items: each stored once, none lost.
    const { rows: [stored] } = await db.query(`SELECT count(*)::int AS n, count(DISTINCT external_id)::int AS d FROM inbound_items WHERE external_id = ANY($1::text[])`, [items.flat()]);
    expect(stored).toEqual({ n: BATCHES * PER_BATCH, d: BATCHES * PER_BATCH });
    // Posts: each sent and published once.
    expect(await publishedTally(db, MARK)).toEqual({ sends: POSTS, posts: POSTS, deliveries: POSTS, twice: 0, publishEvents: POSTS });

    // The LISTEN connection is back and listening: a tree change notified now reaches the pivot.
    await until('the listener', async () => (await db.query(`SELECT 1 FROM pg_stat_activity WHERE application_name = 'pivot-api-listener'`)).rowCount === 1);
    await sleep(1000);
    const client = await db.connect();
    try {
      await client.query('BEGIN');
      const { rows: [page] } = await client.query(`UPDATE pages SET name = 'Northwind France (after restart)' WHERE external_id = $1 RETURNING brand_id`, [PAGE.FR]);
      await client.query('SELECT pg_notify($1, $2)', [TREE_CHANGED_CHANNEL, page.brand_id]);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    await until('the pivot to hear the change', async () => {
      const res = await fetch(`http://127.0.0.1:${server.port}/pivot/northwind/resolve?country=FR`);
      return ((await res.json()) as { page: { name: string } }).page.name === 'Northwind France (after restart)';
    });
    expect(server.child.exitCode).toBeNull();
  }, 150_000);
});
