import { addDays } from '@pivot/domain';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type ResolvedConfig } from '../config/app-config';
import { dayWindows, PAGE_METRICS, type MetricPoint, type MetricsConnector, type MetricsProblem, type PageMetricsRequest, type PageMetricsResult } from './metrics-connector';

/** Tries of one call answered 5xx/429 or not at all; then NETWORK_UNAVAILABLE for the page. */
export const METRICS_MAX_ATTEMPTS = 4;
/** `paging.next` pages followed per window at most: insights paging walks on in time forever. */
const MAX_PAGES_PER_WINDOW = 10;

interface InsightsBody {
  data?: Array<{ name?: unknown; period?: unknown; values?: Array<{ value?: unknown; end_time?: unknown }> }>;
  paging?: { next?: unknown };
  error?: { code?: unknown; message?: unknown };
}

type Call = { kind: 'ok'; body: InsightsBody } | { kind: 'bad-metric'; message: string } | { kind: 'stop'; problem: MetricsProblem };

/**
 * Reads `GET {GRAPH_API_URL}/{page-id}/insights?metric=…&period=day&since=&until=` with the page's
 * token (GRAPH_PAGE_TOKENS), 90 days a call, following `paging.next`.
 *
 * Days: a daily value's `end_time` is the end of the day it counts (midnight Pacific time, e.g.
 * `2026-09-03T07:00:00+0000`), so the value belongs to the calendar day before end_time's date
 * (2026-09-02). Hence a window [from, to] asks since=from and until=to+1, and keeps only days in it.
 *
 * One call asks for every metric; a code 100 answer (a deprecated or invalid metric fails the
 * whole call) is asked again metric by metric, so one bad metric loses only itself, and is not
 * asked again for the later windows.
 */
@Injectable()
export class GraphMetricsConnector implements MetricsConnector {
  constructor(@Inject(APP_CONFIG) private readonly config: ResolvedConfig) {}

  async fetchPageMetrics(request: PageMetricsRequest): Promise<PageMetricsResult> {
    const result: PageMetricsResult = { points: [], problems: [], answered: false };
    if (!request.pageExternalId) return { ...result, problems: [{ reason: 'NO_EXTERNAL_ID', message: 'The page has no external id' }] };
    const token = this.config.publishing.pageTokens[request.pageExternalId];
    if (!token) return { ...result, problems: [{ reason: 'NO_TOKEN', message: `No access token configured for page ${request.pageExternalId}` }] };

    let metrics: string[] = [...PAGE_METRICS];
    for (const window of dayWindows(request.from, request.to)) {
      const combined = await this.fetchWindow(request.pageExternalId, token, metrics, window, result);
      if (combined === 'stop') return result;
      if (combined === 'done') continue;
      if (metrics.length === 1) {
        result.problems.push({ reason: 'METRIC_UNAVAILABLE', metric: metrics[0], message: combined.badMetric });
        return result;
      }
      // Which metric failed the call: each on its own (a single metric's answer is the verdict).
      for (const metric of [...metrics]) {
        const single = await this.fetchWindow(request.pageExternalId, token, [metric], window, result);
        if (single === 'stop') return result;
        if (single !== 'done') {
          result.problems.push({ reason: 'METRIC_UNAVAILABLE', metric, message: single.badMetric });
          metrics = metrics.filter((other) => other !== metric);
        }
      }
      if (metrics.length === 0) return result;
    }
    return result;
  }

  /** One window: the call and every `paging.next` after it, points added to `result`. */
  private async fetchWindow(
    pageExternalId: string,
    token: string,
    metrics: string[],
    window: { from: string; to: string },
    result: PageMetricsResult,
  ): Promise<'done' | 'stop' | { badMetric: string }> {
    const base = this.config.publishing.graphApiUrl;
    const until = addDays(window.to, 1);
    const query = new URLSearchParams({ metric: metrics.join(','), period: 'day', since: window.from, until, access_token: token });
    let url: string | null = `${base}/${encodeURIComponent(pageExternalId)}/insights?${query}`;
    for (let page = 0; url && page < MAX_PAGES_PER_WINDOW; page++) {
      const call = await this.call(url);
      if (call.kind === 'stop') {
        result.problems.push(call.problem);
        return 'stop';
      }
      if (call.kind === 'bad-metric') return { badMetric: call.message };
      result.answered = true;
      const found = pointsOf(call.body, window);
      result.points.push(...found.points);
      url = found.values > 0 ? nextPage(call.body, base, until, token) : null;
    }
    return 'done';
  }

