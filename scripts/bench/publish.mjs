// Exactly-once publishing under load: N posts due in the same minute, two API instances (child
// processes) publishing them from one throwaway embedded PostgreSQL through the sandbox
// connector. Prints the time from the moment they fall due until the last one is published, and
// how many (post, page) sends went out more than once (must be 0).
//
//   npm run bench -- publish [--posts 10000] [--concurrency 4] [--pool 10] [--json]
import pg from 'pg';
import PgBoss from 'pg-boss';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { apiMain, cleanup, freePort, JSON_FLAG, machine, onCleanup, readFlags, repoRoot, spawnChild, startApi, waitForHttp } from './lib/harness.mjs';

// The posts are written by the same SQL as the API's tests use (compiled: the bench builds first).
const { DUE_POSTS_SQL } = createRequire(import.meta.url)(join(repoRoot, 'apps', 'api', 'dist', 'database', 'seed', 'seed-due-posts.js'));

export const description = 'scheduled posts published by two API instances on one database, exactly once';

const FLAGS = {
  posts: { type: 'number', default: 10_000, min: 1, help: 'posts due in the same minute (one target page each)' },
  concurrency: { type: 'number', default: 4, min: 1, help: 'PUBLISH_CONCURRENCY of each instance' },
  pool: { type: 'number', default: 10, min: 2, help: 'DB_POOL_SIZE of each instance' },
  ...JSON_FLAG,
};
const JWT_SECRET = 'bench-secret-that-is-long-enough-for-hs256-signing';
const MARK = 'Bench publish';

export async function run(args) {
  const { flags, exitCode } = readFlags(args, { name: 'publish', description, flags: FLAGS });
  if (!flags) return exitCode;
  const say = flags.json ? () => undefined : (line) => process.stderr.write(`${line}\n`);
  const publishing = { PUBLISH_CONNECTOR: 'sandbox', PUBLISH_POLL_INTERVAL_MS: '200', PUBLISH_CONCURRENCY: String(flags.concurrency), DB_POOL_SIZE: String(flags.pool), JWT_SECRET };
  let db;
  try {
    say('Starting API instance 1 on a throwaway embedded PostgreSQL…');
    const one = await startApi({ env: publishing });
    say(`  ready in ${(one.bootMs / 1000).toFixed(1)} s at ${one.baseUrl}`);
    const port = await freePort();
    const env = { ...process.env, NODE_ENV: 'development', HOST: '127.0.0.1', PORT: String(port), DATABASE_URL: one.databaseUrl, SEED_DEMO: 'false', DATA_DIR: one.tmp, LOG_LEVEL: 'warn', ...publishing };
    const two = spawnChild('api-2', process.execPath, [apiMain], { env });
    onCleanup(() => two.stop(30_000));
    await waitForHttp(`http://127.0.0.1:${port}/health`, { child: two });
    say(`  instance 2 ready at http://127.0.0.1:${port}, same database`);

    db = new pg.Pool({ connectionString: one.databaseUrl, max: 2 });
    db.on('error', () => undefined);
    say(`Scheduling ${flags.posts} posts due in 5 s…`);
    const { rows: [{ due }] } = await db.query(`SELECT date_trunc('second', now()) + interval '5 seconds' AS due`);
    await schedule(db, flags.posts, due);

    const deadline = Date.now() + 30 * 60_000;
    let published = 0;
    while (published < flags.posts && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      ({ rows: [{ published }] } = await db.query(`SELECT count(*)::int AS published FROM post_publications pp JOIN posts p ON p.id = pp.post_id WHERE p.body LIKE $1 AND pp.state = 'PUBLISHED'`, [`${MARK}%`]));
      say(`  ${published}/${flags.posts} published`);
    }
    const { rows: [result] } = await db.query(
      `SELECT
         (SELECT EXTRACT(EPOCH FROM max(pp.published_at) - $2::timestamptz) * 1000 FROM post_publications pp JOIN posts p ON p.id = pp.post_id WHERE p.body LIKE $1)::int AS ms,
         (SELECT count(*) FROM posts WHERE body LIKE $1 AND state = 'PUBLISHED')::int AS posts_published,
         (SELECT count(*) FROM sandbox_deliveries d JOIN posts p ON p.id = d.subject_id WHERE d.subject_type = 'PostPublication' AND p.body LIKE $1)::int AS deliveries,
         (SELECT count(*) FROM (SELECT 1 FROM sandbox_deliveries d JOIN posts p ON p.id = d.subject_id WHERE p.body LIKE $1 GROUP BY d.subject_id, d.page_external_id HAVING count(*) > 1) t)::int AS sent_twice,
         (SELECT count(*) FROM post_publications pp JOIN posts p ON p.id = pp.post_id WHERE p.body LIKE $1 AND pp.attempts > 1)::int AS retried`,
      [`${MARK}%`, due],
    );
    const report = {
      posts: flags.posts,
      instances: 2,
      concurrencyPerInstance: flags.concurrency,
      msUntilAllPublished: result.ms,
      postsPerSec: result.ms > 0 ? Math.round((result.posts_published / result.ms) * 1000) : null,
      postsPublished: result.posts_published,
      deliveries: result.deliveries,
      sentTwice: result.sent_twice,
      attemptedTwice: result.retried,
      machine: machine(),
    };
    if (flags.json) process.stdout.write(`${JSON.stringify(report)}\n`);
    else {
      process.stdout.write(
        [
          '',
          `${report.posts} posts due at once, 2 instances × ${report.concurrencyPerInstance} workers, sandbox connector`,
          `  all published after  ${(report.msUntilAllPublished / 1000).toFixed(1)} s (${report.postsPerSec} posts/s)`,
          `  posts PUBLISHED      ${report.postsPublished}`,
          `  deliveries recorded  ${report.deliveries}`,
          `  sent twice           ${report.sentTwice}   (must be 0)`,
          `  attempted twice      ${report.attemptedTwice}`,
          '',
        ].join('\n'),
      );
    }
    return report.sentTwice === 0 && report.postsPublished === flags.posts && report.deliveries === flags.posts ? 0 : 1;
  } finally {
    await db?.end().catch(() => undefined);
    await cleanup();
  }
}

/**
 * N scheduled posts on the FR page, written straight into the tables as the approval flow leaves
 * them, with their pg-boss jobs in the same transaction as the API's schedule adds them (queue
 * `publish-send`, key `<post>:<page>@<due>`, the instances created the queue at boot).
 */
async function schedule(db, n, due) {
  const client = await db.connect();
  const boss = new PgBoss({ db: { executeSql: (text, values) => client.query(text, values) }, schema: 'pgboss', supervise: false, schedule: false, migrate: false });
  boss.on('error', () => undefined);
  try {
    await boss.start();
    await client.query('BEGIN');
    const { rows } = await client.query(DUE_POSTS_SQL, [MARK, n, due]);
    await boss.insert(rows.map((row) => ({ name: 'publish-send', data: { postId: row.post_id, pageId: row.page_id }, startAfter: due, singletonKey: `${row.post_id}:${row.page_id}@${due.toISOString()}` })));
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await boss.stop({ graceful: false, close: false }).catch(() => undefined);
    client.release();
  }
}
