// The insights benchmark's world, written with set-based SQL (generate_series) into the API's own
// database: a brand of `markets` × `segments` pages under 5 regions under a global page, a reply
// queue per market, a brand admin, an analyst at the first market, 20 moderators; `days` days of
// page metrics for every page; `conversations` conversations on the market and segment pages with
// 5 customer messages each (inbound_items) and their conversation.* audit entries (route, replies
// by two moderators, resolve; one in seven reopened, answered and resolved again; a quarter of the
// last two weeks' still open; one in ten answered a day late).
//
// The queues are open 24/7 in UTC so that business time is wall time, which lets the raw baseline
// (insights-raw.mjs) judge SLA in SQL too; every instant is a whole second.
import { randomUUID } from 'node:crypto';

export const REGIONS = 5;
export const MODERATORS = 20;
const SEGMENTS = ['consumer', 'developer', 'business', 'education', 'gaming', 'support'];
const METRICS = ['page_follows', 'page_daily_follows_unique', 'page_daily_unfollows_unique', 'page_media_view', 'page_total_media_view_unique', 'page_post_engagements', 'page_views_total'];
const DAY_MS = 86_400_000;
const PASSWORD_OF = 'admin@northwind.example'; // the demo's password (pivot-demo), reused for the bench's users

export const utcDay = (ms) => new Date(ms).toISOString().slice(0, 10);

/** Days `from`…`to` (YYYY-MM-DD) of the data: `days` days ending yesterday (UTC). */
export function dataDays(days, now = Date.now()) {
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  return { from: utcDay(today - days * DAY_MS), to: utcDay(today - DAY_MS), todayMs: today };
}

/** The page tree as rows (scope_ids = the trail ending with the page). */
function tree(brandId, markets, segments) {
  const rows = [];
  const add = (page, parent) => {
    const row = { id: randomUUID(), parent_id: parent?.id ?? null, scope_ids: [...(parent?.scope_ids ?? []), null], ...page };
    row.scope_ids[row.scope_ids.length - 1] = row.id;
    row.external_id = `bench-insights-${rows.length}`;
    rows.push(row);
    return row;
  };
  const global = add({ kind: 'GLOBAL', name: 'Insights Bench', country: null, segment: null, region_countries: [] }, null);
  const regions = Array.from({ length: REGIONS }, (_, r) => add({ kind: 'REGION', name: `Insights Bench R${r + 1}`, country: null, segment: null, region_countries: [] }, global));
  const marketPages = [];
  for (let m = 0; m < markets; m++) {
    const country = String.fromCharCode(65 + Math.floor(m / 26) % 26) + String.fromCharCode(65 + (m % 26));
    const region = regions[m % REGIONS];
    region.region_countries.push(country);
    const market = add({ kind: 'MARKET', name: `Insights Bench ${country}`, country, segment: null, region_countries: [] }, region);
    marketPages.push(market);
    for (let s = 0; s < segments; s++) add({ kind: 'SEGMENT', name: `Insights Bench ${country} ${SEGMENTS[s % SEGMENTS.length]}`, country: null, segment: SEGMENTS[s % SEGMENTS.length], region_countries: [] }, market);
  }
  return { brandId, global, markets: marketPages, pages: rows };
}

/**
 * Writes the world; answers what the measurements need. `db` is one connection (temp tables).
 * `say` reports progress with timings.
 */
