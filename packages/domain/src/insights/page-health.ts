/**
 * Page health (DESIGN §7): one pure function the admin (badges, reasons) and the API (sorting,
 * filtering) share. Five keys a brand team checks on a professional page, plus operating
 * signals. Every check passes, fails, or is unknown: a signal the caller does not have (the
 * connector never asked, the network gives no ratings) is reported as unknown with its own reason
 * code and never lowers the score. Reason codes are stable strings the admin translates.
 */
import type { PageKind } from '../tree/page.types';
import { hostOf, isHostAllowed } from '../publishing/text-links';

export const HEALTH_KEYS = ['real', 'complete', 'branded', 'findable', 'endorsed'] as const;
export type HealthKey = (typeof HEALTH_KEYS)[number];

/** A connector call older than this no longer proves the page is real and reachable. */
export const HEALTH_LAST_CALL_MAX_DAYS = 2;
/** A page silent for longer than this is not operating. */
export const HEALTH_LAST_POST_MAX_DAYS = 14;
/** Recommendations or ratings a page needs where the network shows them. */
export const HEALTH_MIN_RECOMMENDATIONS = 3;
/** Conversations waiting at the end of the day above which the backlog is a problem. */
export const HEALTH_MAX_BACKLOG = 20;

export interface HealthPage {
  kind: PageKind;
  name: string;
  country: string | null;
  externalId: string | null;
  handle: string | null;
  pictureUrl: string | null;
  description: string | null;
  keywords: readonly string[];
  website: string | null;
}

export interface HealthBrand {
  name: string;
  /** The brand's picture; undefined when the brand has none on record (unknown). */
  pictureUrl?: string | null;
  /** From the brand guardrails; null or undefined: not set (unknown). */
  allowedLinkDomains?: readonly string[] | null;
}

/** What is known about the page beyond its fields; undefined means unknown. */
export interface PageHealthSignals {
  now: Date;
  connectorTokenHealthy?: boolean;
  /** null: never succeeded. */
  lastSuccessfulCallAt?: Date | null;
  /** MARKET pages: whether the public pivot sends a visitor from the page's country to it. */
  pivotSendsCountryHere?: boolean;
  /** Change in followers over the period looked at. */
  followerGrowth?: number;
  /** Ratings or recommendations; undefined where the network gives none. */
  recommendations?: number;
  /** null: never posted. */
  lastPostAt?: Date | null;
  firstResponseP90Seconds?: number;
  firstResponseSlaSeconds?: number;
  backlog?: number;
}

export type HealthReasonStatus = 'fail' | 'unknown';

export interface HealthReason {
  code: string;
  status: HealthReasonStatus;
}

export interface HealthKeyScore {
  /** 0–100 over the checks that are known; null when none is. */
  score: number | null;
  reasons: HealthReason[];
}

export interface PageHealth {
  score: number;
  keys: Record<HealthKey, HealthKeyScore>;
  operating: HealthKeyScore;
}

/** A check: true passes, false fails with `code`, undefined is unknown with `unknownCode`. */
type Check = [passed: boolean | undefined, code: string, unknownCode: string];

const DAY_MS = 86_400_000;
const filled = (value: string | null | undefined) => !!value && value.trim().length > 0;

