import { Pool } from 'pg';
import { startServer, type Server } from '../support/server-process';
import { startTestApp, type TestApp } from '../support/test-app';
import { PUBLISH_QUEUE } from '../../src/publishing/schedule/publisher.service';
import { duePosts, publishedTally, until } from './publish-world';

const POSTS = Number(process.env.PIVOT_CRASH_POSTS ?? 1500);
const MARK = 'Crash publish';

/**
 * kill -9 of an API instance in the middle of publishing. The production expiry and maintenance
 * settings (PUBLISH_HTTP_TIMEOUT_MS 10 s: jobs expire after 25 s; maintenance every 10 s), since
 * what is pinned is the minute they promise; PIVOT_CRASH_POSTS changes the load.
 */
describe('publishing: an instance killed mid-publish', () => {
  let app: TestApp;
  let db: Pool;
  const servers: Server[] = [];

  beforeAll(async () => {
    // This process only writes the posts: it publishes nothing and never sweeps.
    app = await startTestApp();
    db = new Pool({ connectionString: app.databaseUrl, max: 2 });
  });
  afterAll(async () => {
    for (const server of servers) if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
    await Promise.all(servers.map((server) => server.exited));
    await db?.end();
    await app?.close();
  });

  const publisher = async () => {
    const server = await startServer({ DATABASE_URL: app.databaseUrl, PUBLISH_CONNECTOR: 'sandbox', PUBLISH_POLL_INTERVAL_MS: '50', PUBLISH_CONCURRENCY: '2', LOG_LEVEL: 'warn' });
    servers.push(server);
    return server;
  };

  it('sends what a SIGKILLed instance had in flight from another instance within 60 s, every post published exactly once', async () => {
    const { rows: [{ now }] } = await db.query<{ now: Date }>(`SELECT now()`);
    await duePosts(app, POSTS, MARK, now);
    const doomed = await publisher();
    // Frozen (SIGSTOP) while what it has fetched is looked at, so the sends counted in flight are exactly
    // those it dies holding; on a busy machine it may sit between two batches, then it runs on a moment.
    let inFlight: { post_id: string }[] = [];
    await until(
      'a fifth published, with sends in flight',
      async () => {
        if ((await publishedTally(db, MARK)).sends < POSTS / 5) return false;
        doomed.child.kill('SIGSTOP');
        // In flight: fetched by the instance (active in pg-boss), not sent.
        ({ rows: inFlight } = await db.query<{ post_id: string }>(
          `SELECT pp.post_id FROM pgboss.job j JOIN post_publications pp ON pp.post_id = (j.data->>'postId')::uuid AND pp.page_id = (j.data->>'pageId')::uuid
            WHERE j.name = $1 AND j.state = 'active' AND pp.state = 'PENDING'`,
          [PUBLISH_QUEUE],
        ));
        if (inFlight.length > 0) return true;
        doomed.child.kill('SIGCONT');
        await new Promise((resolve) => setTimeout(resolve, 5));
        return false;
      },
      60_000,
    );
    doomed.child.kill('SIGKILL');
    await doomed.exited;
    const { rows: [{ killedAt }] } = await db.query<{ killedAt: Date }>(`SELECT now() AS "killedAt"`);
    const before = await publishedTally(db, MARK);
    expect(inFlight.length).toBeGreaterThan(0);
    expect(before.sends).toBeLessThan(POSTS);

    await publisher();
    await until('every post published', async () => (await publishedTally(db, MARK)).posts === POSTS, 90_000);
    const { rows: [{ ms }] } = await db.query<{ ms: number }>(
      `SELECT (EXTRACT(EPOCH FROM max(published_at) - $2::timestamptz) * 1000)::int AS ms FROM post_publications WHERE post_id = ANY($1::uuid[])`,
      [inFlight.map((row) => row.post_id), killedAt],
    );
    process.stderr.write(`publish crash: ${POSTS} posts, ${before.sends} sent before the kill, ${inFlight.length} in flight, recovered ${ms} ms after the kill\n`);
    expect(ms).toBeLessThanOrEqual(60_000);
    expect(await publishedTally(db, MARK)).toEqual({ sends: POSTS, posts: POSTS, deliveries: POSTS, twice: 0, publishEvents: POSTS });
  }, 150_000);
});