export async function generate(db, { markets, segments, days, conversations }, say) {
  const step = async (label, fn) => {
    const started = performance.now();
    const result = await fn();
    say(`  ${label} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    return result;
  };
  const brandId = randomUUID();
  const world = tree(brandId, markets, segments);
  const { from, todayMs } = dataDays(days);

  await step(`brand, ${world.pages.length} pages, ${markets} queues, users`, async () => {
    await db.query(`INSERT INTO brands (id, slug, name, audiences, version) VALUES ($1, 'insights-bench', 'Insights Bench', $2, 1)`, [brandId, SEGMENTS.slice(0, Math.max(1, segments))]);
    await db.query(
      `INSERT INTO pages (id, brand_id, parent_id, scope_ids, kind, network, external_id, handle, url, name, country, languages, segment, status, region_countries, description, keywords, website, version)
       SELECT r.id, $1, r.parent_id, r.scope_ids, r.kind, 'facebook', r.external_id, r.external_id, 'https://www.facebook.com/' || r.external_id, r.name, r.country, '{en}',
              r.segment, 'ACTIVE', r.region_countries, r.name || ' on Facebook', '{bench}', 'https://insights-bench.example', 1
         FROM jsonb_to_recordset($2::jsonb) AS r(id uuid, parent_id uuid, scope_ids uuid[], kind varchar, external_id varchar, name varchar, country char(2), segment varchar, region_countries text[])`,
      [brandId, JSON.stringify(world.pages.map((p) => ({ ...p, scope_ids: `{${p.scope_ids.join(',')}}`, region_countries: `{${p.region_countries.join(',')}}` })))],
    );
    const hours = JSON.stringify({ days: Object.fromEntries(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].map((d) => [d, [{ start: '00:00', end: '24:00' }]])), holidays: [] });
    const { rows: queues } = await db.query(
      `INSERT INTO reply_queues (id, brand_id, scope_page_id, scope_ids, name, is_default, first_response_minutes, next_response_minutes, time_zone, business_hours, version)
       SELECT gen_random_uuid(), $1, p.id, p.scope_ids, p.name || ' queue', true, (ARRAY[60, 120, 240])[1 + (row_number() OVER (ORDER BY p.country))::int % 3], 30, 'UTC', $2::jsonb, 1
         FROM pages p WHERE p.brand_id = $1 AND p.kind = 'MARKET' RETURNING id, scope_page_id`,
      [brandId, hours],
    );
    const queueOf = new Map(queues.map((q) => [q.scope_page_id, q.id]));
    for (const market of world.markets) market.queue_id = queueOf.get(market.id);
    const users = [
      { email: 'bench-admin@insights-bench.example', role: 'BRAND_ADMIN', scope: world.global },
      { email: 'bench-analyst@insights-bench.example', role: 'ANALYST', scope: world.markets[0] },
      ...Array.from({ length: MODERATORS }, (_, i) => ({ email: `bench-moderator-${i}@insights-bench.example`, role: 'MODERATOR', scope: world.global })),
    ].map((u) => ({ ...u, id: randomUUID() }));
    await db.query(
      `WITH made AS (
         INSERT INTO users (id, email, display_name, password_hash, disabled)
         SELECT r.id, r.email, r.email, (SELECT password_hash FROM users WHERE email = $3), false FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, email varchar) RETURNING id)
       INSERT INTO role_assignments (id, user_id, role, brand_id, scope_page_id, scope_ids)
       SELECT gen_random_uuid(), r.id, r.role, $2, r.scope, p.scope_ids FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, role varchar, scope uuid) JOIN pages p ON p.id = r.scope`,
      [JSON.stringify(users.map((u) => ({ id: u.id, email: u.email, role: u.role, scope: u.scope.id }))), brandId, PASSWORD_OF],
    );
    world.admin = users[0];
    world.analyst = users[1];
    world.moderators = users.slice(2).map((u) => u.id);
  });

  await step(`${days} days × ${METRICS.length} page metrics × ${world.pages.length} pages`, () =>
    db.query(
      `WITH daily AS (
         SELECT p.id, p.kind, d.n, (($2::date + d.n) ) AS day,
                (row_number() OVER (PARTITION BY d.n ORDER BY p.id))::bigint AS i
           FROM pages p, generate_series(0, $3::int - 1) AS d(n) WHERE p.brand_id = $1),
       scaled AS (
         SELECT id, day, n, i, CASE kind WHEN 'GLOBAL' THEN 200 WHEN 'REGION' THEN 40 WHEN 'MARKET' THEN 10 ELSE 1 END AS w FROM daily),
       moves AS (
         SELECT id, day, n, i, w, w * (5 + (i * 31 + n * 17) % 40) AS follows, w * ((i * 13 + n * 7) % 15) AS unfollows FROM scaled),
       full_day AS (
         SELECT *, w * (1000 + (i * 7919) % 50000) + sum(follows - unfollows) OVER (PARTITION BY id ORDER BY n) AS followers FROM moves)
       INSERT INTO page_metric_daily (page_id, metric, day, brand_id, value)
       SELECT f.id, m.metric, f.day, $1, m.value FROM full_day f
        CROSS JOIN LATERAL (VALUES ('page_follows', f.followers), ('page_daily_follows_unique', f.follows), ('page_daily_unfollows_unique', f.unfollows),
          ('page_total_media_view_unique', f.followers / 10 + (f.i * f.n) % 500), ('page_media_view', 2 * (f.followers / 10 + (f.i * f.n) % 500)),
          ('page_post_engagements', f.followers / 200 + (f.i + f.n) % 30), ('page_views_total', f.w * ((f.i * 7 + f.n * 3) % 200))) AS m(metric, value)`,
      [brandId, from, days],
    ),
  );

  const convPages = world.pages.filter((p) => p.kind === 'MARKET' || p.kind === 'SEGMENT');
  const queueOfPage = (p) => (p.kind === 'MARKET' ? p.queue_id : world.markets.find((m) => m.id === p.parent_id).queue_id);
  await db.query(`CREATE TEMP TABLE bench_conv_pages AS SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(idx int, page_id uuid, queue_id uuid)`, [
    JSON.stringify(convPages.map((p, idx) => ({ idx, page_id: p.id, queue_id: queueOfPage(p) }))),
  ]);
  // Per conversation n: start t0, first reply after r1 (odd seconds; one in ten a day late), the
  // next after r2; resolved unless among the last two weeks' open quarter; one in seven reopened.
  await db.query(
    `CREATE TEMP TABLE bench_conv AS
     SELECT n, gen_random_uuid() AS id, cp.page_id, p.scope_ids, cp.queue_id, t.t0,
            31 + 2 * ((n::bigint * 7919) % 5400) + CASE WHEN n % 10 = 3 THEN 86400 ELSE 0 END AS r1,
            61 + 2 * ((n::bigint * 6007) % 1800) AS r2,
            NOT (t.t0 > $3::timestamptz - interval '14 days' AND n % 4 = 0) AS resolved,
            (n % 7 = 0 AND t.t0 < $3::timestamptz - interval '3 days' AND NOT (t.t0 > $3::timestamptz - interval '14 days' AND n % 4 = 0)) AS reopened,
            $4::uuid[] AS mods
       FROM generate_series(0, $1::int - 1) AS n
       JOIN bench_conv_pages cp ON cp.idx = n % $5
       JOIN pages p ON p.id = cp.page_id
      CROSS JOIN LATERAL (SELECT $2::timestamptz + make_interval(secs => ((n::bigint * 104729 + 7) % $6::bigint)::int) AS t0) t`,
    [conversations, `${from}T00:00:00Z`, new Date(todayMs).toISOString(), world.moderators, convPages.length, (days - 2) * 86_400],
  );
  // Offsets (seconds after t0) of the 5 messages and of the events.
  await db.query(
    `CREATE TEMP TABLE bench_timeline AS
     SELECT c.*, c.r1 + 600 + c.r2 AS reply2, c.r1 + 900 + c.r2 AS resolve1, c.r1 + 900 + c.r2 + 3600 AS again,
            c.mods[1 + c.n % ${MODERATORS}] AS m1, c.mods[1 + (c.n + 1) % ${MODERATORS}] AS m2
       FROM bench_conv c`,
  );
  await step(`${conversations} conversations`, () =>
    db.query(
      `INSERT INTO conversations (id, network, brand_id, page_id, scope_ids, thread_id, author_id, state, queue_id, item_count, first_item_at, last_item_at,
                                  created_at, updated_at, routed_at, first_responded_at, last_responded_at)
       SELECT id, 'facebook', $1, page_id, scope_ids, 'bench-' || n, 'bench-author-' || (n % $2), CASE WHEN resolved THEN 'RESOLVED' ELSE 'OPEN' END, queue_id, 5,
              t0, t0 + make_interval(secs => CASE WHEN reopened THEN again ELSE r1 + 900 END), t0,
              t0 + make_interval(secs => CASE WHEN reopened THEN again + 2401 WHEN resolved THEN resolve1 ELSE reply2 END),
              t0 + interval '1 second', t0 + make_interval(secs => r1), t0 + make_interval(secs => CASE WHEN reopened THEN again + 1801 ELSE reply2 END)
         FROM bench_timeline`,
      [brandId, Math.max(1, Math.round(conversations * 0.6))],
    ),
  );
  await step(`${conversations * 5} inbound items`, () =>
    db.query(
      `INSERT INTO inbound_items (id, network, external_id, brand_id, page_id, scope_ids, conversation_id, kind, thread_id, author_id, text, occurred_at, received_at, source, status)
       SELECT gen_random_uuid(), 'facebook', 'bench-' || c.n || '-' || k, $1, c.page_id, c.scope_ids, c.id, 'COMMENT', 'bench-' || c.n, 'bench-author-' || (c.n % $2),
              'Bonjour', c.t0 + make_interval(secs => o.s), c.t0 + make_interval(secs => o.s + 2), 'IMPORT', 'ROUTED'
         FROM bench_timeline c, generate_series(0, 4) AS k
        CROSS JOIN LATERAL (SELECT (ARRAY[0, 20, 25, c.r1 + 600, CASE WHEN c.reopened THEN c.again ELSE c.r1 + 900 END])[k + 1] AS s) o`,
      [brandId, Math.max(1, Math.round(conversations * 0.6))],
    ),
  );
  const { rows: [{ events }] } = await step('conversation.* audit entries', () =>
    db.query(
      `WITH e(subject_id, scope_ids, action, actor_id, at, changes) AS (
         SELECT id, scope_ids, 'conversation.route', NULL::uuid, t0 + interval '1 second', jsonb_build_object('queueId', jsonb_build_object('before', NULL, 'after', queue_id)) FROM bench_timeline
         UNION ALL SELECT id, scope_ids, 'conversation.reply', m1, t0 + make_interval(secs => r1), '{}'::jsonb FROM bench_timeline
         UNION ALL SELECT id, scope_ids, 'conversation.reply', m2, t0 + make_interval(secs => reply2), '{}' FROM bench_timeline
         UNION ALL SELECT id, scope_ids, 'conversation.resolve', m2, t0 + make_interval(secs => resolve1), '{}' FROM bench_timeline WHERE resolved
         UNION ALL SELECT id, scope_ids, 'conversation.reopen', NULL, t0 + make_interval(secs => again + 1), '{}' FROM bench_timeline WHERE reopened
         UNION ALL SELECT id, scope_ids, 'conversation.reply', m1, t0 + make_interval(secs => again + 1801), '{}' FROM bench_timeline WHERE reopened
         UNION ALL SELECT id, scope_ids, 'conversation.resolve', m1, t0 + make_interval(secs => again + 2401), '{}' FROM bench_timeline WHERE reopened),
       made AS (
         INSERT INTO audit_entries (id, occurred_at, actor_id, action, subject_type, subject_id, brand_id, scope_ids, changes)
         SELECT gen_random_uuid(), at, actor_id, action, 'Conversation', subject_id, $1, scope_ids, changes FROM e ORDER BY at, action <> 'conversation.route'
         RETURNING 1)
       SELECT count(*)::int AS events FROM made`,
      [brandId],
    ),
  );
  // As autovacuum would have by the time anyone asks: otherwise it runs during the measurements.
  await step('VACUUM ANALYZE', () => vacuum(db, ['pages', 'page_metric_daily', 'conversations', 'inbound_items', 'audit_entries']));
  for (const table of ['bench_timeline', 'bench_conv', 'bench_conv_pages']) await db.query(`DROP TABLE ${table}`);
  return { ...world, events, items: conversations * 5, metricRows: days * METRICS.length * world.pages.length };
}

/** VACUUM (ANALYZE) of these tables, one statement each (VACUUM runs outside a transaction block). */
export async function vacuum(db, tables) {
  for (const table of tables) await db.query(`VACUUM (ANALYZE) ${table}`);
}
