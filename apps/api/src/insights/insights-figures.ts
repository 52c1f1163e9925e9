import { addDays, estimatePercentile } from '@pivot/domain';
import type { DataSource } from 'typeorm';
import { preparedQuery } from '../database/prepared-query';
import { loadAuthors, type AuthorRow } from './insights-authors';
import { bucketSql, bucketStart } from './insights-range';
import { histogramSum, ROLLUP_COUNTS, ROLLUP_NETWORK, weekOf, type RollupHistogram } from './insights-rollups';
import { InsightsGranularity, type InsightsFiguresType } from './insights.types';

/**
 * A set of pages, each in a group (a node's id, uuid), as SQL selecting `page_id` and `grp`. Every page in
 * it has already passed the caller's Metrics rule in SQL.
 */
export interface PageGroups {
  sql: string;
  params: Record<string, unknown>;
}

export interface FigureQuery {
  brandId: string;
  /** The groups of `pages` are the nodes' whole subtrees whoever reads (see metricsFollowTheTree): distinct author counts may be kept and shared. */
  sharedAuthors?: boolean;
  /** The pages whose figures are read, each its own group: TREE their whole subtree (group: the id), OWN the page alone (group: ownGroup(id)). */
  nodes: readonly string[];
  parts: ReadonlyArray<'TREE' | 'OWN'>;
  /** Each node's pages keyed by the node, for what does not add up day by day: followers, distinct authors. */
  pages?: PageGroups;
  from: string;
  to: string;
  /** null: one row per group over the whole range. */
  granularity: InsightsGranularity | null;
  /** The figures needed beyond the sums; the others are left empty (a market row or a health check needs few). */
  want?: FigureSet;
}

export interface FigureSet {
  followers: boolean;
  authors: boolean;
  /** The duration histograms summed, per part (the sums of 32 buckets are most of a read's work). */
  histograms: Partial<Record<'TREE' | 'OWN', readonly RollupHistogram[]>>;
}

/** Figures keyed by `grp|bucket start` (bucket start '' for the whole range). */
export type FigureMap = Map<string, InsightsFiguresType>;
export const figureKey = (grp: string, bucket = '') => `${grp}|${bucket}`;
const OWN_SUFFIX = '/own';
/** The group of a page's own figures (part OWN). */
export const ownGroup = (pageId: string) => `${pageId}${OWN_SUFFIX}`;

