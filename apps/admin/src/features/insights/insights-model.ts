/**
 * The Insights screen's pure parts: which figures the KPI cards show, the funnel's step
 * ratios and the comparison table's sorting. Figures follow the API's InsightsFigures.
 */
import { formatCount, type Better, type FigureKind } from './insights-format';

/** The figures a KPI card or a comparison column reads (a subset of InsightsFigures / MarketComparisonRow). */
export interface KpiFigures {
  followers?: number | null;
  followerGrowth?: number | null;
  engagementRate?: number | null;
  conversationRate?: number | null;
  conversedAuthors?: number | null;
  responseRate?: number | null;
  firstResponseP50Seconds?: number | null;
  firstResponseP90Seconds?: number | null;
  slaAttainment?: number | null;
  backlog?: number | null;
}

export interface Kpi {
  key: keyof KpiFigures;
  label: string;
  kind: FigureKind;
  better: Better;
  hint: string;
}

/** Conversation first: the brand's question is "do our pages converse", not "how many likes". */
export const KPIS: readonly Kpi[] = [
  { key: 'conversationRate', label: 'Conversation rate', kind: 'rate', better: 'up', hint: 'Distinct authors who wrote ÷ followers' },
  { key: 'conversedAuthors', label: 'People who conversed', kind: 'count', better: 'up', hint: 'Distinct authors over the range' },
  { key: 'followers', label: 'Followers', kind: 'count', better: 'up', hint: 'On the last day with data' },
  { key: 'followerGrowth', label: 'Follower growth', kind: 'count', better: 'up', hint: 'Follows − unfollows' },
  { key: 'engagementRate', label: 'Engagement rate', kind: 'rate', better: 'up', hint: 'Engagements ÷ reach' },
  { key: 'responseRate', label: 'Response rate', kind: 'rate', better: 'up', hint: 'Conversations answered ÷ opened' },
  { key: 'firstResponseP50Seconds', label: 'First response p50', kind: 'duration', better: 'down', hint: 'Half of first replies came faster' },
  { key: 'firstResponseP90Seconds', label: 'First response p90', kind: 'duration', better: 'down', hint: '9 in 10 first replies came faster' },
  { key: 'slaAttainment', label: 'SLA attainment', kind: 'rate', better: 'up', hint: 'Met ÷ (met + breached)' },
  { key: 'backlog', label: 'Backlog', kind: 'count', better: 'down', hint: 'Waiting at the end of the range' },
];

export interface FunnelFigures {
  followers?: number | null;
  reached?: number | null;
  engaged?: number | null;
  conversed: number;
  answeredWithinSla: number;
}

export interface FunnelStep {
  key: keyof FunnelFigures;
  label: string;
  value: number | null;
  /** This step ÷ the step before it; null for the first step or when the one before is 0 or unknown. */
  ofPrevious: number | null;
  /** This step ÷ followers; null without followers. */
  ofFirst: number | null;
}

const FUNNEL_LABELS: readonly [keyof FunnelFigures, string][] = [
  ['followers', 'Followers'],
  ['reached', 'Reached'],
  ['engaged', 'Engaged'],
  ['conversed', 'Conversed'],
  ['answeredWithinSla', 'Answered within SLA'],
];

/** "What do your fans do after?": each step with its share of the one before and of followers. */
export function funnelSteps(funnel: FunnelFigures): FunnelStep[] {
  const ratio = (value: number | null, base: number | null | undefined) => (value === null || !base ? null : value / base);
  const first = funnel.followers ?? null;
  return FUNNEL_LABELS.map(([key, label], i) => {
    const value = funnel[key] ?? null;
    const before = i === 0 ? undefined : (funnel[FUNNEL_LABELS[i - 1]![0]] ?? null);
    return { key, label, value, ofPrevious: i === 0 ? null : ratio(value, before), ofFirst: i === 0 ? null : ratio(value, first) };
  });
}

/** True when no step has anything: the funnel shows an empty state instead of zeros. */
export function funnelIsEmpty(funnel: FunnelFigures): boolean {
  return funnelSteps(funnel).every((step) => !step.value);
}

export type SortDirection = 'asc' | 'desc';
export interface SortState<K extends string> {
  column: K;
  direction: SortDirection;
}

/**
 * Rows sorted by one column; missing figures always go last whichever the direction (a market
 * without data is not the best nor the worst), then by name so equal rows keep a stable order.
 */
