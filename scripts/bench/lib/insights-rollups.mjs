// conversation_metric_days and conversation_metric_authors for the insights benchmark, built from
// the raw rows with set-based SQL instead of day by day through the rollup job: the same rules as
// apps/api/src/conversation-metrics (conversation-metric-events.ts, rollup-rows.ts, and
// @pivot/domain's conversationMetricSamples), for queues open 24/7 in UTC, where business time is
// wall time. The backlog gauge is the real refreshBacklog (compiled), over every day at once.
// `verify` then rebuilds sample days through the real recomputeConversationMetricsDay mutation
// and compares every row.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { bucketLowerBound, HISTOGRAM_BUCKETS } from '@pivot/domain';
import { repoRoot } from './harness.mjs';
import { vacuum } from './insights-data.mjs';

const { refreshBacklog } = createRequire(import.meta.url)(join(repoRoot, 'apps', 'api', 'dist', 'conversation-metrics', 'backlog.js'));

/** Lower bounds of buckets 1…31, so width_bucket(seconds, bounds) is histogramBucket(seconds). */
const BOUNDS = Array.from({ length: HISTOGRAM_BUCKETS - 1 }, (_, i) => bucketLowerBound(i + 1));
const histogramOf = (column) =>
  `CASE WHEN count(${column}) > 0 THEN ARRAY[${Array.from({ length: HISTOGRAM_BUCKETS }, (_, b) => `count(*) FILTER (WHERE width_bucket(${column}, $2::float8[]) = ${b})`).join(', ')}]::int[] END`;

/**
 * Every event of the brand with what its samples need (conversation-metric-events.ts eventsSql,
 * as windows): the queue then (the last queueId change up to it), the previous reply and
 * resolution, and the customer messages owed since them.
 */
const EVENTS = `
  WITH history AS (
    SELECT a.id, a.seq, a.action, a.actor_id, a.occurred_at AS at, a.subject_id, a.changes ? 'queueId' AS moves, (a.changes -> 'queueId' ->> 'after')::uuid AS queue_after,
           count(*) FILTER (WHERE a.changes ? 'queueId') OVER (PARTITION BY a.subject_id ORDER BY a.seq) AS queue_run
      FROM audit_entries a WHERE a.subject_type = 'Conversation' AND a.brand_id = $1),
  queued AS (
    SELECT h.*, first_value(h.queue_after) OVER (PARTITION BY h.subject_id, h.queue_run ORDER BY h.seq) AS queue_id
      FROM history h),
  acts AS (
    SELECT q.*, lag(q.at) OVER (PARTITION BY q.subject_id, q.action ORDER BY q.seq) AS prev_same
      FROM queued q WHERE q.action IN ('conversation.route', 'conversation.reopen', 'conversation.reply', 'conversation.resolve'))
  SELECT e.action, e.actor_id, e.at, c.page_id, (e.at AT TIME ZONE 'UTC')::date AS day, e.queue_id,
         rq.first_response_minutes, rq.next_response_minutes,
         (e.action = 'conversation.reply' AND e.prev_same IS NULL) AS first_reply,
         CASE WHEN e.action = 'conversation.reply' THEN
           CASE WHEN e.prev_same IS NULL THEN c.first_item_at
                ELSE (SELECT min(i.occurred_at) FROM inbound_items i WHERE i.conversation_id = c.id AND i.occurred_at > e.prev_same AND i.occurred_at <= e.at) END
         WHEN e.action = 'conversation.resolve' THEN COALESCE(
           (SELECT min(i.occurred_at) FROM inbound_items i WHERE i.conversation_id = c.id AND i.occurred_at > e.prev_same AND i.occurred_at <= e.at),
           e.prev_same, c.first_item_at)
         END AS since
    FROM acts e JOIN conversations c ON c.id = e.subject_id LEFT JOIN reply_queues rq ON rq.id = e.queue_id`;

/**
 * The samples of each event (conversationMetricSamples): metric, moderator, wall and business
 * seconds (float8, computed as the domain does: whole milliseconds, business via minutes).
 */
const SAMPLES = `
  events AS (${EVENTS}),
  timed AS (
    SELECT e.*, greatest(0, extract(epoch FROM e.at - e.since) * 1000)::float8 AS ms FROM events e),
  samples AS (
    SELECT t.page_id, t.day, t.queue_id, s.metric, s.moderator_id, s.seconds,
           CASE WHEN s.seconds IS NOT NULL AND t.queue_id IS NOT NULL THEN (t.ms / 60000) * 60 END AS business
      FROM timed t
     CROSS JOIN LATERAL (VALUES
       ('opened', NULL::uuid, NULL::float8, t.action = 'conversation.route'),
       ('reopened', NULL, NULL, t.action = 'conversation.reopen'),
       ('resolved', t.actor_id, NULL, t.action = 'conversation.resolve'),
       ('resolution', t.actor_id, t.ms / 1000, t.action = 'conversation.resolve'),
       ('replies', t.actor_id, NULL, t.action = 'conversation.reply'),
       ('answered', t.actor_id, NULL, t.action = 'conversation.reply' AND t.first_reply),
       (CASE WHEN t.first_reply THEN 'first_response' ELSE 'next_response' END, t.actor_id, t.ms / 1000, t.action = 'conversation.reply' AND t.since IS NOT NULL),
       (CASE WHEN (t.ms / 60000) * 60 <= 60 * CASE WHEN t.first_reply THEN t.first_response_minutes ELSE t.next_response_minutes END THEN 'sla_met' ELSE 'sla_breached' END,
        t.actor_id, NULL, t.action = 'conversation.reply' AND t.since IS NOT NULL AND t.queue_id IS NOT NULL),
       ('first_sla_met', t.actor_id, NULL, t.action = 'conversation.reply' AND t.first_reply AND t.since IS NOT NULL AND t.queue_id IS NOT NULL
        AND (t.ms / 60000) * 60 <= 60 * t.first_response_minutes)
     ) AS s(metric, moderator_id, seconds, applies)
     WHERE s.applies)`;

