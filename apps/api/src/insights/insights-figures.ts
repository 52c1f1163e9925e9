import { estimatePercentile, HISTOGRAM_BUCKETS } from '@pivot/domain';
import type { DataSource } from 'typeorm';
import { bucketSql } from './insights-range';
import type { InsightsFiguresType, InsightsGranularity } from './insights.types';

/**
 * A set of pages, each in a group (the scope, a market, the page itself), as SQL selecting
 * `page_id` and `grp`. Every page in it has already passed the caller's Metrics rule in SQL.
 */
export interface PageGroups {
  sql: string;
  params: Record<string, unknown>;
  brandId: string;
}

export interface FigureQuery {
  pages: PageGroups;
  from: string;
  to: string;
  /** null: one row per group over the whole range. */
  granularity: InsightsGranularity | null;
  /** The figures needed; the others are left empty (a market row or a health check needs few). */
  want?: FigureSet;
}

export interface FigureSet {
  pageMetrics: readonly string[];
  followers: boolean;
  counts: readonly string[];
  durations: readonly string[];
  authors: boolean;
}

/** Figures keyed by `grp|bucket start` (bucket start '' for the whole range). */
export type FigureMap = Map<string, InsightsFiguresType>;
export const figureKey = (grp: string, bucket = '') => `${grp}|${bucket}`;

const GROWTH = ['page_daily_follows_unique', 'page_daily_unfollows_unique'];
export const ALL_FIGURES: FigureSet = {
  pageMetrics: [...GROWTH, 'page_total_media_view_unique', 'page_post_engagements'],
  followers: true,
  counts: ['items_received', 'opened', 'answered', 'resolved', 'sla_met', 'sla_breached', 'first_sla_met', 'backlog'],
  durations: ['first_response', 'next_response', 'resolution'],
  authors: true,
};
/** What a market comparison row shows. */
export const COMPARISON_FIGURES: FigureSet = { pageMetrics: GROWTH, followers: true, counts: ['opened', 'answered', 'sla_met', 'sla_breached', 'backlog'], durations: ['first_response'], authors: true };
/** What page health's signals read. */
export const HEALTH_FIGURES: FigureSet = { pageMetrics: GROWTH, followers: false, counts: ['backlog'], durations: ['first_response'], authors: false };
const inList = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');
const INDEXES = Array.from({ length: HISTOGRAM_BUCKETS }, (_, i) => i + 1);
/** Element-wise sums of the histograms, one column per bucket (one array subscript per row and bucket: no unnest). */
const HISTOGRAM_SUMS = [
  ...INDEXES.map((i) => `coalesce(sum(c.histogram[${i}]), 0)::int AS h${i}`),
  ...INDEXES.map((i) => `coalesce(sum(c.business_histogram[${i}]), 0)::int AS b${i}`),
].join(', ');

export function emptyFigures(): InsightsFiguresType {
  return {
    followers: null, followerGrowth: null, reach: null, engagements: null, engagementRate: null,
    conversedAuthors: 0, conversationRate: null, itemsReceived: 0, conversationsOpened: 0, conversationsAnswered: 0, conversationsResolved: 0,
    responseRate: null, firstResponseP50Seconds: null, firstResponseP90Seconds: null, firstResponseBusinessP50Seconds: null,
    firstResponseBusinessP90Seconds: null, nextResponseP50Seconds: null, nextResponseP90Seconds: null, resolutionP50Seconds: null,
    resolutionP90Seconds: null, slaMet: 0, firstAnsweredWithinSla: 0, slaBreached: 0, slaAttainment: null, backlog: 0,
  };
}

const num = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
const ratio = (over: number | null, under: number | null) => (over === null || !under ? null : over / under);

/**
 * The figures of each group (and bucket) from the daily rollups only, never raw rows: four
 * statements over page_metric_daily, conversation_metric_days at the page grain and
 * conversation_metric_authors, aggregated by the database; percentiles from the summed
 * histograms (@pivot/domain estimatePercentile, error bound in duration-histogram.ts).
 */
