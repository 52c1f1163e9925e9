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

// Insights (DESIGN §7): conversation metric samples, rollup histograms and percentiles, page health.
export {
  bucketLowerBound,
  bucketUpperBound,
  emptyHistogram,
  estimatePercentile,
  HISTOGRAM_BUCKETS,
  HISTOGRAM_MAX_SECONDS,
  HISTOGRAM_MIN_SECONDS,
  HISTOGRAM_RATIO,
  HISTOGRAM_RELATIVE_ERROR,
  histogramBucket,
  histogramOf,
  mergeHistograms,
} from './insights/duration-histogram';
export {
  businessSecondsBetween,
  CONVERSATION_METRICS,
  conversationMetricSamples,
  DURATION_METRICS,
  type ConversationMetric,
  type ConversationMetricEvent,
  type MetricQueue,
  type MetricSample,
} from './insights/conversation-metrics';
export {
  HEALTH_KEYS,
  HEALTH_LAST_CALL_MAX_DAYS,
  HEALTH_LAST_POST_MAX_DAYS,
  HEALTH_MAX_BACKLOG,
  HEALTH_MIN_RECOMMENDATIONS,
  scorePageHealth,
  type HealthBrand,
  type HealthKey,
  type HealthKeyScore,
  type HealthPage,
  type HealthReason,
  type HealthReasonStatus,
  type PageHealth,
  type PageHealthSignals,
} from './insights/page-health';
