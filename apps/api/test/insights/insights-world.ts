import { randomUUID } from 'node:crypto';
import { histogramOf } from '@pivot/domain';
import { Client } from 'pg';
import { loadWorld, newUser, startAccessApp, type World } from '../access/access-world';
import { gql, login, type GraphqlResult } from '../support/graphql';

/**
 * The demo world with its rollups replaced by a fixed fixture, written straight into the rollup
 * tables (what the insights read), and analysts signed in at FR and at ES.
 *
 * Range 2025-03-03 (a Monday) … 2025-03-16: two ISO weeks; previous period 2025-02-17 … 03-02.
 */
export const RANGE = { from: '2025-03-03', to: '2025-03-16' };
export const FIRST_RESPONSES_FR = [30, 60, 600, 4000];
export const FIRST_RESPONSES_FR_CONSUMER = [90, 90000];

export interface InsightsWorld extends World {
  db: Client;
  analystFr: string;
  analystEs: string;
  queueFr: string;
}

export async function startInsightsWorld(): Promise<InsightsWorld> {
  const app = await startAccessApp(process.env.INSIGHTS_LOG ? { LOG_LEVEL: 'error' } : {});
  const w = await loadWorld(app);
  const db = new Client({ connectionString: app.databaseUrl });
  await db.connect();
  const [fr, es] = [await newUser(w, 'ANALYST', w.id.FR, 'analyst-fr'), await newUser(w, 'ANALYST', w.id.ES, 'analyst-es')];
  const world: InsightsWorld = { ...w, db, analystFr: await login(app, fr.email, fr.password), analystEs: await login(app, es.email, es.password), queueFr: randomUUID() };
  await writeFixture(world);
  return world;
}

/** Starts the world before a spec's tests and stops it after them; the tests read it through the stand-in returned. */
export function useInsightsWorld(): InsightsWorld {
  let world: InsightsWorld | undefined;
  beforeAll(async () => {
    world = await startInsightsWorld();
  });
  afterAll(async () => {
    await world?.db.end();
    await world?.app.close();
  });
  return new Proxy({} as InsightsWorld, { get: (_, key) => world![key as keyof InsightsWorld] });
}

export const ask = (w: InsightsWorld, token: string, query: string, variables: Record<string, unknown> = {}): Promise<GraphqlResult> => gql(w.app, query, variables, token);

