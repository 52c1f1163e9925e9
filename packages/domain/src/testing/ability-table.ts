import {
  asSubject,
  defineAbilityFor,
  type AbilityActor,
  type Action,
  type Grant,
  type PivotAbility,
  type SubjectType,
} from '../access/index';

/*
 * The fixture world. Brand B1: G → EMEA → FR → FR-dev, G → EMEA → ES → ES-dev, G → AMER → US.
 * Brand B2: G2 → X2. Every record carries `brandId` and `scopeIds` (root first, then its own page).
 */
export const SCOPES = {
  G: ['G'],
  EMEA: ['G', 'EMEA'],
  AMER: ['G', 'AMER'],
  FR: ['G', 'EMEA', 'FR'],
  ES: ['G', 'EMEA', 'ES'],
  US: ['G', 'AMER', 'US'],
  'FR-dev': ['G', 'EMEA', 'FR', 'FR-dev'],
  'ES-dev': ['G', 'EMEA', 'ES', 'ES-dev'],
  G2: ['G2'],
  X2: ['G2', 'X2'],
} as const;
export type PageId = keyof typeof SCOPES;

export const brandOf = (page: PageId): string => (page === 'G2' || page === 'X2' ? 'B2' : 'B1');
export const page = (id: PageId) => ({ id, brandId: brandOf(id), scopeIds: [...SCOPES[id]], name: `Acme ${id}`, status: 'ACTIVE' });
/** A page not created yet, as a create check sees it: its parent's scope plus its own id (under a market, a segment page). */
export const newPageUnder = (parent: PageId) => ({ id: `${parent}-new`, brandId: brandOf(parent), scopeIds: [...SCOPES[parent], `${parent}-new`], kind: 'SEGMENT' });

export const grantAt = (role: string, scope: PageId): Grant => ({ role, brandId: brandOf(scope), scopePageId: scope, scopeIds: [...SCOPES[scope]] });
export const PLATFORM_GRANT: Grant = { role: 'PLATFORM_ADMIN', brandId: null, scopePageId: null, scopeIds: [] };

export const ACTORS = {
  PLATFORM_ADMIN: { userId: 'u-platform', grants: [PLATFORM_GRANT] },
  'BRAND_ADMIN@G': { userId: 'u-brand', grants: [grantAt('BRAND_ADMIN', 'G')] },
  'MARKET_MANAGER@FR': { userId: 'u-manager', grants: [grantAt('MARKET_MANAGER', 'FR')] },
  'PUBLISHER@FR': { userId: 'u-publisher', grants: [grantAt('PUBLISHER', 'FR')] },
  'MODERATOR@FR': { userId: 'u-moderator', grants: [grantAt('MODERATOR', 'FR')] },
  'ANALYST@EMEA': { userId: 'u-analyst', grants: [grantAt('ANALYST', 'EMEA')] },
} satisfies Record<string, AbilityActor>;
export type Who = keyof typeof ACTORS;
export const EVERYONE = Object.keys(ACTORS) as Who[];

/** A User as the rules see it: the brands and scopes of all its role assignments. */
export const userWith = (id: string, ...scopes: PageId[]) => ({
  id,
  brandIds: [...new Set(scopes.map(brandOf))],
  assignmentScopeIds: [...new Set(scopes.flatMap((scope) => SCOPES[scope]))],
});
export const assignment = (userId: string, role: string, scope: PageId | null) => ({
  id: `${userId}:${role}@${scope ?? 'platform'}`,
  userId,
  role,
  brandId: scope ? brandOf(scope) : null,
  scopePageId: scope,
  scopeIds: scope ? [...SCOPES[scope]] : [],
});
export const alias = (country: string, market: PageId) => ({ id: `alias-${country}`, country, marketPageId: market, brandId: brandOf(market), scopeIds: [...SCOPES[market]] });
export const auditAt = (scope: PageId) => ({ id: `audit-${scope}`, action: 'page.update', brandId: brandOf(scope), scopeIds: [...SCOPES[scope]] });

