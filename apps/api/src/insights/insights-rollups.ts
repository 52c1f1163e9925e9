import { HISTOGRAM_BUCKETS } from '@pivot/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { bucketStart } from './insights-range';
import { InsightsGranularity } from './insights.types';

/**
 * insights_rollups (migration 1797000000300): wide rows per (page, TREE|OWN, day|ISO week),
 * rebuilt from conversation_metric_days (page grain) and page_metric_daily for the days the
 * triggers marked stale. Rebuilding is idempotent: a day's rows are deleted and summed again.
 */

/** Count columns, each the page-grain metric of the same name. */
export const ROLLUP_COUNTS = ['items_received', 'opened', 'answered', 'resolved', 'sla_met', 'sla_breached', 'first_sla_met', 'backlog'] as const;
/** Network figures, each a page_metric_daily metric. */
export const ROLLUP_NETWORK = {
  follows: 'page_daily_follows_unique',
  unfollows: 'page_daily_unfollows_unique',
  reach: 'page_total_media_view_unique',
  engagements: 'page_post_engagements',
} as const;
/** Histogram columns: [metric, conversation_metric_days column]. */
const ROLLUP_HISTOGRAMS = {
  first_response_histogram: ['first_response', 'histogram'],
  first_response_business_histogram: ['first_response', 'business_histogram'],
  next_response_histogram: ['next_response', 'histogram'],
  resolution_histogram: ['resolution', 'histogram'],
} as const;
export type RollupHistogram = keyof typeof ROLLUP_HISTOGRAMS;

const REFRESH_LOCK = 1_797_000_300;
/** Days rebuilt per transaction: a year of a 1,400-page brand stays within the statement timeout. */
const DAYS_PER_BATCH = 14;
const NETWORK_COLUMNS = Object.keys(ROLLUP_NETWORK) as Array<keyof typeof ROLLUP_NETWORK>;
const HISTOGRAM_COLUMNS = Object.keys(ROLLUP_HISTOGRAMS) as RollupHistogram[];
const INDEXES = Array.from({ length: HISTOGRAM_BUCKETS }, (_, i) => i + 1);
const COLUMNS = ['page_id', 'part', 'grain', 'start', 'brand_id', ...NETWORK_COLUMNS, ...ROLLUP_COUNTS, ...HISTOGRAM_COLUMNS].join(', ');

/** The element-wise sum of an integer-array column over a group; null when no row has one. */
export function histogramSum(column: string): string {
  return `CASE WHEN count(${column}) = 0 THEN NULL ELSE ARRAY[${INDEXES.map((i) => `coalesce(sum(${column}[${i}]), 0)`).join(', ')}]::int[] END`;
}

/** The Monday of a date column's ISO week (date arithmetic: no time zone involved). */
export const weekOf = (column: string) => `(${column} - (extract(isodow FROM ${column})::int - 1))`;

const sums = (alias: string) =>
  [
    ...NETWORK_COLUMNS.map((c) => `sum(${alias}.${c})`),
    ...ROLLUP_COUNTS.filter((c) => c !== 'backlog').map((c) => `coalesce(sum(${alias}.${c}), 0)`),
  ].join(', ');