async function writeFixture(w: InsightsWorld): Promise<void> {
  const { db, brandId } = w;
  for (const table of ['page_metric_daily', 'conversation_metric_days', 'conversation_metric_authors', 'pivot_demand_daily', 'page_metric_status']) {
    await db.query(`DELETE FROM ${table}`);
  }
  const metric = (pageId: string, name: string, day: string, value: number) =>
    db.query(`INSERT INTO page_metric_daily (page_id, metric, day, brand_id, value) VALUES ($1, $2, $3, $4, $5)`, [pageId, name, day, brandId, value]);
  const { FR, ES, frConsumer, esConsumer } = w.id;
  // Followers: the last day with data ≤ to, per page (FR's consumer page last reported on the 15th).
  await metric(FR, 'page_follows', '2025-03-01', 900);
  await metric(FR, 'page_follows', '2025-03-09', 950);
  await metric(FR, 'page_follows', '2025-03-16', 1000);
  await metric(frConsumer, 'page_follows', '2025-03-15', 500);
  await metric(FR, 'page_daily_follows_unique', '2025-02-20', 12);
  await metric(FR, 'page_daily_follows_unique', '2025-03-04', 30);
  await metric(FR, 'page_daily_unfollows_unique', '2025-03-05', 10);
  await metric(frConsumer, 'page_daily_follows_unique', '2025-03-10', 5);
  await metric(FR, 'page_total_media_view_unique', '2025-03-04', 1500);
  await metric(frConsumer, 'page_total_media_view_unique', '2025-03-11', 500);
  await metric(FR, 'page_post_engagements', '2025-03-04', 60);
  await metric(frConsumer, 'page_post_engagements', '2025-03-11', 40);
  // Spain: the isolation check.
  await metric(ES, 'page_follows', '2025-03-16', 4000);
  await metric(esConsumer, 'page_daily_follows_unique', '2025-03-04', 70);

  const day = (pageId: string, name: string, date: string, count: number, histogram: number[] | null = null, queueId: string | null = null) =>
    db.query(
      `INSERT INTO conversation_metric_days (brand_id, page_id, day, queue_id, moderator_id, metric, count, histogram, business_histogram)
       VALUES ($1, $2, $3, $4, NULL, $5, $6, $7, $7)`,
      [brandId, pageId, date, queueId, name, count, histogram],
    );
  for (const [name, count] of [['items_received', 6], ['opened', 4], ['answered', 3], ['resolved', 2], ['sla_met', 2], ['sla_breached', 1], ['first_sla_met', 1]] as const) {
    await day(FR, name, '2025-03-04', count);
  }
  await day(frConsumer, 'opened', '2025-03-11', 1);
  await day(frConsumer, 'answered', '2025-03-11', 1);
  await day(frConsumer, 'sla_met', '2025-03-11', 1);
  await day(frConsumer, 'first_sla_met', '2025-03-11', 1);
  await day(FR, 'first_response', '2025-03-04', FIRST_RESPONSES_FR.length, histogramOf(FIRST_RESPONSES_FR));
  await day(frConsumer, 'first_response', '2025-03-11', FIRST_RESPONSES_FR_CONSUMER.length, histogramOf(FIRST_RESPONSES_FR_CONSUMER));
  // The queue grain repeats the page's samples: reading it too would count them twice.
  await day(FR, 'opened', '2025-03-04', 4, null, w.queueFr);
  await day(FR, 'first_response', '2025-03-04', 4, histogramOf(FIRST_RESPONSES_FR), w.queueFr);
  // Backlog is a gauge: read on the last day of the range (or bucket), never summed.
  await day(FR, 'backlog', '2025-03-09', 7);
  await day(FR, 'backlog', '2025-03-16', 3);
  await day(FR, 'opened', '2025-02-25', 5);
  await day(ES, 'opened', '2025-03-04', 40);
  await day(ES, 'backlog', '2025-03-16', 11);

  const author = (pageId: string, date: string, id: string) =>
    db.query(`INSERT INTO conversation_metric_authors (page_id, day, author_id, brand_id) VALUES ($1, $2, $3, $4)`, [pageId, date, id, brandId]);
  // a1 writes in both weeks and a2 on two pages: 3 distinct authors over the range, 5 author-days.
  await author(FR, '2025-03-04', 'a1');
  await author(FR, '2025-03-04', 'a2');
  await author(frConsumer, '2025-03-05', 'a2');
  await author(FR, '2025-03-11', 'a1');
  await author(FR, '2025-03-11', 'a3');
  await author(ES, '2025-03-04', 'e1');

  const demand = (country: string, outcome: string, date: string, count: number) =>
    db.query(`INSERT INTO pivot_demand_daily (brand_id, country, outcome, day, count) VALUES ($1, $2, $3, $4, $5)`, [brandId, country, outcome, date, count]);
  await demand('FR', 'market', '2025-03-04', 100);
  await demand('FR', 'market', '2025-03-12', 20);
  await demand('ES', 'market', '2025-03-04', 50);
  await demand('EE', 'region', '2025-03-05', 1240);
  await demand('FR', 'market', '2025-01-01', 999);
}

export const FIGURES = `followers followerGrowth reach engagements engagementRate conversedAuthors conversationRate itemsReceived
  conversationsOpened conversationsAnswered conversationsResolved responseRate firstResponseP50Seconds firstResponseP90Seconds
  firstResponseBusinessP50Seconds firstResponseBusinessP90Seconds nextResponseP50Seconds nextResponseP90Seconds resolutionP50Seconds
  resolutionP90Seconds slaMet firstAnsweredWithinSla slaBreached slaAttainment backlog`;

export const INSIGHTS = `query($scope: ID!, $range: InsightsRangeInput!) {
  insights(scopePageId: $scope, range: $range) {
    scopePage { id } from to granularity previousFrom previousTo
    totals { ${FIGURES} } previous { ${FIGURES} }
    series { start end figures { ${FIGURES} } }
    funnel { followers reached engaged conversed answeredWithinSla }
  }
}`;

export const COMPARISON = `query($scope: ID!, $range: InsightsRangeInput!) {
  marketComparison(scopePageId: $scope, range: $range) {
    page { id name country } followers followerGrowth conversationRate responseRate firstResponseP50Seconds firstResponseP90Seconds slaAttainment backlog healthScore
  }
}`;

export const HEALTH = `query($scope: ID!, $range: InsightsRangeInput!) {
  pageHealth(scopePageId: $scope, range: $range) { page { id name kind } score keys { key score } reasons { key code status } }
}`;

export const DEMAND = `query($range: InsightsRangeInput!) { pivotDemand(range: $range) { country outcome visitors page { id country } } }`;
