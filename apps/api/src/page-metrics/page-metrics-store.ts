import type { EntityManager } from 'typeorm';
import type { MetricPoint, MetricsProblem } from '../connectors/metrics-connector';

/** The page a fetch is for, as the connector needs it. */
export interface MetricsPage {
  id: string;
  brandId: string;
  network: string;
  externalId: string | null;
}

/**
 * Upserts one page's daily values: a row per (page, metric, day), rewritten only when the network
 * changed its figure, so a rerun over the same days changes nothing (not even fetched_at).
 * Returns how many rows were inserted or changed.
 */
export function upsertMetricDays(tx: EntityManager, page: MetricsPage, points: MetricPoint[]): Promise<number> {
  return upsertPagesMetricDays(tx, page.brandId, points.map((point) => ({ ...point, pageId: page.id })));
}

/** upsertMetricDays for the points of several pages of one brand at once (the demo seed's months of them). */
export async function upsertPagesMetricDays(tx: EntityManager, brandId: string, points: Array<MetricPoint & { pageId: string }>): Promise<number> {
  // One value per key: a window asked again metric by metric may repeat a day (ON CONFLICT refuses a key twice in one statement).
  const unique = new Map(points.map((point) => [`${point.pageId}|${point.metric}|${point.day}`, point]));
  let written = 0;
  const all = [...unique.values()];
  for (let start = 0; start < all.length; start += 20_000) {
    const batch = all.slice(start, start + 20_000);
    const rows = (await tx.query(
      `INSERT INTO page_metric_daily (brand_id, page_id, metric, day, value, fetched_at)
       SELECT $1, m.page_id, m.metric, m.day, m.value, now() FROM unnest($2::uuid[], $3::varchar[], $4::date[], $5::bigint[]) AS m(page_id, metric, day, value)
       ON CONFLICT (page_id, metric, day) DO UPDATE SET value = excluded.value, fetched_at = excluded.fetched_at
       WHERE page_metric_daily.value IS DISTINCT FROM excluded.value
       RETURNING 1`,
      [brandId, batch.map((p) => p.pageId), batch.map((p) => p.metric), batch.map((p) => p.day), batch.map((p) => p.value)],
    )) as unknown[];
    written += rows.length;
  }
  return written;
}

/** Page health's record of the attempt: success when the network answered, the reasons of what went wrong. */
export async function recordMetricsAttempt(tx: EntityManager, page: MetricsPage, answered: boolean, problems: MetricsProblem[]): Promise<void> {
  const reasons = [...new Set(problems.map((p) => (p.metric ? `${p.reason}:${p.metric}` : p.reason)))];
  // The last problem is the one that stopped the page, when one did.
  const first = problems.at(-1) ?? null;
  await tx.query(
    `INSERT INTO page_metric_status AS s (page_id, brand_id, last_attempt_at, last_success_at, reasons, last_error_reason, last_error_at, last_error_message)
     VALUES ($1, $2, now(), CASE WHEN $3 THEN now() END, $4::varchar[], $5, CASE WHEN $5::varchar IS NOT NULL THEN now() END, $6)
     ON CONFLICT (page_id) DO UPDATE SET
       last_attempt_at = now(),
       last_success_at = COALESCE(excluded.last_success_at, s.last_success_at),
       reasons = excluded.reasons,
       last_error_reason = COALESCE(excluded.last_error_reason, s.last_error_reason),
       last_error_at = COALESCE(excluded.last_error_at, s.last_error_at),
       last_error_message = CASE WHEN excluded.last_error_reason IS NOT NULL THEN excluded.last_error_message ELSE s.last_error_message END`,
    [page.id, page.brandId, answered, reasons, first?.reason ?? null, first?.message.slice(0, 500) ?? null],
  );
}