export function scorePageHealth(page: HealthPage, brand: HealthBrand, signals: PageHealthSignals): PageHealth {
  const daysSince = (date: Date | null | undefined) => (date ? (signals.now.getTime() - date.getTime()) / DAY_MS : date);
  const lastCall = daysSince(signals.lastSuccessfulCallAt);
  const lastPost = daysSince(signals.lastPostAt);
  const websiteHost = page.website ? hostOf(page.website) : null;
  const brandName = brand.name.trim().toLowerCase();

  const keys: Record<HealthKey, HealthKeyScore> = {
    real: score([
      [filled(page.externalId), 'MISSING_EXTERNAL_ID', 'EXTERNAL_ID_UNKNOWN'],
      [signals.connectorTokenHealthy, 'CONNECTOR_TOKEN_UNHEALTHY', 'CONNECTOR_TOKEN_UNKNOWN'],
      [lastCall === undefined ? undefined : lastCall !== null && lastCall <= HEALTH_LAST_CALL_MAX_DAYS, lastCall === null ? 'NO_SUCCESSFUL_CALL' : 'NO_RECENT_SUCCESSFUL_CALL', 'LAST_CALL_UNKNOWN'],
    ]),
    complete: score([
      [filled(page.pictureUrl), 'MISSING_PICTURE', 'PICTURE_UNKNOWN'],
      [filled(page.description), 'MISSING_DESCRIPTION', 'DESCRIPTION_UNKNOWN'],
      [filled(page.website), 'MISSING_WEBSITE', 'WEBSITE_UNKNOWN'],
      [page.keywords.length > 0, 'MISSING_KEYWORDS', 'KEYWORDS_UNKNOWN'],
    ]),
    branded: score([
      [brandName ? page.name.toLowerCase().includes(brandName) : undefined, 'NAME_WITHOUT_BRAND', 'BRAND_NAME_UNKNOWN'],
      [brand.pictureUrl ? page.pictureUrl === brand.pictureUrl : undefined, 'PICTURE_NOT_BRAND_PICTURE', 'BRAND_PICTURE_UNKNOWN'],
      // A missing website is already a completeness failure: here it is only unknown.
      [brand.allowedLinkDomains && websiteHost ? isHostAllowed(websiteHost, brand.allowedLinkDomains) : undefined, 'WEBSITE_NOT_ON_ALLOWED_DOMAIN', websiteHost ? 'ALLOWED_DOMAINS_UNKNOWN' : 'WEBSITE_DOMAIN_UNKNOWN'],
    ]),
    findable: score([
      [filled(page.handle), 'MISSING_HANDLE', 'HANDLE_UNKNOWN'],
      [page.keywords.length > 0, 'MISSING_KEYWORDS', 'KEYWORDS_UNKNOWN'],
      // Only a market page has a country of its own to receive.
      ...(page.kind === 'MARKET' && page.country ? [[signals.pivotSendsCountryHere, 'PIVOT_SENDS_COUNTRY_ELSEWHERE', 'PIVOT_ROUTING_UNKNOWN'] as Check] : []),
    ]),
    endorsed: score([
      [signals.followerGrowth === undefined ? undefined : signals.followerGrowth > 0, 'FOLLOWERS_NOT_GROWING', 'FOLLOWER_GROWTH_UNKNOWN'],
      [signals.recommendations === undefined ? undefined : signals.recommendations >= HEALTH_MIN_RECOMMENDATIONS, 'FEW_RECOMMENDATIONS', 'RECOMMENDATIONS_UNKNOWN'],
    ]),
  };
  const p90 = signals.firstResponseP90Seconds;
  const sla = signals.firstResponseSlaSeconds;
  const operating = score([
    [lastPost === undefined ? undefined : lastPost !== null && lastPost <= HEALTH_LAST_POST_MAX_DAYS, lastPost === null ? 'NEVER_POSTED' : 'NO_RECENT_POST', 'LAST_POST_UNKNOWN'],
    [p90 === undefined || sla === undefined ? undefined : p90 <= sla, 'FIRST_RESPONSE_P90_OVER_SLA', 'FIRST_RESPONSE_UNKNOWN'],
    [signals.backlog === undefined ? undefined : signals.backlog <= HEALTH_MAX_BACKLOG, 'BACKLOG_HIGH', 'BACKLOG_UNKNOWN'],
  ]);
  const known = [...HEALTH_KEYS.map((key) => keys[key].score), operating.score].filter((value): value is number => value !== null);
  const total = known.length ? Math.round(known.reduce((sum, value) => sum + value, 0) / known.length) : 0;
  return { score: total, keys, operating };
}

function score(checks: Check[]): HealthKeyScore {
  const reasons: HealthReason[] = [];
  let passed = 0;
  let known = 0;
  for (const [result, code, unknownCode] of checks) {
    if (result === undefined) {
      reasons.push({ code: unknownCode, status: 'unknown' });
      continue;
    }
    known++;
    if (result) passed++;
    else reasons.push({ code, status: 'fail' });
  }
  return { score: known ? Math.round((100 * passed) / known) : null, reasons };
}