export async function loadFigures(db: DataSource, query: FigureQuery): Promise<FigureMap> {
  const { pages, from, to, granularity, want = ALL_FIGURES } = query;
  const none = Promise.resolve([] as Array<Record<string, unknown>>);
  const params = { ...pages.params, insightsBrand: pages.brandId, insightsFrom: from, insightsTo: to };
  const bucket = (column: string) => bucketSql(column, granularity, ':insightsFrom');
  // Materialized: computed once and hashed, never re-run as the inner side of a nested loop over rollup rows.
  const run = async (sql: string) => {
    const [text, values] = db.driver.escapeQueryWithParameters(`WITH sp AS MATERIALIZED (${pages.sql}) ${sql}`, params);
    return (await db.query(text, values)) as Array<Record<string, unknown>>;
  };
  // The last day of a bucket: a gauge (backlog) is read there.
  const lastDay =
    granularity === null || granularity === 'DAY'
      ? granularity === null ? ':insightsTo::date' : 'c.day'
      : `LEAST((date_trunc('${granularity === 'WEEK' ? 'week' : 'month'}', c.day) + interval '1 ${granularity === 'WEEK' ? 'week' : 'month'}' - interval '1 day')::date, :insightsTo::date)`;
  const [sums, followers, counts, durations, authors] = await Promise.all([
    run(`SELECT sp.grp, ${bucket('d.day')} AS b,
                sum(d.value) FILTER (WHERE d.metric = 'page_daily_follows_unique') AS follows,
                sum(d.value) FILTER (WHERE d.metric = 'page_daily_unfollows_unique') AS unfollows,
                sum(d.value) FILTER (WHERE d.metric = 'page_total_media_view_unique') AS reach,
                sum(d.value) FILTER (WHERE d.metric = 'page_post_engagements') AS engagements
           FROM sp JOIN page_metric_daily d ON d.page_id = sp.page_id
          WHERE d.metric IN (${inList(want.pageMetrics)}) AND d.day BETWEEN :insightsFrom AND :insightsTo
          GROUP BY 1, 2`),
    !want.followers
      ? none
      : granularity === null
      ? // Each page's last known follower count on or before `to`: one index probe per page.
        run(`SELECT sp.grp, '' AS b, sum(f.value) AS followers
               FROM sp CROSS JOIN LATERAL (
                 SELECT d.value FROM page_metric_daily d WHERE d.page_id = sp.page_id AND d.metric = 'page_follows' AND d.day <= :insightsTo
                  ORDER BY d.day DESC LIMIT 1) f
              GROUP BY 1`)
      : run(`SELECT grp, b, sum(value) AS followers FROM (
               SELECT DISTINCT ON (d.page_id, ${bucket('d.day')}) sp.grp, ${bucket('d.day')} AS b, d.value
                 FROM sp JOIN page_metric_daily d ON d.page_id = sp.page_id
                WHERE d.metric = 'page_follows' AND d.day BETWEEN :insightsFrom AND :insightsTo
                ORDER BY d.page_id, ${bucket('d.day')}, d.day DESC) last
              GROUP BY 1, 2`),
    // Counts and durations apart: the counts are an index-only scan of the page grain.
    run(`SELECT sp.grp, ${bucket('c.day')} AS b, c.metric, sum(c.count)::bigint AS count,
                coalesce(sum(c.count) FILTER (WHERE c.day = ${lastDay}), 0)::bigint AS last_count
           FROM sp JOIN conversation_metric_days c ON c.page_id = sp.page_id
          WHERE c.brand_id = :insightsBrand AND c.day BETWEEN :insightsFrom AND :insightsTo AND c.queue_id IS NULL AND c.moderator_id IS NULL
            AND c.metric IN (${inList(want.counts)})
          GROUP BY 1, 2, 3`),
    run(`SELECT sp.grp, ${bucket('c.day')} AS b, c.metric, sum(c.count)::bigint AS count, ${HISTOGRAM_SUMS}
           FROM sp JOIN conversation_metric_days c ON c.page_id = sp.page_id
          WHERE c.brand_id = :insightsBrand AND c.day BETWEEN :insightsFrom AND :insightsTo AND c.queue_id IS NULL AND c.moderator_id IS NULL
            AND c.metric IN (${inList(want.durations)})
          GROUP BY 1, 2, 3`),
    // Distinct (group, author) pairs hashed, then counted: cheaper than count(DISTINCT), which sorts.
    !want.authors
      ? none
      : run(`SELECT grp, b, count(*)::int AS authors FROM (
           SELECT DISTINCT sp.grp, ${bucket('a.day')} AS b, a.author_id
             FROM sp JOIN conversation_metric_authors a ON a.page_id = sp.page_id
            WHERE a.brand_id = :insightsBrand AND a.day BETWEEN :insightsFrom AND :insightsTo) pairs
          GROUP BY 1, 2`),
  ]);

  const figures: FigureMap = new Map();
  const at = (row: Record<string, unknown>) => {
    const key = figureKey(String(row.grp), String(row.b ?? ''));
    let found = figures.get(key);
    if (!found) figures.set(key, (found = emptyFigures()));
    return found;
  };
  for (const row of sums) {
    const f = at(row);
    const follows = num(row.follows);
    const unfollows = num(row.unfollows);
    f.followerGrowth = follows === null && unfollows === null ? null : (follows ?? 0) - (unfollows ?? 0);
    f.reach = num(row.reach);
    f.engagements = num(row.engagements);
  }
  for (const row of followers) at(row).followers = num(row.followers);
  for (const row of authors) at(row).conversedAuthors = Number(row.authors);
  for (const row of [...counts, ...durations]) addConversationRow(at(row), row);
  for (const f of figures.values()) {
    f.engagementRate = ratio(f.engagements, f.reach);
    f.conversationRate = ratio(f.conversedAuthors, f.followers);
    f.responseRate = ratio(f.conversationsAnswered, f.conversationsOpened);
    f.slaAttainment = ratio(f.slaMet, f.slaMet + f.slaBreached);
  }
  return figures;
}

