import { addDays } from '@pivot/domain';
/**
 * Page metrics from a network's page insights (Graph API `GET /{page-id}/insights`, period=day).
 * A connector never throws for what the network answers: what went wrong becomes a reason the
 * page's health shows, and what did arrive is kept.
 */

/** Today's Graph API page metrics (the `page_fans*`, `page_impressions*` families are deprecated). */
export const PAGE_METRICS = [
  'page_follows',
  'page_daily_follows_unique',
  'page_daily_unfollows_unique',
  'page_media_view',
  'page_total_media_view_unique',
  'page_post_engagements',
  'page_views_total',
] as const;
export type PageMetricName = (typeof PAGE_METRICS)[number];

/** The most days one insights call may cover (the Graph API's limit). */
export const MAX_DAYS_PER_CALL = 90;

/**
 * Why a page's metrics are missing or partial. TOKEN_EXPIRED (code 190), NO_TOKEN and
 * NO_EXTERNAL_ID stop the page; METRIC_UNAVAILABLE (code 100: a deprecated or invalid metric)
 * loses that metric only; NETWORK_UNAVAILABLE (5xx, 429, timeouts after the retries) and
 * NETWORK_REFUSED (any other error) stop the page until the next run.
 */
export type MetricsReason = 'TOKEN_EXPIRED' | 'NO_TOKEN' | 'NO_EXTERNAL_ID' | 'METRIC_UNAVAILABLE' | 'NETWORK_UNAVAILABLE' | 'NETWORK_REFUSED';

export interface MetricsProblem {
  reason: MetricsReason;
  /** METRIC_UNAVAILABLE: which one. */
  metric?: string;
  /** The network's own message (never a URL: it would carry the token). */
  message: string;
}

export interface PageMetricsRequest {
  pageId: string;
  network: string;
  pageExternalId: string | null;
  /** First and last calendar day wanted, both included, YYYY-MM-DD. */
  from: string;
  to: string;
}

export interface MetricPoint {
  metric: string;
  /** The calendar day the value is about, YYYY-MM-DD. */
  day: string;
  value: number;
}

export interface PageMetricsResult {
  points: MetricPoint[];
  problems: MetricsProblem[];
  /** True when the network answered at least one call with data. */
  answered: boolean;
}

export interface MetricsConnector {
  fetchPageMetrics(request: PageMetricsRequest): Promise<PageMetricsResult>;
}

export const METRICS_CONNECTOR = Symbol('METRICS_CONNECTOR');


/** [from, to] cut into consecutive windows of at most `size` days. */
export function dayWindows(from: string, to: string, size = MAX_DAYS_PER_CALL): Array<{ from: string; to: string }> {
  const windows: Array<{ from: string; to: string }> = [];
  for (let start = from; start <= to; start = addDays(start, size)) {
    const end = addDays(start, size - 1);
    windows.push({ from: start, to: end < to ? end : to });
  }
  return windows;
}
