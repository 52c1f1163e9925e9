// The insights benchmark's baseline: the market comparison's conversation figures aggregated from
// the raw rows (inbound_items, conversations, audit_entries) in one statement, as one would without
// the rollups, with the indexes the raw tables have. Network figures come from page_metric_daily
// (the networks' own daily figures: there is nothing rawer). Percentiles are exact (nearest rank);
// SLA is judged on wall time, which is business time for the benchmark's 24/7 UTC queues, and the
// queue is the conversation's own (the benchmark's conversations never change queue).
const RAW_SQL = `
  WITH bounds AS (SELECT ($3::date)::timestamp AT TIME ZONE 'UTC' AS t0, ($4::date + 1)::timestamp AT TIME ZONE 'UTC' AS t1),
  markets AS (
    SELECT id FROM pages WHERE brand_id = $1 AND kind = 'MARKET' AND status = 'ACTIVE' AND scope_ids @> ARRAY[$2::uuid]),
  page_market AS (
    SELECT p.id AS page_id, m.id AS market_id FROM markets m JOIN pages p ON p.scope_ids @> ARRAY[m.id] AND p.status = 'ACTIVE'),
  network AS (
    SELECT pm.market_id,
           sum(d.value) FILTER (WHERE d.metric = 'page_daily_follows_unique') - sum(d.value) FILTER (WHERE d.metric = 'page_daily_unfollows_unique') AS growth
      FROM page_metric_daily d JOIN page_market pm ON pm.page_id = d.page_id
     WHERE d.brand_id = $1 AND d.day BETWEEN $3 AND $4 AND d.metric IN ('page_daily_follows_unique', 'page_daily_unfollows_unique')
     GROUP BY pm.market_id),
  followers AS (
    SELECT pm.market_id, sum(last.value) AS followers
      FROM page_market pm
      CROSS JOIN LATERAL (SELECT d.value FROM page_metric_daily d WHERE d.page_id = pm.page_id AND d.metric = 'page_follows' AND d.day <= $4 ORDER BY d.day DESC LIMIT 1) last
     GROUP BY pm.market_id),
  authors AS (
    SELECT pm.market_id, count(DISTINCT i.author_id) AS authors
      FROM inbound_items i JOIN page_market pm ON pm.page_id = i.page_id, bounds b
     WHERE i.brand_id = $1 AND i.occurred_at >= b.t0 AND i.occurred_at < b.t1
     GROUP BY pm.market_id),
  events AS (
    SELECT pm.market_id, a.action, a.occurred_at AS at, c.id AS conversation_id, c.first_item_at, rq.first_response_minutes, rq.next_response_minutes,
           (SELECT p.occurred_at FROM audit_entries p WHERE p.subject_type = 'Conversation' AND p.subject_id = a.subject_id AND p.action = 'conversation.reply' AND p.seq < a.seq
             ORDER BY p.seq DESC LIMIT 1) AS prev_reply
      FROM audit_entries a JOIN conversations c ON c.id = a.subject_id JOIN page_market pm ON pm.page_id = c.page_id
      LEFT JOIN reply_queues rq ON rq.id = c.queue_id, bounds b
     WHERE a.brand_id = $1 AND a.subject_type = 'Conversation' AND a.action IN ('conversation.route', 'conversation.reply')
       AND a.occurred_at >= b.t0 AND a.occurred_at < b.t1),
  owed AS (
    SELECT e.*, CASE WHEN e.prev_reply IS NULL THEN e.first_item_at
                     ELSE (SELECT min(i.occurred_at) FROM inbound_items i WHERE i.conversation_id = e.conversation_id AND i.occurred_at > e.prev_reply AND i.occurred_at <= e.at) END AS since
      FROM events e WHERE e.action = 'conversation.reply'),
  replies AS (
    SELECT market_id,
           count(*) FILTER (WHERE prev_reply IS NULL) AS answered,
           percentile_disc(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM at - since)) FILTER (WHERE prev_reply IS NULL) AS p50,
           percentile_disc(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM at - since)) FILTER (WHERE prev_reply IS NULL) AS p90,
           count(*) FILTER (WHERE since IS NOT NULL AND at - since <= make_interval(mins => CASE WHEN prev_reply IS NULL THEN first_response_minutes ELSE next_response_minutes END)) AS met,
           count(*) FILTER (WHERE since IS NOT NULL AND at - since > make_interval(mins => CASE WHEN prev_reply IS NULL THEN first_response_minutes ELSE next_response_minutes END)) AS breached
      FROM owed GROUP BY market_id),
  opened AS (
    SELECT market_id, count(*) AS opened FROM events WHERE action = 'conversation.route' GROUP BY market_id),
  backlog AS (
    SELECT pm.market_id, count(*) AS backlog
      FROM conversations c JOIN page_market pm ON pm.page_id = c.page_id, bounds b
      LEFT JOIN LATERAL (
        SELECT r.occurred_at AS at FROM audit_entries r
         WHERE r.subject_type = 'Conversation' AND r.subject_id = c.id AND r.action = 'conversation.resolve' AND r.occurred_at < b.t1
         ORDER BY r.seq DESC LIMIT 1) resolved ON true
     WHERE c.brand_id = $1 AND c.first_item_at < b.t1
       AND (resolved.at IS NULL OR EXISTS (SELECT 1 FROM inbound_items i WHERE i.conversation_id = c.id AND i.occurred_at > resolved.at AND i.occurred_at < b.t1))
     GROUP BY pm.market_id)
  SELECT m.id AS "pageId", f.followers::float8 AS followers, n.growth::float8 AS "followerGrowth",
         CASE WHEN f.followers > 0 THEN COALESCE(a.authors, 0)::float8 / f.followers END AS "conversationRate",
         CASE WHEN o.opened > 0 THEN COALESCE(r.answered, 0)::float8 / o.opened END AS "responseRate",
         r.p50::float8 AS "firstResponseP50Seconds", r.p90::float8 AS "firstResponseP90Seconds",
         CASE WHEN r.met + r.breached > 0 THEN r.met::float8 / (r.met + r.breached) END AS "slaAttainment",
         COALESCE(bl.backlog, 0)::int AS backlog
    FROM markets m
    LEFT JOIN followers f ON f.market_id = m.id LEFT JOIN network n ON n.market_id = m.id LEFT JOIN authors a ON a.market_id = m.id
    LEFT JOIN replies r ON r.market_id = m.id LEFT JOIN opened o ON o.market_id = m.id LEFT JOIN backlog bl ON bl.market_id = m.id
   ORDER BY m.id`;

/** The raw market comparison of the markets under `scopeId` over [from, to] (YYYY-MM-DD, inclusive). */
export async function rawMarketComparison(db, { brandId, scopeId, from, to }) {
  const { rows } = await db.query(RAW_SQL, [brandId, scopeId, from, to]);
  return rows;
}

export const RAW_MARKET_COMPARISON_SQL = RAW_SQL;