function addConversationRow(f: InsightsFiguresType, row: Record<string, unknown>): void {
  const count = Number(row.count);
  const histogram = (prefix: 'h' | 'b') => INDEXES.map((i) => Number(row[`${prefix}${i}`]));
  const p = (values: number[], q: number) => estimatePercentile(values, q);
  switch (row.metric) {
    case 'items_received': f.itemsReceived = count; break;
    case 'opened': f.conversationsOpened = count; break;
    case 'answered': f.conversationsAnswered = count; break;
    case 'resolved': f.conversationsResolved = count; break;
    case 'sla_met': f.slaMet = count; break;
    case 'first_sla_met': f.firstAnsweredWithinSla = count; break;
    case 'sla_breached': f.slaBreached = count; break;
    case 'backlog': f.backlog = Number(row.last_count); break;
    case 'first_response': {
      const wall = histogram('h');
      const business = histogram('b');
      [f.firstResponseP50Seconds, f.firstResponseP90Seconds] = [p(wall, 0.5), p(wall, 0.9)];
      [f.firstResponseBusinessP50Seconds, f.firstResponseBusinessP90Seconds] = [p(business, 0.5), p(business, 0.9)];
      break;
    }
    case 'next_response': {
      const wall = histogram('h');
      [f.nextResponseP50Seconds, f.nextResponseP90Seconds] = [p(wall, 0.5), p(wall, 0.9)];
      break;
    }
    case 'resolution': {
      const wall = histogram('h');
      [f.resolutionP50Seconds, f.resolutionP90Seconds] = [p(wall, 0.5), p(wall, 0.9)];
      break;
    }
  }
}
