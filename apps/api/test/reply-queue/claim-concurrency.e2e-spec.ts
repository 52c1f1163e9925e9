import { must } from '../access/access-world';
import { errorCode, gql } from '../support/graphql';
import { startServer } from '../support/server-process';
import { startTestApp, type TestApp } from '../support/test-app';
import { RoutingDispatcher } from '../../src/reply-queue/routing/routing-dispatcher';
import { loadQueueWorld, moreModerators, newQueue, seedConversations, type QueueWorld } from './queue-world';

const CLAIM = `mutation($q: ID!) { claimNext(queueId: $q) { id assigneeId } }`;
/** Short enough to wait for, long enough for 20 claims to finish well inside it on a busy machine. */
const LEASE_SECONDS = 5;

/** Claims until the queue answers null (or `max` claims); every answer recorded. */
async function drain(app: TestApp, token: string, queueId: string, max = Infinity): Promise<{ id: string; assigneeId: string }[]> {
  const got = [];
  while (got.length < max) {
    const result = await gql(app, CLAIM, { q: queueId }, token);
    if (result.errors) throw new Error(`claim failed: ${errorCode(result)}`);
    if (!result.data?.claimNext) return got;
    got.push(result.data.claimNext);
  }
  return got;
}

describe('claimNext under concurrency', () => {
  let w: QueueWorld;

  beforeAll(async () => {
    // The default lease (5 minutes): no claim lapses while 2,000 are handed out.
    w = await loadQueueWorld(await startTestApp({ LOGIN_ATTEMPTS_PER_MINUTE: '10000', DB_POOL_SIZE: '20' }));
  });
  afterAll(async () => {
    await w?.db.end();
    await w?.app.close();
  });

  it('gives each of 2,000 conversations to exactly one of 50 moderators claiming at once', async () => {
    const queueId = await newQueue(w, w.id.FR);
    const ids = await seedConversations(w, 2000, queueId);
    const moderators = await moreModerators(w, 50, queueId);
    const claims = (await Promise.all(moderators.map((m) => drain(w.app, m.token, queueId)))).flat();
    expect(claims).toHaveLength(2000);
    expect(new Set(claims.map((c) => c.id))).toEqual(new Set(ids));
    // Each answer names its caller, and the database agrees with every one of them.
    const { rows } = await w.db.query(`SELECT count(*)::int AS n FROM conversations WHERE queue_id = $1 AND state = 'ASSIGNED'`, [queueId]);
    expect(rows[0].n).toBe(2000);
    const audits = await w.db.query(`SELECT count(*)::int AS n, count(DISTINCT subject_id)::int AS d FROM audit_entries WHERE action = 'conversation.claim' AND subject_id = ANY($1::uuid[])`, [ids]);
    expect(audits.rows[0]).toEqual({ n: 2000, d: 2000 });
    expect(new Set(claims.map((c) => c.assigneeId)).size).toBeGreaterThan(1);
  }, 300_000);

  it('returns to the queue what a killed instance (SIGKILL, no shutdown) held, once the leases lapse', async () => {
    const queueId = await newQueue(w, w.id.FR);
    const ids = await seedConversations(w, 20, queueId);
    const [gone, stayer] = await moreModerators(w, 2, queueId);
    const doomed = await startServer({ DATABASE_URL: w.app.databaseUrl, REPLY_LEASE_SECONDS: String(LEASE_SECONDS) });
    const held: { id: string; assigneeId: string }[] = [];
    for (let i = 0; i < 20; i++) {
      const res = await fetch(`http://127.0.0.1:${doomed.port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${gone.token}` },
        body: JSON.stringify({ query: CLAIM, variables: { q: queueId } }),
      });
      held.push(((await res.json()) as { data: { claimNext: { id: string; assigneeId: string } } }).data.claimNext);
    }
    expect(held.every((c) => c.assigneeId === gone.id)).toBe(true);
    doomed.child.kill('SIGKILL');
    await doomed.exited;

    // Still leased: nothing for anyone on the surviving instance.
    expect(must(await gql(w.app, CLAIM, { q: queueId }, stayer.token)).claimNext).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, LEASE_SECONDS * 1000 + 200));
    await w.app.app.get(RoutingDispatcher).sweep();
    const { rows } = await w.db.query(`SELECT state, assignee_id FROM conversations WHERE id = ANY($1::uuid[])`, [ids]);
    expect(rows).toEqual(ids.map(() => ({ state: 'OPEN', assignee_id: null })));
    const taken = await drain(w.app, stayer.token, queueId);
    expect(new Set(taken.map((c) => c.id))).toEqual(new Set(ids));
    expect(taken.every((c) => c.assigneeId === stayer.id)).toBe(true);
  }, 60_000);
});
