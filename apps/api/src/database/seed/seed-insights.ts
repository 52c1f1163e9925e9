import { addDays, daysBetween, indexPivotTree, type MarketAlias, pivotCoverageOf, type TreePage } from '@pivot/domain';
import type { EntityManager } from 'typeorm';
import { type MetricPoint, type MetricsProblem } from '../../connectors/metrics-connector';
import { SandboxMetricsConnector } from '../../connectors/sandbox-metrics-connector';
import { recordMetricsAttempt, upsertPagesMetricDays } from '../../page-metrics/page-metrics-store';
import { UNKNOWN_COUNTRY } from '../../pivot/pivot-demand.service';
import { seededRandom } from './seed-random';

/** How many days of history the demo has: DEMO_DAYS full UTC days, ending yesterday. */
export const DEMO_DAYS = 90;

export function demoPeriod(now: Date): { from: string; to: string } {
  const today = now.toISOString().slice(0, 10);
  return { from: addDays(today, -DEMO_DAYS), to: addDays(today, -1) };
}

/**
 * Pages whose last metrics fetch failed, so page health has something to show: the network
 * stopped answering them (or one metric) DEMO_FAILING_DAYS ago. Keyed by handle.
 */
export const DEMO_FAILING_DAYS = 3;
export const DEMO_FAILING_PAGES: Record<string, MetricsProblem> = {
  'northwind.ng': { reason: 'TOKEN_EXPIRED', message: 'Error validating access token: Session has expired (code 190)' },
  'northwind.ke.student': { reason: 'METRIC_UNAVAILABLE', metric: 'page_views_total', message: '(#100) The value must be a valid insights metric (code 100)' },
};

const handleOf = (page: TreePage) => page.url.slice(page.url.lastIndexOf('/') + 1);
/** As seedDemo names them. */
const externalIdOf = (page: TreePage) => `fb-${handleOf(page)}`;

/**
 * DEMO_DAYS of every active page's metrics, from the sandbox connector (the same deterministic
 * series the daily job would fetch), and each page's fetch status: healthy, last success now,
 * but for DEMO_FAILING_PAGES.
 */
export async function seedPageMetrics(tx: EntityManager, brandId: string, tree: TreePage[], now: Date): Promise<void> {
  const { from, to } = demoPeriod(now);
  const connector = new SandboxMetricsConnector();
  const failedSince = addDays(to, 1 - DEMO_FAILING_DAYS);
  // In the key's order (page, metric, day): the index takes them in sequence, a good part of the insert's cost.
  const active = tree.filter((p) => p.status === 'ACTIVE').sort((a, b) => (a.id < b.id ? -1 : 1));
  const points: Array<MetricPoint & { pageId: string }> = [];
  for (const page of active) {
    const fetched = await connector.fetchPageMetrics({ pageId: page.id, network: page.network, pageExternalId: externalIdOf(page), from, to });
    fetched.points.sort((a, b) => (a.metric === b.metric ? (a.day < b.day ? -1 : 1) : a.metric < b.metric ? -1 : 1));
    const problem = DEMO_FAILING_PAGES[handleOf(page)];
    // A failing page lacks what the network no longer gave: every metric (token) or the one refused.
    for (const point of fetched.points) {
      if (!problem || point.day < failedSince || (problem.metric !== undefined && point.metric !== problem.metric)) points.push({ ...point, pageId: page.id });
    }
  }
  await upsertPagesMetricDays(tx, brandId, points);
  const healthy = active.filter((page) => !DEMO_FAILING_PAGES[handleOf(page)]);
  await tx.query(
    `INSERT INTO page_metric_status (page_id, brand_id, last_attempt_at, last_success_at, reasons) SELECT p, $2, now(), now(), '{}' FROM unnest($1::uuid[]) AS p`,
    [healthy.map((page) => page.id), brandId],
  );
  for (const page of active.filter((p) => DEMO_FAILING_PAGES[handleOf(p)])) {
    const problem = DEMO_FAILING_PAGES[handleOf(page)]!;
    const stored = { id: page.id, brandId, network: page.network, externalId: externalIdOf(page) };
    await recordMetricsAttempt(tx, stored, problem.reason === 'METRIC_UNAVAILABLE', [problem]);
    // The token expired after the fetch of the last day it still has.
    if (problem.reason === 'TOKEN_EXPIRED') {
      await tx.query(`UPDATE page_metric_status SET last_success_at = $2 WHERE page_id = $1`, [page.id, new Date(`${failedSince}T04:00:00Z`)]);
    }
  }
}

/** Visitors a day the demo's pivot sends, by country: the markets, the aliases, and countries with no page that go to their region. */
const DEMAND_PER_DAY: Record<string, number> = {
  FR: 620, DE: 540, GB: 480, US: 900, ES: 380, IT: 360, BR: 420, JP: 300, IN: 350, CA: 260, MX: 240, NL: 150, BE: 120, CH: 110,
  LU: 30, AT: 140, MC: 6,
  // No page: the region's page answers them. Where to open the next market.
  EE: 42, LV: 28, LT: 33, SK: 51, HR: 37, BG: 45, UA: 96, RS: 24, UY: 21, EC: 34, BO: 12, PK: 64, BD: 48, LK: 18,
  [UNKNOWN_COUNTRY]: 75,
};
const OTHER_MARKET_PER_DAY = 60;

/** DEMO_DAYS of pivot demand, each country's outcome as the pivot would count it today. */
export async function seedPivotDemand(tx: EntityManager, brandId: string, tree: TreePage[], aliases: MarketAlias[], now: Date): Promise<void> {
  const index = indexPivotTree({ brandSlug: 'northwind', segmentFallback: 'MARKET_PAGE', pages: tree, aliases });
  const markets = [...new Set(tree.filter((p) => p.kind === 'MARKET' && p.status === 'ACTIVE').map((p) => p.country!))];
  const perDay = new Map<string, number>([...markets.map((c) => [c, OTHER_MARKET_PER_DAY] as const), ...Object.entries(DEMAND_PER_DAY)]);
  const { from, to } = demoPeriod(now);
  const rows = { country: [] as string[], outcome: [] as string[], day: [] as string[], count: [] as number[] };
  for (const [country, base] of perDay) {
    const outcome = pivotCoverageOf(index, country === UNKNOWN_COUNTRY ? null : country).toLowerCase();
    const random = seededRandom(`demand:${country}`);
    for (let i = 0; i < daysBetween(from, to); i++) {
      const day = addDays(from, i);
      const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
      // Weekends are quieter; the brand's audience grows a little over the period.
      const count = Math.round(base * (weekday === 0 || weekday === 6 ? 0.75 : 1) * (0.9 + 0.2 * (i / DEMO_DAYS)) * (0.8 + 0.4 * random()));
      if (count === 0) continue;
      rows.country.push(country);
      rows.outcome.push(outcome);
      rows.day.push(day);
      rows.count.push(count);
    }
  }
  await tx.query(
    `INSERT INTO pivot_demand_daily (brand_id, country, outcome, day, count)
     SELECT $1, r.country, r.outcome, r.day, r.count FROM unnest($2::varchar[], $3::varchar[], $4::date[], $5::bigint[]) AS r(country, outcome, day, count)`,
    [brandId, rows.country, rows.outcome, rows.day, rows.count],
  );
}
