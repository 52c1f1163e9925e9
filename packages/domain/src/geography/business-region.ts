import { COUNTRIES } from './countries.generated';
import type { Country } from './country.types';
import { countryOf } from './country';

/** The three sales regions global brands organise markets by. */
export const BUSINESS_REGIONS = ['EMEA', 'AMER', 'APAC'] as const;
export type BusinessRegion = (typeof BUSINESS_REGIONS)[number];

/**
 * Derived from the dataset's region/subregion rather than a hand list, so a new country in
 * world-countries lands in the right region on regeneration. The Middle East (subregion
 * "Western Asia": AE, SA, IL, TR…) is sold from EMEA, the rest of Asia from APAC.
 */
function businessRegionOfCountry(country: Country): BusinessRegion | null {
  switch (country.region) {
    case 'Europe':
    case 'Africa':
      return 'EMEA';
    case 'Americas':
      return 'AMER';
    case 'Asia':
      return country.subregion === 'Western Asia' ? 'EMEA' : 'APAC';
    case 'Oceania':
      return 'APAC';
    default:
      // Antarctic territories have no market to sell to.
      return null;
  }
}

const COUNTRIES_BY_REGION: ReadonlyMap<BusinessRegion, readonly string[]> = (() => {
  const byRegion = new Map<BusinessRegion, string[]>(BUSINESS_REGIONS.map((region) => [region, []]));
  for (const country of COUNTRIES) {
    const region = businessRegionOfCountry(country);
    if (region) byRegion.get(region)!.push(country.code);
  }
  for (const codes of byRegion.values()) codes.sort();
  return byRegion;
})();

export function isBusinessRegion(value: string): value is BusinessRegion {
  return (BUSINESS_REGIONS as readonly string[]).includes(value);
}

/** EMEA, AMER or APAC for a country code (any case); null for Antarctic or unknown codes. */
export function businessRegionOf(code: string): BusinessRegion | null {
  const country = countryOf(code);
  return country ? businessRegionOfCountry(country) : null;
}

/** The codes of a business region, sorted; empty for an unknown region name. */
export function countriesOfBusinessRegion(region: BusinessRegion | string): string[] {
  return [...(COUNTRIES_BY_REGION.get(region as BusinessRegion) ?? [])];
}