/** A reply record at a page: conversations carry `pageId`, rules and canned responses `scopePageId` (the page they are defined on). */
export const replyAt = (scope: PageId) => ({ id: `reply-${scope}`, pageId: scope, scopePageId: scope, brandId: brandOf(scope), scopeIds: [...SCOPES[scope]] });

export type SubjectFactory = (me: AbilityActor) => [SubjectType, object];
export const on =
  (type: SubjectType, record: object): SubjectFactory =>
  () => [type, record];

export const SUBJECTS = {
  'brand B1': on('Brand', { id: 'B1', slug: 'acme' }),
  'brand B2': on('Brand', { id: 'B2', slug: 'other' }),
  ...(Object.fromEntries((Object.keys(SCOPES) as PageId[]).map((id) => [`page ${id}`, on('Page', page(id))])) as Record<`page ${PageId}`, SubjectFactory>),
  'a new page under G': on('Page', newPageUnder('G')),
  'a new page under FR': on('Page', newPageUnder('FR')),
  'a new page under FR-dev': on('Page', newPageUnder('FR-dev')),
  'a new page under ES': on('Page', newPageUnder('ES')),
  'a new page under G2': on('Page', newPageUnder('G2')),
  'a new market page under FR': on('Page', { ...newPageUnder('FR'), kind: 'MARKET' }),
  'alias LU→FR': on('MarketAlias', alias('LU', 'FR')),
  'alias AD→ES': on('MarketAlias', alias('AD', 'ES')),
  'alias MC→X2': on('MarketAlias', alias('MC', 'X2')),
  "someone's PUBLISHER@FR-dev": on('RoleAssignment', assignment('u-other', 'PUBLISHER', 'FR-dev')),
  "someone's MODERATOR@FR": on('RoleAssignment', assignment('u-other', 'MODERATOR', 'FR')),
  "someone's ANALYST@FR": on('RoleAssignment', assignment('u-other', 'ANALYST', 'FR')),
  "someone's MARKET_MANAGER@FR": on('RoleAssignment', assignment('u-other', 'MARKET_MANAGER', 'FR')),
  "someone's PUBLISHER@ES": on('RoleAssignment', assignment('u-other', 'PUBLISHER', 'ES')),
  "someone's ANALYST@EMEA": on('RoleAssignment', assignment('u-other', 'ANALYST', 'EMEA')),
  "someone's BRAND_ADMIN@G": on('RoleAssignment', assignment('u-other', 'BRAND_ADMIN', 'G')),
  "someone's PLATFORM_ADMIN": on('RoleAssignment', assignment('u-other', 'PLATFORM_ADMIN', null)),
  "someone's PUBLISHER@X2": on('RoleAssignment', assignment('u-other', 'PUBLISHER', 'X2')),
  'their own PUBLISHER@FR-dev': (me) => ['RoleAssignment', assignment(me.userId, 'PUBLISHER', 'FR-dev')],
  'their own MARKET_MANAGER@FR': (me) => ['RoleAssignment', assignment(me.userId, 'MARKET_MANAGER', 'FR')],
  'their own BRAND_ADMIN@G': (me) => ['RoleAssignment', assignment(me.userId, 'BRAND_ADMIN', 'G')],
  'their own PLATFORM_ADMIN': (me) => ['RoleAssignment', assignment(me.userId, 'PLATFORM_ADMIN', null)],
  'their own User': (me) => ['User', userWith(me.userId, ...me.grants.flatMap((grant) => (grant.scopePageId ? [grant.scopePageId as PageId] : [])))],
  'a user at FR-dev': on('User', userWith('u-fr-dev', 'FR-dev')),
  'a user at FR': on('User', userWith('u-fr', 'FR')),
  'a user at ES': on('User', userWith('u-es', 'ES')),
  'a user at EMEA': on('User', userWith('u-emea', 'EMEA')),
  'a user of B2': on('User', userWith('u-b2', 'X2')),
  'a user at ES and X2': on('User', userWith('u-both', 'ES', 'X2')),
  'a new user': on('User', userWith('u-new')),
  'an audit entry at FR-dev': on('AuditEntry', auditAt('FR-dev')),
  'an audit entry at FR': on('AuditEntry', auditAt('FR')),
  'an audit entry at ES': on('AuditEntry', auditAt('ES')),
  'an audit entry at G': on('AuditEntry', auditAt('G')),
  'an audit entry at X2': on('AuditEntry', auditAt('X2')),
  'an unmatched inbound item': on('UnmatchedInboundItem', { id: 'unmatched-1', network: 'facebook', pageExternalId: 'fb-unknown' }),
  ...(Object.fromEntries(
    (['FR-dev', 'FR', 'ES', 'G', 'X2'] as const).flatMap((scope) => [
      [`a conversation at ${scope}`, on('Conversation', replyAt(scope))],
      [`an inbound item at ${scope}`, on('InboundItem', replyAt(scope))],
    ]),
  ) as Record<`a conversation at ${'FR-dev' | 'FR' | 'ES' | 'G' | 'X2'}` | `an inbound item at ${'FR-dev' | 'FR' | 'ES' | 'G' | 'X2'}`, SubjectFactory>),
  ...(Object.fromEntries(
    (['FR-dev', 'FR', 'ES', 'EMEA', 'G', 'X2'] as const).flatMap((scope) => [
      [`a queue at ${scope}`, on('ReplyQueue', replyAt(scope))],
      [`a routing rule at ${scope}`, on('RoutingRule', replyAt(scope))],
      [`a canned response at ${scope}`, on('CannedResponse', replyAt(scope))],
    ]),
  ) as Record<`${'a queue' | 'a routing rule' | 'a canned response'} at ${'FR-dev' | 'FR' | 'ES' | 'EMEA' | 'G' | 'X2'}`, SubjectFactory>),
  // A page's insights, as the API checks them: the page's brand and scope.
  ...(Object.fromEntries((Object.keys(SCOPES) as PageId[]).map((id) => [`metrics of ${id}`, on('Metrics', { brandId: brandOf(id), scopeIds: [...SCOPES[id]] })])) as Record<`metrics of ${PageId}`, SubjectFactory>),
} satisfies Record<string, SubjectFactory>;
export type What = keyof typeof SUBJECTS;