const ROLLUP_SQL = `
  WITH ${SAMPLES}
  INSERT INTO conversation_metric_days (brand_id, page_id, day, queue_id, moderator_id, metric, count, sum_ms, business_count, business_sum_ms, histogram, business_histogram)
  SELECT $1, page_id, day, queue_id, moderator_id, metric, count(*), COALESCE(sum(round(seconds * 1000)), 0), count(business), COALESCE(sum(round(business * 1000)), 0),
         ${histogramOf('seconds')}, ${histogramOf('business')}
    FROM samples
   GROUP BY GROUPING SETS ((page_id, day, metric), (page_id, day, metric, queue_id), (page_id, day, metric, queue_id, moderator_id))
  HAVING (GROUPING(queue_id) = 1 OR queue_id IS NOT NULL) AND (GROUPING(moderator_id) = 1 OR moderator_id IS NOT NULL)`;

/** Writes the brand's rollups for every day from the raw rows; answers the rows written. */
export async function buildRollups(db, brandId, from, to) {
  const { rowCount: events } = await db.query(ROLLUP_SQL, [brandId, BOUNDS]);
  const { rowCount: authors } = await db.query(
    `INSERT INTO conversation_metric_authors (page_id, day, author_id, brand_id)
     SELECT DISTINCT page_id, (occurred_at AT TIME ZONE 'UTC')::date, author_id, brand_id FROM inbound_items WHERE brand_id = $1`,
    [brandId],
  );
  const { rowCount: counts } = await db.query(
    `INSERT INTO conversation_metric_days (brand_id, page_id, day, queue_id, moderator_id, metric, count)
     SELECT $1::uuid, page_id, (occurred_at AT TIME ZONE 'UTC')::date, NULL::uuid, NULL::uuid, 'items_received', count(*) FROM inbound_items WHERE brand_id = $1 GROUP BY 2, 3
     UNION ALL
     SELECT $1::uuid, page_id, day, NULL::uuid, NULL::uuid, 'authors', count(*) FROM conversation_metric_authors WHERE brand_id = $1 GROUP BY 2, 3`,
    [brandId],
  );
  const backlog = await refreshBacklog({ query: async (text, values) => (await db.query(text, values)).rows }, brandId, from, to);
  await vacuum(db, ['conversation_metric_days', 'conversation_metric_authors']);
  return { rows: events + counts + backlog, authors };
}

/** A day's rollup rows and author rows, as comparable text (the rollup spec's rollupOf, plus authors). */
async function snapshot(db, brandId, day) {
  const { rows } = await db.query(
    `SELECT page_id || ' ' || COALESCE(queue_id::text, '-') || ' ' || COALESCE(moderator_id::text, '-') || ' ' || metric AS key,
            'count=' || count || ' sum=' || sum_ms || ' bcount=' || business_count || ' bsum=' || business_sum_ms || ' h=' || COALESCE(histogram::text, '-') || ' bh=' || COALESCE(business_histogram::text, '-') AS value
       FROM conversation_metric_days WHERE brand_id = $1 AND day = $2
     UNION ALL
     SELECT 'authors ' || page_id, string_agg(author_id, ',' ORDER BY author_id) FROM conversation_metric_authors WHERE brand_id = $1 AND day = $2 GROUP BY page_id`,
    [brandId, day],
  );
  return new Map(rows.map((row) => [row.key, row.value]));
}

/**
 * Rebuilds each day with the real mutation (`recompute(day)`, over HTTP) and compares it with what
 * buildRollups wrote: answers, per day, the rows compared and the keys that differ.
 */
export async function verify(db, brandId, days, recompute) {
  const results = [];
  for (const day of days) {
    const before = await snapshot(db, brandId, day);
    const started = performance.now();
    await recompute(day);
    const ms = Math.round(performance.now() - started);
    const after = await snapshot(db, brandId, day);
    const differ = [...new Set([...before.keys(), ...after.keys()])].filter((key) => before.get(key) !== after.get(key));
    results.push({ day, rows: after.size, differ: differ.length, examples: differ.slice(0, 3).map((key) => ({ key, sql: before.get(key) ?? null, recomputed: after.get(key) ?? null })), ms });
  }
  return results;
}
