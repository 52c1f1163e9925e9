import { AbilityBuilder, createMongoAbility, type MongoAbility } from '@casl/ability';
import { GRANTABLE_ROLES, isRole, MARKET_CREATABLE_PAGE_FIELDS, MARKET_EDITABLE_PAGE_FIELDS, UPDATABLE_PAGE_FIELDS, type Role } from './roles';

export const ACTIONS = ['manage', 'read', 'create', 'update', 'archive', 'delete', 'grant', 'revoke', 'invite', 'disable', 'import', 'work', 'submit', 'withdraw', 'approve', 'schedule', 'cascade'] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * What a rule can be about. Every governed subject carries `brandId` and `scopeIds` (its page
 * and that page's ancestors); `User` carries the brands and scopes of its role assignments.
 * A `Post` also carries `authorId`, `submittedById` (null until submitted) and `parentPostId` (set on
 * a cascade child); its scope is the lowest common ancestor of its targets (see
 * the API's post entity). `RoutingRule` and `CannedResponse` also carry `scopePageId`, the page they
 * are defined on, which the trail rules match against a grant's `scopeIds`. `ApprovalPolicy` and
 * `BrandGuardrails` are the brand's, by `brandId`.
 * An `UnmatchedInboundItem` (an item for a page no brand has registered) belongs to no brand: no
 * role grants it, so only the platform's `manage all` reaches it.
 * `Metrics` are a page's insights (its subtree's figures), by the page's `brandId` and `scopeIds`:
 * read down the scope only, never up the trail, so a market's reader never sees the brand's totals.
 */
export const SUBJECT_TYPES = [
  'Brand',
  'Page',
  'MarketAlias',
  'RoleAssignment',
  'User',
  'AuditEntry',
  'InboundItem',
  'UnmatchedInboundItem',
  'Conversation',
  'Post',
  'ApprovalPolicy',
  'BrandGuardrails',
  'ReplyQueue',
  'RoutingRule',
  'CannedResponse',
  'Metrics',
] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

export type PivotAbility = MongoAbility;

/** One role assignment as the rules need it. */
export interface Grant {
  role: Role | string;
  /** null only for PLATFORM_ADMIN. */
  brandId: string | null;
  scopePageId: string | null;
  /** The scope page's id and its ancestors' ids (the scope page's own `scopeIds`). */
  scopeIds: string[];
}

export interface AbilityActor {
  userId: string;
  grants: Grant[];
}

type Builder = AbilityBuilder<PivotAbility>;

/**
 * Everything a post's governors do to it; who moves it how is the post state machine's question.
 * `schedule` covers the manager's moves on an approved post: setting or changing its time,
 * unscheduling it and retrying a failed one. Unlike `approve` it is not refused on one's own post:
 * the decision was someone else's, and what goes out is exactly what they approved.
 */
const POST_ACTIONS: Action[] = ['read', 'create', 'update', 'submit', 'withdraw', 'approve', 'schedule', 'archive'];

/**
 * Things anyone holding a role at S may read: the brand, pages under S and the trail up to S, and
 * the team: the users holding a role under S and those roles (not the ones they hold elsewhere),
 * so a moderator can assign to a named colleague and a publisher sees who approves.
 */
function readTree(grant: Grant, can: Builder['can']): void {
  can('read', 'Brand', { id: grant.brandId });
  // The composer shows guardrails and "who must approve this?" to anyone working in the brand.
  can('read', ['ApprovalPolicy', 'BrandGuardrails'], { brandId: grant.brandId });
  can('read', 'Page', { scopeIds: grant.scopePageId });
  can('read', 'Page', { id: { $in: grant.scopeIds } });
  can('read', 'MarketAlias', { scopeIds: grant.scopePageId });
  can('read', 'RoleAssignment', { scopeIds: grant.scopePageId });
  can('read', 'User', { assignmentScopeIds: grant.scopePageId });
}

/** What everyone working replies at S reads: the conversations, and the items in them, under S. */
function readReplies(grant: Grant, can: Builder['can']): void {
  can('read', ['InboundItem', 'Conversation'], { scopeIds: grant.scopePageId });
}

/** The setup of the reply queues (queues, routing rules, canned responses): who governs replies at S. */
const REPLY_SETUP = ['ReplyQueue', 'RoutingRule', 'CannedResponse'] as const;

/**
 * The reply setup a reader of S's replies sees: S's queues, rules and canned responses, and the
 * rules and canned responses defined on the trail (their scope page is S or above it): they route
 * S's conversations, and a brand writes its approved answer once for every market. Queues above S
 * stay out (read by their members only).
 */
function readReplySetup(grant: Grant, can: Builder['can']): void {
  can('read', [...REPLY_SETUP], { scopeIds: grant.scopePageId });
  can('read', ['RoutingRule', 'CannedResponse'], { scopePageId: { $in: grant.scopeIds } });
}

/**
 * Working conversations at S: claim, reply, note, escalate, snooze, resolve. Reading the reply
 * setup comes with it: a moderator claims from a queue, answers with a canned response and sees
 * which rule sent the conversation there.
 */
function workReplies(grant: Grant, can: Builder['can']): void {
  readReplies(grant, can);
  can('work', 'Conversation', { scopeIds: grant.scopePageId });
  readReplySetup(grant, can);
}

/** The rules each role grants at its scope: the one place that says who may do what. */
export const ROLE_RULES: Record<Role, (grant: Grant, builder: Builder, userId: string) => void> = {
  PLATFORM_ADMIN: (_grant, { can }) => {
    can('manage', 'all');
  },
  BRAND_ADMIN: (grant, { can }) => {
    const brand = { brandId: grant.brandId };
    can(['read', 'update'], 'Brand', { id: grant.brandId });
    can(['read', 'create', 'archive'], 'Page', brand);
    // Named fields only: the brand and the derived scope of a page are never the caller's to set.
    can('update', 'Page', [...UPDATABLE_PAGE_FIELDS], brand);
    can(['read', 'create', 'update', 'archive'], 'MarketAlias', brand);
    can('read', 'RoleAssignment', brand);
    can(['grant', 'revoke'], 'RoleAssignment', { ...brand, role: { $in: [...GRANTABLE_ROLES.BRAND_ADMIN] } });
    can(['read', 'disable'], 'User', { brandIds: grant.brandId });
    can('invite', 'User');
    can('read', 'AuditEntry', brand);
    can(['read', 'import'], 'InboundItem', brand);
    can('read', 'Conversation', brand);
    can(POST_ACTIONS, 'Post', brand);
    // Cascading a global post to the markets is the brand team's (DESIGN §5); the API further
    // requires the post to target the global page.
    can('cascade', 'Post', brand);
    can(['read', 'update'], ['ApprovalPolicy', 'BrandGuardrails'], brand);
    can(['read', 'work'], 'Conversation', brand);
    can(['read', 'create', 'update', 'delete'], [...REPLY_SETUP], brand);
    can('read', 'Metrics', brand);
  },
  MARKET_MANAGER: (grant, builder) => {
    const { can } = builder;
    const scope = { scopeIds: grant.scopePageId };
    readTree(grant, can);
    // Segment pages under the market, named by these fields only; a language variant sits beside
    // the market, out of its scope. Fields named nowhere (a new input field too) stay the brand's.
    can('create', 'Page', [...MARKET_CREATABLE_PAGE_FIELDS], { ...scope, kind: 'SEGMENT' });
    // Never brand-locked nor structural fields (DESIGN §4): no market moves, re-countries or re-binds a page.
    can('update', 'Page', [...MARKET_EDITABLE_PAGE_FIELDS], scope);
    // Pages under the market, not the market itself: closing a market is the brand's call.
    can('archive', 'Page', { ...scope, id: { $ne: grant.scopePageId } });
    can('update', 'MarketAlias', scope);
    can(['grant', 'revoke'], 'RoleAssignment', { ...scope, role: { $in: [...GRANTABLE_ROLES.MARKET_MANAGER] } });
    can('invite', 'User');
    can('read', 'AuditEntry', scope);
    workReplies(grant, can);
    can(['read', 'create', 'update', 'delete'], [...REPLY_SETUP], scope);
    // Back-filling a market's comments and messages is the manager's call, like its queues.
    can('import', 'InboundItem', scope);
    // Anyone's posts under the market, approving included (never their own: see the limits below).
    can(POST_ACTIONS, 'Post', scope);
  },
  PUBLISHER: (grant, { can }, userId) => {
    readTree(grant, can);
    // Every post under S: the market's calendar shows who publishes what and when, so two posts do not collide.
    can('read', 'Post', { scopeIds: grant.scopePageId });
    // Changing only their own: a publisher drafts, submits and withdraws; deciding is the manager's.
    can(['create', 'update', 'submit', 'withdraw'], 'Post', { scopeIds: grant.scopePageId, authorId: userId });
    // And the cascade children in their scope: the brand team authors them, the market localizes
    // and submits them (issue 5). Approving stays the manager's, never the submitter's (below).
    can(['update', 'submit', 'withdraw'], 'Post', { scopeIds: grant.scopePageId, parentPostId: { $ne: null } });
    // A publisher at the brand's root writes global posts (§4 gives them creation there), so
    // they may cascade their own; a publisher anywhere lower is a market's and never cascades.
    if (grant.scopeIds.length === 1) can('cascade', 'Post', { scopeIds: grant.scopePageId, authorId: userId });
  },
  MODERATOR: (grant, { can }) => {
    readTree(grant, can);
    workReplies(grant, can);
  },
  ANALYST: (grant, { can }) => {
    readTree(grant, can);
    readReplies(grant, can);
    readReplySetup(grant, can);
    can('read', 'Post', { scopeIds: grant.scopePageId });
    // Metrics under S only (DESIGN §4): the trail's pages are readable, their figures are not.
    can('read', 'Metrics', { scopeIds: grant.scopePageId });
  },
};

export class UnknownRoleError extends Error {
  constructor(readonly role: string) {
    super(`Unknown role: ${role}`);
    this.name = 'UnknownRoleError';
  }
}

/**
 * The caller's powers, built from their role assignments (cheap: done once per request).
 * Limits that hold for everyone come last, so they override every role.
 */
export function defineAbilityFor(actor: AbilityActor): PivotAbility {
  const builder = new AbilityBuilder<PivotAbility>(createMongoAbility);
  for (const grant of actor.grants) {
    if (!isRole(grant.role)) throw new UnknownRoleError(String(grant.role));
    if (grant.role !== 'PLATFORM_ADMIN' && (!grant.brandId || !grant.scopePageId)) {
      throw new Error(`${grant.role} needs a brand and a scope page`);
    }
    if (grant.scopePageId && grant.scopeIds[grant.scopeIds.length - 1] !== grant.scopePageId) {
      throw new Error(`${grant.role} grant's scope must end with its scope page`);
    }
    ROLE_RULES[grant.role](grant, builder, actor.userId);
  }
  builder.can('read', 'User', { id: actor.userId });
  builder.can('read', 'RoleAssignment', { userId: actor.userId });
  // Nobody changes their own roles or disables themselves: no self-promotion, no lock-out.
  builder.cannot(['grant', 'revoke'], 'RoleAssignment', { userId: actor.userId });
  builder.cannot('disable', 'User', { id: actor.userId });
  // Nobody approves their own post (DESIGN §4), whatever their roles.
  builder.cannot('approve', 'Post', { authorId: actor.userId });
  // Nor the post they submitted: a cascade child is the brand team's by authorship, the market's by submission.
  builder.cannot('approve', 'Post', { submittedById: actor.userId });
  // The audit log is append-only for everyone (the database refuses it too).
  builder.cannot(['update', 'archive'], 'AuditEntry');
  return builder.build();
}
