/**
 * Page-health reason codes (packages/domain scorePageHealth, sent by the API's pageHealth) as
 * sentences a brand team acts on. A code the admin does not know yet still reads as words.
 */
import { HEALTH_LAST_CALL_MAX_DAYS, HEALTH_LAST_POST_MAX_DAYS, HEALTH_MAX_BACKLOG, HEALTH_MIN_RECOMMENDATIONS } from '@pivot/domain';

export const HEALTH_KEY_LABELS: Record<string, string> = {
  real: 'Real',
  complete: 'Complete',
  branded: 'Branded',
  findable: 'Findable',
  endorsed: 'Endorsed',
  operating: 'Operating',
};

const REASONS: Record<string, string> = {
  MISSING_EXTERNAL_ID: 'Not linked to the network: set its external id.',
  EXTERNAL_ID_UNKNOWN: 'Whether it is linked to the network is unknown.',
  CONNECTOR_TOKEN_UNHEALTHY: 'The network token is expired or revoked: reconnect the page.',
  CONNECTOR_TOKEN_UNKNOWN: 'The network token has not been checked yet.',
  NO_SUCCESSFUL_CALL: 'The network has never answered for this page.',
  NO_RECENT_SUCCESSFUL_CALL: `No successful call to the network in the last ${HEALTH_LAST_CALL_MAX_DAYS} days.`,
  LAST_CALL_UNKNOWN: 'When the network last answered is unknown.',
  MISSING_PICTURE: 'No profile picture.',
  PICTURE_UNKNOWN: 'Whether it has a picture is unknown.',
  MISSING_DESCRIPTION: 'No description.',
  DESCRIPTION_UNKNOWN: 'Whether it has a description is unknown.',
  MISSING_WEBSITE: 'No website.',
  WEBSITE_UNKNOWN: 'Whether it has a website is unknown.',
  MISSING_KEYWORDS: 'No keywords: people searching will not find it.',
  KEYWORDS_UNKNOWN: 'Whether it has keywords is unknown.',
  NAME_WITHOUT_BRAND: "The name does not contain the brand's name.",
  BRAND_NAME_UNKNOWN: "The brand's name is not set.",
  PICTURE_NOT_BRAND_PICTURE: "The picture is not the brand's picture.",
  BRAND_PICTURE_UNKNOWN: 'The brand has no picture on record to compare with.',
  WEBSITE_NOT_ON_ALLOWED_DOMAIN: "The website is not on one of the brand's allowed domains.",
  ALLOWED_DOMAINS_UNKNOWN: 'The brand has no allowed link domains to check the website against.',
  WEBSITE_DOMAIN_UNKNOWN: 'No website to check against the allowed domains.',
  MISSING_HANDLE: 'No handle (@name).',
  HANDLE_UNKNOWN: 'Whether it has a handle is unknown.',
  PIVOT_SENDS_COUNTRY_ELSEWHERE: "The pivot sends visitors from this page's country to another page.",
  PIVOT_ROUTING_UNKNOWN: 'Where the pivot sends its country is unknown.',
  FOLLOWERS_NOT_GROWING: 'Followers are not growing over the range.',
  FOLLOWER_GROWTH_UNKNOWN: 'No follower figures for the range.',
  FEW_RECOMMENDATIONS: `Fewer than ${HEALTH_MIN_RECOMMENDATIONS} ratings or recommendations.`,
  RECOMMENDATIONS_UNKNOWN: 'The network gives no ratings or recommendations here.',
  NEVER_POSTED: 'Has never posted.',
  NO_RECENT_POST: `No post in the last ${HEALTH_LAST_POST_MAX_DAYS} days.`,
  LAST_POST_UNKNOWN: 'When it last posted is unknown.',
  FIRST_RESPONSE_P90_OVER_SLA: 'First response p90 is over the SLA.',
  FIRST_RESPONSE_UNKNOWN: 'No first responses (or no SLA) to judge over the range.',
  BACKLOG_HIGH: `More than ${HEALTH_MAX_BACKLOG} conversations waiting at the end of the range.`,
  BACKLOG_UNKNOWN: 'The backlog is unknown.',
  // The metrics connector's reasons (page_metric_status), when the API passes them on.
  TOKEN_EXPIRED: 'The network token has expired: reconnect the page.',
  NO_TOKEN: 'No network token for this page: connect it.',
  NO_EXTERNAL_ID: 'Not linked to the network: set its external id.',
  NETWORK_UNAVAILABLE: 'The network did not answer the last metrics fetch; it is retried daily.',
  NETWORK_REFUSED: 'The network refused the last metrics fetch.',
  METRIC_UNAVAILABLE: 'The network no longer gives a metric',
};

export function healthReasonText(code: string): string {
  // `METRIC_UNAVAILABLE:page_views_total`: the code, then what it is about.
  const [base, detail] = code.split(':', 2) as [string, string | undefined];
  if (detail && REASONS[base]) return `${REASONS[base]}: ${detail}.`;
  const known = REASONS[code];
  if (known) return known;
  const words = code.toLowerCase().replace(/_/g, ' ');
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}.`;
}

export function isKnownHealthReason(code: string): boolean {
  return code in REASONS;
}

/** Badge colour of a 0–100 score. */
export function healthColor(score: number): 'red' | 'orange' | 'teal' {
  return score < 50 ? 'red' : score < 80 ? 'orange' : 'teal';
}
