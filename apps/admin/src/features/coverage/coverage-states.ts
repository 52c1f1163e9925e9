import { PIVOT_COVERAGES, pivotCoverageOf, type PivotCoverage, resolvePivot, toTreePage, type PivotIndex, type PivotTree, type TreePage } from '@pivot/domain';
import type { BrandPage } from '../hierarchy/page-tree-model';

/** How the pivot finds a country's market (DESIGN §3 step 1), the map's colours. */
export const COVERAGE_STATES = PIVOT_COVERAGES;
export type CoverageState = PivotCoverage;

export const COVERAGE_LABELS: Record<CoverageState, string> = {
  MARKET: 'Own market page',
  ALIAS: 'Aliased to another market',
  REGION: 'Served by a region',
  GLOBAL: 'Falls back to global',
};

export interface CountryCoverage {
  country: string;
  state: CoverageState;
  /** The page that would answer a visitor from this country for the chosen segment (no language given). */
  answer: TreePage;
  trail: string[];
}

interface BrandTree {
  slug: string;
  segmentFallback: PivotTree['segmentFallback'];
  pages: readonly BrandPage[];
  aliases: readonly { country: string; network: string; marketPageId: string }[];
}

/** One network's tree as the pivot sees it, from the brand loaded by GraphQL. */
export function pivotTreeOf(brand: BrandTree, network: string): PivotTree {
  return {
    brandSlug: brand.slug,
    segmentFallback: brand.segmentFallback,
    pages: brand.pages.filter((page) => page.network === network).map(toTreePage),
    aliases: brand.aliases.filter((alias) => alias.network === network).map(({ country, marketPageId }) => ({ country, marketPageId })),
  };
}

/**
 * The same first step as resolvePivot, named: an active market page, else an active alias,
 * else a region listing the country, else the global page. The answering page itself comes
 * from resolvePivot, so the map can never disagree with the public pivot.
 */
export function coverageOf(index: PivotIndex, country: string, segment: string | null): CountryCoverage {
  const code = country.toUpperCase();
  const state: CoverageState = pivotCoverageOf(index, code);
  const { page, trail } = resolvePivot(index, { country: code, segment });
  return { country: code, state, answer: page, trail };
}

export function coverageOfCountries(index: PivotIndex, countries: readonly string[], segment: string | null): Map<string, CountryCoverage> {
  return new Map(countries.map((country) => [country.toUpperCase(), coverageOf(index, country, segment)]));
}

export function countByState(coverage: Iterable<CountryCoverage>): Record<CoverageState, number> {
  const counts: Record<CoverageState, number> = { MARKET: 0, ALIAS: 0, REGION: 0, GLOBAL: 0 };
  for (const entry of coverage) counts[entry.state] += 1;
  return counts;
}