export const ALL_FIGURES: FigureSet = {
  followers: true,
  authors: true,
  histograms: { TREE: ['first_response_histogram', 'first_response_business_histogram', 'next_response_histogram', 'resolution_histogram'] },
};
/** What a market comparison row shows (TREE), and its health score reads (OWN: the market's own figures, in the same statement). */
export const COMPARISON_FIGURES: FigureSet = { followers: true, authors: true, histograms: { TREE: ['first_response_histogram'], OWN: ['first_response_business_histogram'] } };
/** What page health's signals read. */
export const HEALTH_FIGURES: FigureSet = { followers: false, authors: false, histograms: { OWN: ['first_response_business_histogram'] } };

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
 * The figures of each group (and bucket) from the rollups only, never raw rows: one statement over
 * insights_rollups (a range's whole ISO weeks as W rows, only its edge days as D rows, read from the
 * covering primary key), and for what does not add up day by day one over page_metric_daily (each
 * page's last follower count) and one over conversation_metric_authors (distinct authors), in
 * parallel. Percentiles come from the summed histograms (@pivot/domain estimatePercentile, error
 * bound in duration-histogram.ts). The nodes and pages are the brand's, already authorized.
 */
export async function loadFigures(db: DataSource, query: FigureQuery): Promise<FigureMap> {
  const { nodes, parts, pages, from, to, granularity, want = ALL_FIGURES } = query;
  const figures: FigureMap = new Map();
  if (nodes.length === 0) return figures;
  const none = Promise.resolve([] as Array<Record<string, unknown>>);
  const params: Record<string, unknown> = { ...pages?.params, insightsNodes: nodes, insightsParts: parts, insightsFrom: from, insightsTo: to };
  const bucket = (column: string) => bucketSql(column, granularity, ':insightsFrom');
  const run = async (sql: string) => {
    const [text, values] = db.driver.escapeQueryWithParameters(sql, params);
    return preparedQuery(db, text, values);
  };
  // Materialized: computed once and hashed, never re-run as the inner side of a nested loop.
  const overPages = (sql: string) => (pages ? run(`WITH sp AS MATERIALIZED (${pages.sql}) ${sql}`) : none);
  const rowEnd = `CASE WHEN r.grain = 'W' THEN r.start + 6 ELSE r.start END`;
  // Each span a plain key range of the primary key (an OR of ranges would be a bitmap scan of the heap).
  // A histogram only where a part wants it: the others read as null and cost no sums.
  const histograms = [...new Set(parts.flatMap((part) => want.histograms[part] ?? []))];
  const columns = [
    'page_id', 'part', 'grain', 'start', 'backlog', ...Object.keys(ROLLUP_NETWORK), ...ROLLUP_COUNTS.filter((c) => c !== 'backlog'),
    ...histograms.map((h) => {
      const wanting = parts.filter((part) => want.histograms[part]?.includes(h));
      return wanting.length === parts.length ? h : `CASE WHEN part = '${wanting[0]}' THEN ${h} END AS ${h}`;
    }),
  ].join(', ');
  const spans = rowSpans(from, to, granularity)
    .map(([grain, first, last], i) => {
      Object.assign(params, { [`insightsSpanFrom${i}`]: first, [`insightsSpanTo${i}`]: last });
      return `SELECT ${columns} FROM insights_rollups WHERE page_id = ANY(:insightsNodes::uuid[]) AND part = ANY(:insightsParts::text[]) AND grain = '${grain}'
                 AND start BETWEEN :insightsSpanFrom${i}::date AND :insightsSpanTo${i}::date`;
    })
    .join(' UNION ALL ');
  const [sums, followers, authors] = await Promise.all([
    run(`SELECT CASE WHEN r.part = 'OWN' THEN r.page_id || '${OWN_SUFFIX}' ELSE r.page_id::text END AS grp, ${bucket('r.start')} AS b,
                ${Object.keys(ROLLUP_NETWORK).map((c) => `sum(r.${c}) AS ${c}`).join(', ')},
                ${ROLLUP_COUNTS.filter((c) => c !== 'backlog').map((c) => `sum(r.${c}) AS ${c}`).join(', ')},
                coalesce(sum(r.backlog) FILTER (WHERE ${rowEnd} = ${bucketLastDay(granularity)}), 0) AS backlog,
                ${histograms.map((h) => `${histogramSum(`r.${h}`)} AS ${h}`).join(', ') || 'NULL AS none'}
           FROM (${spans}) r
          GROUP BY 1, 2`),
    !want.followers
      ? none
      : granularity === null
      ? // Each page's last known follower count on or before `to`: the day itself for most pages (one
        // index-only range of that day), an index probe back in time for a page without it.
        overPages(`SELECT sp.grp, '' AS b, sum(coalesce(t.value, f.value)) AS followers
               FROM sp
               LEFT JOIN page_metric_daily t ON t.page_id = sp.page_id AND t.metric = 'page_follows' AND t.day = :insightsTo
               LEFT JOIN LATERAL (
                 SELECT d.value FROM page_metric_daily d WHERE t.page_id IS NULL AND d.page_id = sp.page_id AND d.metric = 'page_follows' AND d.day < :insightsTo
                  ORDER BY d.day DESC LIMIT 1) f ON true
              GROUP BY 1`)
      : overPages(`SELECT grp, b, sum(value) AS followers FROM (
               SELECT DISTINCT ON (d.page_id, ${bucket('d.day')}) sp.grp, ${bucket('d.day')} AS b, d.value
                 FROM sp JOIN page_metric_daily d ON d.page_id = sp.page_id
                WHERE d.metric = 'page_follows' AND d.day BETWEEN :insightsFrom AND :insightsTo
                ORDER BY d.page_id, ${bucket('d.day')}, d.day DESC) last
              GROUP BY 1, 2`),
    // Distinct authors per group: each group's pages read from the primary key alone (page, day,
    // author), a few hundred rows to count per group rather than one hash of the whole brand's pairs.
    !want.authors || !pages
      ? ([] as AuthorRow[])
      : loadAuthors(db, {
          brandId: query.brandId,
          nodes,
          from,
          to,
          granularity,
          shared: query.sharedAuthors ?? false,
          count: (sql, extra) => {
            Object.assign(params, extra);
            return run(`WITH sp AS MATERIALIZED (${pages.sql}) ${sql}`);
          },
          sql: `SELECT g.grp, n.b, n.authors FROM (SELECT grp, array_agg(page_id) AS pages FROM sp WHERE grp = ANY(:authorNodes::uuid[]) GROUP BY grp) g
                CROSS JOIN LATERAL (
                  SELECT ${bucket('a.day')} AS b, count(DISTINCT a.author_id)::int AS authors FROM conversation_metric_authors a
                   WHERE a.page_id = ANY(g.pages) AND a.day BETWEEN :insightsFrom AND :insightsTo
                   GROUP BY 1) n`,
        }),
  ]);

  const at = (row: { grp?: unknown; b?: unknown }) => {
    const key = figureKey(String(row.grp), String(row.b ?? ''));
    let found = figures.get(key);
    if (!found) figures.set(key, (found = emptyFigures()));
    return found;
  };
  for (const row of sums) addRollupRow(at(row), row);
  for (const row of followers) at(row).followers = num(row.followers);
  for (const row of authors) at(row).conversedAuthors = Number(row.authors);
  for (const f of figures.values()) {
    f.engagementRate = ratio(f.engagements, f.reach);
    f.conversationRate = ratio(f.conversedAuthors, f.followers);
    f.responseRate = ratio(f.conversationsAnswered, f.conversationsOpened);
    f.slaAttainment = ratio(f.slaMet, f.slaMet + f.slaBreached);
  }
  return figures;
}

/**
 * The rows a range reads, as [grain, first start, last start]: for the whole range and by WEEK,
 * its whole ISO weeks as W rows and the days before and after them as D rows; by DAY and MONTH (a
 * week may straddle two months) its days.
 */
function rowSpans(from: string, to: string, granularity: InsightsGranularity | null): Array<['D' | 'W', string, string]> {
  const days: ['D', string, string] = ['D', from, to];
  if (granularity === InsightsGranularity.DAY || granularity === InsightsGranularity.MONTH) return [days];
  const first = bucketStart(from, InsightsGranularity.WEEK);
  const weekFrom = first < from ? addDays(first, 7) : first;
  const weekTo = addDays(bucketStart(addDays(to, 1), InsightsGranularity.WEEK), -7);
  if (weekFrom > weekTo) return [days];
  const spans: Array<['D' | 'W', string, string]> = [['W', weekFrom, weekTo]];
  if (from < weekFrom) spans.push(['D', from, addDays(weekFrom, -1)]);
  if (addDays(weekTo, 6) < to) spans.push(['D', addDays(weekTo, 7), to]);
  return spans;
}

/** The last day of the bucket holding a row (`r.start`): a gauge (backlog) is read there. */
function bucketLastDay(granularity: InsightsGranularity | null): string {
  switch (granularity) {
    case null:
      return ':insightsTo::date';
    case InsightsGranularity.DAY:
      return 'r.start';
    case InsightsGranularity.WEEK:
      return `LEAST(${weekOf('r.start')} + 6, :insightsTo::date)`;
    case InsightsGranularity.MONTH:
      return `LEAST((date_trunc('month', r.start::timestamp) + interval '1 month' - interval '1 day')::date, :insightsTo::date)`;
  }
}

function addRollupRow(f: InsightsFiguresType, row: Record<string, unknown>): void {
  const follows = num(row.follows);
  const unfollows = num(row.unfollows);
  f.followerGrowth = follows === null && unfollows === null ? null : (follows ?? 0) - (unfollows ?? 0);
  f.reach = num(row.reach);
  f.engagements = num(row.engagements);
  f.itemsReceived = Number(row.items_received ?? 0);
  f.conversationsOpened = Number(row.opened ?? 0);
  f.conversationsAnswered = Number(row.answered ?? 0);
  f.conversationsResolved = Number(row.resolved ?? 0);
  f.slaMet = Number(row.sla_met ?? 0);
  f.slaBreached = Number(row.sla_breached ?? 0);
  f.firstAnsweredWithinSla = Number(row.first_sla_met ?? 0);
  f.backlog = Number(row.backlog ?? 0);
  const p = (column: RollupHistogram, q: number) => {
    const histogram = row[column] as number[] | null | undefined;
    return histogram ? estimatePercentile(histogram, q) : null;
  };
  [f.firstResponseP50Seconds, f.firstResponseP90Seconds] = [p('first_response_histogram', 0.5), p('first_response_histogram', 0.9)];
  [f.firstResponseBusinessP50Seconds, f.firstResponseBusinessP90Seconds] = [p('first_response_business_histogram', 0.5), p('first_response_business_histogram', 0.9)];
  [f.nextResponseP50Seconds, f.nextResponseP90Seconds] = [p('next_response_histogram', 0.5), p('next_response_histogram', 0.9)];
  [f.resolutionP50Seconds, f.resolutionP90Seconds] = [p('resolution_histogram', 0.5), p('resolution_histogram', 0.9)];
}
