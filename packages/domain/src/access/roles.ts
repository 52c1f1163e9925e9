/**
 * The roles of Pivot, strongest first. A role is granted at a scope page and reaches every
 * governed record whose scope contains that page (DESIGN §2, §4).
 */
export const ROLES = ['PLATFORM_ADMIN', 'BRAND_ADMIN', 'MARKET_MANAGER', 'PUBLISHER', 'MODERATOR', 'ANALYST'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The kind of page each role is granted at; PLATFORM_ADMIN has no scope page. */
export const ROLE_SCOPE_KINDS: Record<Role, readonly string[]> = {
  PLATFORM_ADMIN: [],
  BRAND_ADMIN: ['GLOBAL'],
  MARKET_MANAGER: ['MARKET'],
  PUBLISHER: ['GLOBAL', 'REGION', 'MARKET', 'SEGMENT'],
  MODERATOR: ['GLOBAL', 'REGION', 'MARKET', 'SEGMENT'],
  ANALYST: ['GLOBAL', 'REGION', 'MARKET', 'SEGMENT'],
};

/** Which roles a holder of each role may hand out (within its own scope). */
export const GRANTABLE_ROLES: Record<Role, readonly Role[]> = {
  PLATFORM_ADMIN: ROLES,
  BRAND_ADMIN: ['BRAND_ADMIN', 'MARKET_MANAGER', 'PUBLISHER', 'MODERATOR', 'ANALYST'],
  MARKET_MANAGER: ['PUBLISHER', 'MODERATOR', 'ANALYST'],
  PUBLISHER: [],
  MODERATOR: [],
  ANALYST: [],
};

/** Profile fields that carry the brand's identity: only the brand team changes them. */
export const BRAND_LOCKED_PAGE_FIELDS = ['name', 'pictureUrl', 'website'] as const;

/**
 * Where a page sits in the tree and what it answers for: the pivot routes visitors by country,
 * region countries, language variants and segment, and ingest and publishing find the network's
 * page by (network, external id). Changing one of them moves traffic or comments between markets,
 * so only the brand team changes them (DESIGN §4).
 */
export const STRUCTURAL_PAGE_FIELDS = ['parentId', 'kind', 'network', 'externalId', 'country', 'regionCountries', 'languages', 'defaultVariant', 'segment'] as const;

/** What a market manager changes on the pages under their market: neither brand-locked nor structural. */
export const MARKET_EDITABLE_PAGE_FIELDS = ['url', 'handle', 'description', 'keywords'] as const;

/**
 * What a market manager names on a new segment page under their market: the editable fields, plus
 * the audience and the name without which there is no segment page. Its other structural values
 * come from the market (network, languages); the rest is the brand team's to set afterwards.
 */
export const MARKET_CREATABLE_PAGE_FIELDS = [...MARKET_EDITABLE_PAGE_FIELDS, 'name', 'segment'] as const;

/** Every page field an update may change. */
export const UPDATABLE_PAGE_FIELDS = [
  'parentId',
  'name',
  'url',
  'externalId',
  'handle',
  'country',
  'languages',
  'segment',
  'defaultVariant',
  'regionCountries',
  'pictureUrl',
  'description',
  'keywords',
  'website',
] as const;
export type UpdatablePageField = (typeof UPDATABLE_PAGE_FIELDS)[number];
