/**
 * @pivot/domain: the pure rules of page governance, shared by the API and the admin app.
 * No I/O here: everything is a function of its arguments.
 */
export * from './tree/page.types';
export type { FieldIssue, PageDraft, PageValidationContext } from './tree/page-draft.types';
export { PAGE_NAME_MAX_LENGTH, validatePage } from './tree/validate-page';
export { ancestorsOf, isSelfOrAncestor, scopeIdsOf, type TreeNode } from './tree/page-ancestry';
export { canonicalLanguageTag, isLanguageTag, primaryLanguageSubtag } from './tree/language-tag';
export { isHttpUrl } from './tree/http-url';
export { toTreePage } from './tree/tree-page';

export * from './common';

export type { Country } from './geography/country.types';
export { allCountries, countryByNumericCode, countryName, countryOf, isCountryCode, normalizeCountry } from './geography/country';
export {
  BUSINESS_REGIONS,
  businessRegionOf,
  countriesOfBusinessRegion,
  isBusinessRegion,
  type BusinessRegion,
} from './geography/business-region';

export { indexPivotTree, isPivotIndex, PivotTreeError, type IndexedAlias, type PivotIndex } from './pivot/pivot-index';
export { resolvePivot } from './pivot/resolve-pivot';
export { PIVOT_COVERAGES, pivotCoverageOf, type PivotCoverage } from './pivot/pivot-coverage';

export * from './access';
export * from './reply-queue';
export * from './publishing';
