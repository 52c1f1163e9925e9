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
