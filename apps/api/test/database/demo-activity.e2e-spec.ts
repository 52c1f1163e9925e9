import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { addDays } from '@pivot/domain';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { DEMO_ROLES, urlFor } from '../../src/database/database-roles';
import { ensureDatabase } from '../../src/database/embedded-database';
import { migrate } from '../../src/database/migrate';
import { DEMO_FAILING_DAYS, DEMO_FAILING_PAGES, DEMO_DAYS, demoPeriod } from '../../src/database/seed/seed-insights';
import { seedDemo } from '../../src/database/seed/seed-demo';
import { ADMIN, FR_ANALYST, FR_MODERATOR, gql, login } from '../support/graphql';
import { startTestApp, type TestApp } from '../support/test-app';

const RECOMPUTE = `mutation($input: RecomputeConversationMetricsDayInput!) { recomputeConversationMetricsDay(input: $input) { day rows } }`;

/**
 * The demo as `npm start` seeds it (SEED_DEMO), activity included: the template the other test
 * files clone holds the brand, users and setup only (seedFixture), so this file seeds its own
 * database from scratch, the way main.ts does, then starts the app on it.
 */
describe('the demo seed: what insights and the reply queues show on first start', () => {
  let t: TestApp;
  let db: Client;
  let dbName: string;
  let brandId: string;
  const now = new Date();
  const { from, to } = demoPeriod(now);

  beforeAll(async () => {
    const adminUrl = process.env.PIVOT_TEST_ADMIN_URL!;
    dbName = `${process.env.PIVOT_TEST_TEMPLATE}_demo${randomBytes(4).toString('hex')}`;
    await ensureDatabase(adminUrl, dbName, DEMO_ROLES.owner.name);
    const url = urlFor(adminUrl, dbName, DEMO_ROLES.app);
    await migrate(urlFor(adminUrl, dbName, DEMO_ROLES.owner), url);
    const seeder = new DataSource(dataSourceOptions({ url, poolSize: 1, statementTimeoutMs: 120_000, idleInTransactionTimeoutMs: 120_000, applicationName: 'pivot-seed' }));
    await seeder.initialize();
    try {
      expect(await seedDemo(seeder, { now })).toBe(true);
      // Idempotent: the brand exists, so nothing is seeded twice.
      expect(await seedDemo(seeder, { now })).toBe(false);
    } finally {
      await seeder.destroy();
    }
    t = await startTestApp({}, { url });
    db = new Client({ connectionString: url });
    await db.connect();
    ({ rows: [{ id: brandId }] } = await db.query(`SELECT id FROM brands WHERE slug = 'northwind'`));
  }, 180_000);

  afterAll(async () => {
    await db?.end();
    await t?.close();
    const admin = new Client({ connectionString: process.env.PIVOT_TEST_ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
  });

  it('gives every active page DEMO_DAYS of every metric ending yesterday, and a healthy fetch status but for the failing pages', async () => {
    const { rows } = await db.query(
      `SELECT p.handle, m.metric, count(*)::int AS days, min(m.day)::text AS first, max(m.day)::text AS last
         FROM pages p JOIN page_metric_daily m ON m.page_id = p.id
        WHERE p.brand_id = $1 AND p.status = 'ACTIVE' GROUP BY 1, 2`,
      [brandId],
    );
    const { rows: [{ n: activePages }] } = await db.query(`SELECT count(*)::int AS n FROM pages WHERE brand_id = $1 AND status = 'ACTIVE'`, [brandId]);
    expect(new Set(rows.map((row) => row.handle)).size).toBe(activePages);
    expect(activePages).toBeGreaterThan(200);
    const failedLast = addDays(to, -DEMO_FAILING_DAYS);
    for (const row of rows) {
      const problem = DEMO_FAILING_PAGES[row.handle];
      const stopped = problem && (problem.metric === undefined || problem.metric === row.metric);
      expect({ page: row.handle, metric: row.metric, days: row.days, first: row.first, last: row.last }).toEqual({
        page: row.handle,
        metric: row.metric,
        days: stopped ? DEMO_DAYS - DEMO_FAILING_DAYS : DEMO_DAYS,
        first: from,
        last: stopped ? failedLast : to,
      });
    }
    expect(new Set(rows.map((row) => row.metric)).size).toBe(7);

    const { rows: statuses } = await db.query(
      `SELECT p.handle, s.reasons, s.last_success_at > now() - interval '1 hour' AS fresh FROM pages p JOIN page_metric_status s ON s.page_id = p.id WHERE p.brand_id = $1 AND p.status = 'ACTIVE'`,
      [brandId],
    );
    expect(statuses).toHaveLength(activePages);
    const failing = statuses.filter((s) => s.reasons.length > 0);
    expect(Object.fromEntries(failing.map((s) => [s.handle, { reasons: s.reasons, fresh: s.fresh }]))).toEqual({
      'northwind.ng': { reasons: ['TOKEN_EXPIRED'], fresh: false },
      'northwind.ke.student': { reasons: ['METRIC_UNAVAILABLE:page_views_total'], fresh: true },
    });
    expect(statuses.filter((s) => s.reasons.length === 0).every((s) => s.fresh)).toBe(true);
  });

  it('spreads about 3,000 conversations over the period, with replies, resolutions, reopens, SLA breaches and some still open', async () => {
    const { rows: [c] } = await db.query(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE state = 'OPEN')::int AS open, count(DISTINCT page_id)::int AS pages,
              count(DISTINCT to_char(first_item_at AT TIME ZONE 'UTC', 'YYYY-MM-DD'))::int AS days, min(first_item_at) >= $2::date AS inside
         FROM conversations WHERE brand_id = $1`,
      [brandId, from],
    );
    expect(c.total).toBeGreaterThan(2_500);
    expect(c.total).toBeLessThan(3_500);
    expect(c.open).toBeGreaterThan(20);
    expect(c.pages).toBeGreaterThan(150);
    expect(c.days).toBeGreaterThanOrEqual(DEMO_DAYS - 1);
    expect(c.inside).toBe(true);
    // Authors with several conversations on the same page.
    const { rows: [{ n: repeat }] } = await db.query(
      `SELECT count(*)::int AS n FROM (SELECT author_id FROM conversations WHERE brand_id = $1 GROUP BY page_id, author_id HAVING count(*) > 1) a`,
      [brandId],
    );
    expect(repeat).toBeGreaterThan(100);

    const totals = Object.fromEntries(
      (await db.query(`SELECT metric, sum(count)::int AS n FROM conversation_metric_days WHERE brand_id = $1 AND queue_id IS NULL AND metric <> 'backlog' GROUP BY 1`, [brandId])).rows.map((r) => [r.metric, r.n]),
    );
    expect(totals.opened).toBe(c.total);
    for (const metric of ['items_received', 'authors', 'replies', 'answered', 'resolved', 'reopened', 'first_response', 'next_response', 'sla_met', 'sla_breached']) {
      expect({ metric, positive: totals[metric] > 0 }).toEqual({ metric, positive: true });
    }
    // Most first responses on time, some breaches.
    expect(totals.sla_breached / (totals.sla_met + totals.sla_breached)).toBeGreaterThan(0.05);
    expect(totals.sla_breached / (totals.sla_met + totals.sla_breached)).toBeLessThan(0.4);
  });

  it('fills the conversation rollups with exactly what rebuilding a day from the raw rows gives', async () => {
    const admin = await login(t, ADMIN);
    const days = [from, addDays(from, 30), addDays(from, 61), to];
    for (const day of days) {
      const before = await rollupRows(day);
      expect(before.length).toBeGreaterThan(0);
      const rebuilt = await gql(t, RECOMPUTE, { input: { day } }, admin);
      expect(rebuilt.errors).toBeUndefined();
      expect(await rollupRows(day)).toEqual(before);
    }
  });

  it("leaves open conversations in FR's queue for FR's moderator, and FR's canned responses", async () => {
    const token = await login(t, FR_MODERATOR);
    const queues = await gql<{ replyQueues: { edges: { node: { id: string; name: string; waitingCount: number } }[] } }>(
      t,
      '{ replyQueues(first: 50) { edges { node { id name waitingCount } } } }',
      {},
      token,
    );
    const fr = queues.data!.replyQueues.edges.map((edge) => edge.node).find((queue) => queue.name === 'Northwind France replies')!;
    expect(fr.waitingCount).toBeGreaterThanOrEqual(8);
    const claimed = await gql<{ claimNext: { id: string; state: string } | null }>(t, 'mutation($q: ID!) { claimNext(queueId: $q) { id state } }', { q: fr.id }, token);
    expect(claimed.data!.claimNext).toMatchObject({ state: 'ASSIGNED' });
    const canned = await gql<{ cannedResponses: { edges: { node: { name: string } }[] } }>(t, '{ cannedResponses(first: 20) { edges { node { name } } } }', {}, token);
    expect(canned.data!.cannedResponses.edges.map((edge) => edge.node.name)).toEqual(expect.arrayContaining(['Merci de votre message', 'Numéro de commande']));
  });

  it('records pivot demand for countries with a market, an alias, and none (sent to their region)', async () => {
    const { rows } = await db.query(
      `SELECT country, outcome, count(DISTINCT day)::int AS days, sum(count)::int AS visitors FROM pivot_demand_daily
        WHERE brand_id = $1 AND country IN ('FR', 'LU', 'EE', 'ZZ') GROUP BY 1, 2 ORDER BY 1`,
      [brandId],
    );
    expect(rows.map((row) => [row.country, row.outcome, row.days])).toEqual([
      ['EE', 'region', DEMO_DAYS],
      ['FR', 'market', DEMO_DAYS],
      ['LU', 'alias', DEMO_DAYS],
      ['ZZ', 'global', DEMO_DAYS],
    ]);
    expect(rows.every((row) => row.visitors > 0)).toBe(true);
    const { rows: [{ n }] } = await db.query(`SELECT count(*)::int AS n FROM pages WHERE brand_id = $1 AND country = 'EE'`, [brandId]);
    expect(n).toBe(0);
  });

  it("lets FR's analyst sign in, with the ANALYST role at FR's market page", async () => {
    const token = await login(t, FR_ANALYST);
    const me = await gql<{ me: { displayName: string; roles: { role: string; scopePageId: string | null }[] } }>(t, '{ me { displayName roles { role scopePageId } } }', {}, token);
    const { rows: [fr] } = await db.query(`SELECT id FROM pages WHERE brand_id = $1 AND kind = 'MARKET' AND country = 'FR'`, [brandId]);
    expect(me.data!.me).toEqual({ displayName: 'Fabien Analyst', roles: [{ role: 'ANALYST', scopePageId: fr.id }] });
  });

  async function rollupRows(day: string): Promise<string[]> {
    const { rows } = await db.query(
      `SELECT concat_ws(' ', page_id, queue_id, moderator_id, metric, count, sum_ms, business_count, business_sum_ms, histogram::text, business_histogram::text) AS row
         FROM conversation_metric_days WHERE brand_id = $1 AND day = $2 ORDER BY 1`,
      [brandId, day],
    );
    const authors = await db.query(`SELECT count(*)::int AS n FROM conversation_metric_authors WHERE brand_id = $1 AND day = $2`, [brandId, day]);
    return [...rows.map((row) => row.row), `authors ${authors.rows[0].n}`];
  }
});