  /** One GET, retried with backoff while the network answers 5xx/429 or not at all. */
  private async call(url: string): Promise<Call> {
    const { httpTimeoutMs, retryBaseMs } = this.config.pageMetrics;
    let last = '';
    for (let attempt = 1; attempt <= METRICS_MAX_ATTEMPTS; attempt++) {
      if (attempt > 1) await new Promise((resolve) => setTimeout(resolve, retryBaseMs * 2 ** (attempt - 2)));
      let response: Response;
      try {
        response = await fetch(url, { signal: AbortSignal.timeout(httpTimeoutMs) });
      } catch (error) {
        // The abort is a DOMException, not always an Error of this realm (jest): go by its name.
        const name = (error as { name?: unknown } | null)?.name;
        last = name === 'TimeoutError' || name === 'AbortError' ? `No answer within ${httpTimeoutMs} ms` : 'Network error';
        continue;
      }
      const body = (await response.json().catch(() => null)) as InsightsBody | null;
      const message = typeof body?.error?.message === 'string' ? body.error.message.slice(0, 500) : `HTTP ${response.status}`;
      if (response.status >= 500 || response.status === 429) {
        last = message;
        continue;
      }
      if (response.ok && body) return { kind: 'ok', body };
      if (body?.error?.code === 190) return { kind: 'stop', problem: { reason: 'TOKEN_EXPIRED', message } };
      if (body?.error?.code === 100) return { kind: 'bad-metric', message };
      return { kind: 'stop', problem: { reason: 'NETWORK_REFUSED', message } };
    }
    return { kind: 'stop', problem: { reason: 'NETWORK_UNAVAILABLE', message: `${last} (after ${METRICS_MAX_ATTEMPTS} attempts)` } };
  }
}

/** The answer's daily values inside the window, each on the day before its end_time's date. */
function pointsOf(body: InsightsBody, window: { from: string; to: string }): { points: MetricPoint[]; values: number } {
  const points: MetricPoint[] = [];
  let values = 0;
  for (const series of Array.isArray(body.data) ? body.data : []) {
    if (typeof series.name !== 'string' || (series.period !== undefined && series.period !== 'day')) continue;
    for (const entry of Array.isArray(series.values) ? series.values : []) {
      values++;
      if (typeof entry.end_time !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(entry.end_time)) continue;
      const value = typeof entry.value === 'number' ? entry.value : Number.NaN;
      if (!Number.isFinite(value)) continue;
      const day = addDays(entry.end_time.slice(0, 10), -1);
      if (day >= window.from && day <= window.to) points.push({ metric: series.name, day, value: Math.round(value) });
    }
  }
  return { points, values };
}

/**
 * `paging.next`, followed only to the configured Graph API (it would carry the token elsewhere)
 * and only while it starts before the window ends (insights paging goes on into the future).
 */
function nextPage(body: InsightsBody, base: string, until: string, token: string): string | null {
  if (typeof body.paging?.next !== 'string') return null;
  let next: URL;
  try {
    next = new URL(body.paging.next);
  } catch {
    return null;
  }
  if (next.origin !== new URL(base).origin) return null;
  const since = next.searchParams.get('since');
  if (since !== null && sinceDay(since) >= until) return null;
  if (!next.searchParams.has('access_token')) next.searchParams.set('access_token', token);
  return next.toString();
}

/** `since` as a day: Graph writes it as a date or as Unix seconds. */
function sinceDay(since: string): string {
  return /^\d+$/.test(since) ? new Date(Number(since) * 1000).toISOString().slice(0, 10) : since.slice(0, 10);
}
