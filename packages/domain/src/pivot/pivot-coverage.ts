import type { PivotIndex } from './pivot-index';

/** How the pivot finds a country's market (DESIGN §3 step 1). */
export const PIVOT_COVERAGES = ['MARKET', 'ALIAS', 'REGION', 'GLOBAL'] as const;
export type PivotCoverage = (typeof PIVOT_COVERAGES)[number];

/**
 * The first step of resolvePivot, named: an active market page, else an active alias, else a
 * region listing the country, else the global page. `country` is upper case (or null: no country).
 * The coverage map colours countries by it and the public pivot counts its demand by it.
 */
export function pivotCoverageOf(index: PivotIndex, country: string | null): PivotCoverage {
  if (country === null) return 'GLOBAL';
  if (index.marketsByCountry.has(country)) return 'MARKET';
  const alias = index.aliasByCountry.get(country);
  if (alias && alias.page.status === 'ACTIVE') return 'ALIAS';
  return index.regionByCountry.has(country) ? 'REGION' : 'GLOBAL';
}
