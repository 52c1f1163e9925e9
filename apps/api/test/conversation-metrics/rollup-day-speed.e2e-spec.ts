import type { Client } from 'pg';
import { as, must, type World } from '../access/access-world';
import type { TestApp } from '../support/test-app';
import { ConversationMetricsService } from '../../src/conversation-metrics/conversation-metrics.service';
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
    await db.query(
      `CREATE TEMP TABLE speed AS SELECT gen_random_uuid() AS id, n, ($2::date + interval '6 hours' + n * interval '4 seconds') AS at FROM generate_series(1, $1::int) n`,
      [CONVERSATIONS, DAY],
    );
    const [brand, page, scope, moderator] = [f.brandId, f.pageId, f.scopeIds, w.userId.FR_MODERATOR];
    await db.query(
      `INSERT INTO conversations (id, network, brand_id, page_id, scope_ids, thread_id, author_id, state, queue_id, item_count, first_item_at, last_item_at, updated_at)
       SELECT id, 'facebook', $1, $2, $3, 'speed-' || n, 'speed-author-' || (n % 4000), 'RESOLVED', $4, 2, at, at + interval '10 minutes', at + interval '30 minutes' FROM speed`,
      [brand, page, scope, queueId],
    );
    for (const offset of ['0 minutes', '10 minutes']) {
      await db.query(
        `INSERT INTO inbound_items (id, network, external_id, brand_id, page_id, scope_ids, conversation_id, kind, thread_id, author_id, text, occurred_at, source, status)
         SELECT gen_random_uuid(), 'facebook', 'speed-' || n || '-' || $4, $1, $2, $3, id, 'COMMENT', 'speed-' || n, 'speed-author-' || (n % 4000), 'Bonjour',
                at + $4::interval, 'IMPORT', 'ROUTED' FROM speed`,
        [brand, page, scope, offset],
      );
    }
    const events: Array<[string, string, string | null, string]> = [
      ['conversation.route', '1 second', null, JSON.stringify({ queueId: { before: null, after: queueId } })],
      ['conversation.reply', '5 minutes', moderator, '{}'],
      ['conversation.reply', '20 minutes', moderator, '{}'],
      ['conversation.resolve', '30 minutes', moderator, '{}'],
    ];
    for (const [action, offset, actor, changes] of events) {
      await db.query(
        `INSERT INTO audit_entries (id, occurred_at, actor_id, action, subject_type, subject_id, brand_id, scope_ids, changes)
         SELECT gen_random_uuid(), at + $2::interval, $3, $1, 'Conversation', id, $4, $5, $6::jsonb FROM speed ORDER BY n`,
        [action, offset, actor, brand, scope, changes],
      );
    }
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
