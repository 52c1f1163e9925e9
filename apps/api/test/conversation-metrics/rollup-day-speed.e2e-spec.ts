import type { Client } from 'pg';
import { as, must, type World } from '../access/access-world';
import type { TestApp } from '../support/test-app';
import { ConversationMetricsService } from '../../src/conversation-metrics/conversation-metrics.service';
import { seedConversationDay } from '../../src/database/seed/seed-conversation-day';
import { parisQueue, startMetricsWorld, type MetricsFixture } from './metrics-fixture';

/**
 * A measurement, run on request only (CONVERSATION_METRICS_SPEED=1): one day holding 10,000
 * conversations (two messages, routed, answered, resolved each: 40,000 events), added by the job,
 * then rebuilt from the raw rows by the mutation. The target: < 5 s for the day's rollup.
 */
const run = process.env.CONVERSATION_METRICS_SPEED === '1' ? describe : describe.skip;
const CONVERSATIONS = 10_000;
const DAY = '2026-06-09';
const RECOMPUTE = `mutation($input: RecomputeConversationMetricsDayInput!) { recomputeConversationMetricsDay(input: $input) { rows } }`;

run('conversation metric rollup speed (10,000 conversations in one day)', () => {
  let t: TestApp;
  let w: World;
  let db: Client;

  beforeAll(async () => {
    let f: MetricsFixture;
    ({ t, w, f } = await startMetricsWorld());
    db = f.db;
    const queueId = await parisQueue(f);
    await t.app.get(ConversationMetricsService).runOnce();
    await seedConversationDay(db, { brandId: f.brandId, pageId: f.pageId, scopeIds: f.scopeIds, queueId, moderatorId: w.userId.FR_MODERATOR, day: DAY, conversations: CONVERSATIONS });
  }, 120_000);
  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  it('adds the day with the job, then rebuilds it from the raw rows, each within 5 s', async () => {
    let started = performance.now();
    // Batches of RUN_BATCH events, each its own transaction, as the job runs them.
    const run = { events: 0, items: 0, batches: 0 };
    for (let more = true; more; ) {
      const batch = await t.app.get(ConversationMetricsService).runOnce();
      Object.assign(run, { events: run.events + batch.events, items: run.items + batch.items, batches: run.batches + 1 });
      more = batch.more;
    }
    const jobMs = performance.now() - started;
    started = performance.now();
    must(await as(w, 'ADMIN', RECOMPUTE, { input: { day: DAY } }));
    const rebuildMs = performance.now() - started;
    const { rows } = await db.query(`SELECT count::int FROM conversation_metric_days WHERE day = $1 AND metric = 'resolved' AND queue_id IS NULL`, [DAY]);
    process.stdout.write(`conversation metrics, one day of ${CONVERSATIONS} conversations (${run.events} events, ${run.items} items, ${run.batches} job runs): job ${Math.round(jobMs)} ms, rebuild ${Math.round(rebuildMs)} ms\n`);
    expect(run.events).toBe(4 * CONVERSATIONS);
    expect(rows[0].count).toBe(CONVERSATIONS);
    expect(jobMs).toBeLessThan(5_000);
    expect(rebuildMs).toBeLessThan(5_000);
  }, 120_000);
});