export function sortRows<R, K extends string>(rows: readonly R[], sort: SortState<K>, valueOf: (row: R, column: K) => number | string | null | undefined, nameOf: (row: R) => string): R[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const left = valueOf(a, sort.column);
    const right = valueOf(b, sort.column);
    const missingLeft = left === null || left === undefined;
    const missingRight = right === null || right === undefined;
    if (missingLeft !== missingRight) return missingLeft ? 1 : -1;
    if (!missingLeft && !missingRight && left !== right) {
      const order = typeof left === 'string' || typeof right === 'string' ? String(left).localeCompare(String(right)) : left < right ? -1 : 1;
      return sign * order;
    }
    return nameOf(a).localeCompare(nameOf(b));
  });
}

/** A click on a column header: the same column flips, another starts with its natural direction. */
export function nextSort<K extends string>(current: SortState<K>, column: K, firstDirection: SortDirection): SortState<K> {
  if (current.column !== column) return { column, direction: firstDirection };
  return { column, direction: current.direction === 'asc' ? 'desc' : 'asc' };
}

/** Quantile-free buckets for the map: 0..steps-1 by share of the largest value (non-positive → 0). */
export function bucketOf(value: number, max: number, steps: number): number {
  if (!(max > 0) || !(value > 0)) return 0;
  return Math.min(steps - 1, Math.floor((value / max) * steps));
}

export interface SeriesPoint {
  start: string;
  figures: { followers?: number | null; conversationRate?: number | null; firstResponseP50Seconds?: number | null; firstResponseP90Seconds?: number | null };
}

export interface ChartPoint {
  label: string;
  followers: number | null;
  /** In percent, as the chart's axis reads. */
  conversationRate: number | null;
  firstResponseP50: number | null;
  firstResponseP90: number | null;
}

/** The series as chart rows: a bucket named by its start ("3 Nov", or "Nov 2026" by month). */
export function chartPoints(series: readonly SeriesPoint[], granularity: 'DAY' | 'WEEK' | 'MONTH'): ChartPoint[] {
  return series.map(({ start, figures }) => {
    const date = new Date(`${start}T00:00:00Z`);
    const label =
      granularity === 'MONTH'
        ? date.toLocaleDateString('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' })
        : date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
    return {
      label,
      followers: figures.followers ?? null,
      conversationRate: figures.conversationRate === null || figures.conversationRate === undefined ? null : figures.conversationRate * 100,
      firstResponseP50: figures.firstResponseP50Seconds ?? null,
      firstResponseP90: figures.firstResponseP90Seconds ?? null,
    };
  });
}

/** Whether a chart has anything to draw for these keys. */
export function hasPoints(points: readonly ChartPoint[], keys: readonly (keyof Omit<ChartPoint, 'label'>)[]): boolean {
  return points.some((point) => keys.some((key) => point[key] !== null));
}

/** "EE: 1,240 visitors sent to Northwind EMEA in 30 days": where a market page would be worth opening. */
export function demandLine(country: string, visitors: number, sentTo: string | null, days: number): string {
  const who = `${formatCount(visitors)} ${visitors === 1 ? 'visitor' : 'visitors'}`;
  // ZZ: the pivot could not tell the visitor's country.
  return `${country === 'ZZ' ? 'Unknown country' : country}: ${who} sent to ${sentTo ?? 'the fallback page'} in ${days} ${days === 1 ? 'day' : 'days'}`;
}

export interface DemandRow {
  country: string;
  outcome: string;
  visitors: number;
  page?: { id: string; name: string } | null;
}

/**
 * One entry per country: the API answers per country and outcome (a country may have reached
 * its market page some days and the region on others); visitors add up, and the outcome and
 * page are those that served the most of them.
 */
export function demandByCountry<R extends DemandRow>(rows: readonly R[]): Map<string, R> {
  const byCountry = new Map<string, { top: R; visitors: number }>();
  for (const row of rows) {
    const seen = byCountry.get(row.country);
    if (!seen) byCountry.set(row.country, { top: row, visitors: row.visitors });
    else byCountry.set(row.country, { top: row.visitors > seen.top.visitors ? row : seen.top, visitors: seen.visitors + row.visitors });
  }
  return new Map([...byCountry].map(([country, { top, visitors }]) => [country, { ...top, visitors }]));
}