/** Rebuilds the D rows of these days, then the W rows of their weeks. */
async function rebuildDays(tx: EntityManager, brandId: string, days: string[]): Promise<void> {
  const weeks = [...new Set(days.map((day) => bucketStart(day, InsightsGranularity.WEEK)))];
  await tx.query(`DELETE FROM insights_rollups WHERE brand_id = $1 AND grain = 'D' AND start = ANY($2::date[])`, [brandId, days]);
  await tx.query(
    `WITH conv AS (
       -- One page-grain row per (page, day, metric): max() picks its histogram.
       SELECT c.page_id, c.day,
              ${ROLLUP_COUNTS.map((m) => `sum(c.count) FILTER (WHERE c.metric = '${m}') AS ${m}`).join(', ')},
              ${HISTOGRAM_COLUMNS.map((h) => `max(c.${ROLLUP_HISTOGRAMS[h][1]}) FILTER (WHERE c.metric = '${ROLLUP_HISTOGRAMS[h][0]}') AS ${h}`).join(', ')}
         FROM conversation_metric_days c
        WHERE c.brand_id = $1 AND c.day = ANY($2::date[]) AND c.queue_id IS NULL AND c.moderator_id IS NULL
        GROUP BY 1, 2),
     net AS (
       SELECT d.page_id, d.day, ${NETWORK_COLUMNS.map((c) => `sum(d.value) FILTER (WHERE d.metric = '${ROLLUP_NETWORK[c]}') AS ${c}`).join(', ')}
         FROM page_metric_daily d
        WHERE d.brand_id = $1 AND d.day = ANY($2::date[]) AND d.metric IN (${Object.values(ROLLUP_NETWORK).map((m) => `'${m}'`).join(', ')})
        GROUP BY 1, 2),
     own AS (
       SELECT coalesce(conv.page_id, net.page_id) AS page_id, coalesce(conv.day, net.day) AS day,
              ${NETWORK_COLUMNS.map((c) => `net.${c}`).join(', ')}, ${[...ROLLUP_COUNTS, ...HISTOGRAM_COLUMNS].map((c) => `conv.${c}`).join(', ')}
         FROM conv FULL JOIN net ON net.page_id = conv.page_id AND net.day = conv.day),
     parts AS (
       SELECT p.id AS node, 'OWN' AS part, own.* FROM own JOIN pages p ON p.id = own.page_id
       UNION ALL
       SELECT t.node, 'TREE' AS part, own.* FROM own JOIN pages p ON p.id = own.page_id CROSS JOIN unnest(p.scope_ids) AS t(node))
     INSERT INTO insights_rollups (${COLUMNS})
     SELECT x.node, x.part, 'D', x.day, $1, ${sums('x')}, coalesce(sum(x.backlog), 0), ${HISTOGRAM_COLUMNS.map((h) => histogramSum(`x.${h}`)).join(', ')}
       FROM parts x GROUP BY x.node, x.part, x.day`,
    [brandId, days],
  );
  await tx.query(`DELETE FROM insights_rollups WHERE brand_id = $1 AND grain = 'W' AND start = ANY($2::date[])`, [brandId, weeks]);
  await tx.query(
    `INSERT INTO insights_rollups (${COLUMNS})
     SELECT r.page_id, r.part, 'W', ${weekOf('r.start')}, $1, ${sums('r')},
            coalesce(sum(r.backlog) FILTER (WHERE r.start = ${weekOf('r.start')} + 6), 0),
            ${HISTOGRAM_COLUMNS.map((h) => histogramSum(`r.${h}`)).join(', ')}
       FROM insights_rollups r
      WHERE r.brand_id = $1 AND r.grain = 'D' AND r.start BETWEEN $3::date AND $4::date + 6 AND ${weekOf('r.start')} = ANY($2::date[])
      GROUP BY r.page_id, r.part, ${weekOf('r.start')}`,
    [brandId, weeks, weeks.reduce((a, b) => (a < b ? a : b)), weeks.reduce((a, b) => (a > b ? a : b))],
  );
}

/**
 * Rebuilds every stale day of one brand (all brands: null), a batch of days per transaction,
 * serialized per brand; answers the days rebuilt. Days marked while it runs are taken by the
 * next batch or the next call.
 */
export async function refreshInsightsRollups(db: DataSource, brandId: string | null): Promise<number> {
  const brands: string[] = brandId
    ? [brandId]
    : ((await db.query(`SELECT DISTINCT brand_id AS id FROM insights_stale_days`)) as Array<{ id: string }>).map((row) => row.id);
  let rebuilt = 0;
  for (const brand of brands) {
    for (;;) {
      const days = await db.transaction(async (tx) => {
        await tx.query(`SELECT pg_advisory_xact_lock($1::int, hashtext($2))`, [REFRESH_LOCK, brand]);
        const taken = (await tx.query(
          `WITH taken AS (
             DELETE FROM insights_stale_days WHERE brand_id = $1 AND day IN (SELECT day FROM insights_stale_days WHERE brand_id = $1 ORDER BY day LIMIT $2)
             RETURNING day)
           SELECT to_char(day, 'YYYY-MM-DD') AS day FROM taken`,
          [brand, DAYS_PER_BATCH],
        )) as Array<{ day: string }>;
        if (taken.length) {
          // First: a reader keeping an author count waits for this, or this for it (insights-authors.ts).
          await tx.query(
            `INSERT INTO insights_versions (brand_id, version) VALUES ($1, 1) ON CONFLICT (brand_id) DO UPDATE SET version = insights_versions.version + 1`,
            [brand],
          );
          const days = taken.map((row) => row.day).sort();
          await rebuildDays(tx, brand, days);
          await tx.query(`DELETE FROM insights_author_counts WHERE brand_id = $1 AND from_day <= $3 AND to_day >= $2`, [brand, days[0], days[days.length - 1]]);
        }
        return taken.length;
      });
      if (!days) break;
      rebuilt += days;
    }
  }
  return rebuilt;
}

/** Rebuilds the brand's stale days first, if it has any (one index probe when it has none). */
export async function freshInsightsRollups(db: DataSource, brandId: string): Promise<void> {
  const [stale] = (await db.query(`SELECT EXISTS (SELECT 1 FROM insights_stale_days WHERE brand_id = $1) AS stale`, [brandId])) as Array<{ stale: boolean }>;
  if (stale?.stale) await refreshInsightsRollups(db, brandId);
}