export interface Row {
  name: string;
  who: Who;
  action: Action;
  what: What;
  field?: string;
  may: boolean;
}

/** One line of a table: `who` may `action` each of `allowed` and none of `refused`. */
export function rule(who: Who, action: Action, allowed: What[], refused: What[], field?: string): Row[] {
  const row = (what: What, may: boolean): Row => ({
    name: `${who} ${may ? 'can' : 'cannot'} ${action} ${what}${field ? ` (field ${field})` : ''}`,
    who,
    action,
    what,
    field,
    may,
  });
  return [...allowed.map((what) => row(what, true)), ...refused.map((what) => row(what, false))];
}
export const forEach = (whos: Who[], action: Action, allowed: What[], refused: What[], field?: string): Row[] =>
  whos.flatMap((who) => rule(who, action, allowed, refused, field));

export function check(ability: PivotAbility, me: AbilityActor, { action, what, field }: Pick<Row, 'action' | 'what' | 'field'>): boolean {
  const [type, record] = SUBJECTS[what](me);
  return ability.can(action, asSubject(type, record), field);
}

export const ABILITIES = Object.fromEntries(EVERYONE.map((who) => [who, defineAbilityFor(ACTORS[who])])) as Record<Who, PivotAbility>;

export const pages = (...ids: PageId[]): What[] => ids.map((id) => `page ${id}` as What);
export const ALL_PAGES = Object.keys(SCOPES) as PageId[];
export const pagesExcept = (...ids: PageId[]): What[] => pages(...ALL_PAGES.filter((id) => !ids.includes(id)));
export const B1_PAGES = ALL_PAGES.filter((id) => brandOf(id) === 'B1');
export const FR_READERS: Who[] = ['MARKET_MANAGER@FR', 'PUBLISHER@FR', 'MODERATOR@FR'];
export const READ_ONLY_ROLES: Who[] = ['PUBLISHER@FR', 'MODERATOR@FR', 'ANALYST@EMEA'];

export const except = (all: What[], some: What[]): What[] => all.filter((what) => !some.includes(what));
