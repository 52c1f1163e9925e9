import type { Action } from '@pivot/domain';
import type { Who } from './access-world';

/*
 * DESIGN §4's role table as data: what each role, held at its scope S, reads and changes. The
 * matrix (role-table-matrix.e2e-spec.ts) turns every row into cases: each subject placed at S,
 * under S, on the trail (S's ancestors), in a sibling market, beside the trail (another region),
 * in another brand; each "reads" item as `read`, each "changes" item as the action below.
 */

/** The governed subjects the table names, and the action that "changes" means for each. */
export const CHANGE_ACTION = {
  Page: 'update',
  Post: 'update',
  Conversation: 'work',
  ReplyQueue: 'update',
  RoutingRule: 'update',
  CannedResponse: 'update',
  // Granting is checked on the assignment that would exist: the fixture's are ANALYST roles.
  RoleAssignment: 'grant',
  User: 'disable',
  AuditEntry: 'update',
} as const satisfies Record<string, Action>;
export type Kind = keyof typeof CHANGE_ACTION;
export const KINDS = Object.keys(CHANGE_ACTION) as Kind[];

/**
 * Where a subject sits, seen from the caller's scope S. `at` is S itself, `under` a page below it;
 * `trail` the pages above S up to the global page; `sibling` a market beside S under the same
 * parent; `beside` a market of another region (off the trail); `otherBrand` another brand's page.
 */
export const POSITIONS = ['at', 'under', 'trail', 'sibling', 'beside', 'otherBrand'] as const;
export type Position = (typeof POSITIONS)[number];

/** How far an item of the table reaches. */
type Reach = 'underS' | 'trail' | 'brand' | 'everywhere';
const REACHES: Record<Reach, readonly Position[]> = {
  underS: ['at', 'under'],
  trail: ['trail'],
  brand: ['at', 'under', 'trail', 'sibling', 'beside'],
  everywhere: POSITIONS,
};

export interface RoleRow {
  role: string;
  reads: Partial<Record<Kind, Reach[]>>;
  changes: Partial<Record<Kind, Reach[]>>;
}

const ALL_BUT_AUDIT = KINDS.filter((kind) => kind !== 'AuditEntry');
const each = (kinds: readonly Kind[], reach: Reach[]): Partial<Record<Kind, Reach[]>> => Object.fromEntries(kinds.map((kind) => [kind, reach]));

/** The pages and the team under S, and the trail's pages: what every role reads (§4, rows 3–6). */
const EVERY_ROLE_READS = { Page: ['underS', 'trail'], RoleAssignment: ['underS'], User: ['underS'] } satisfies Partial<Record<Kind, Reach[]>>;
/** What a moderator reads: its team and tree, replies under S, and the trail's rules and canned replies. */
const MODERATOR_READS = {
  ...EVERY_ROLE_READS,
  Conversation: ['underS'],
  ReplyQueue: ['underS'],
  RoutingRule: ['underS', 'trail'],
  CannedResponse: ['underS', 'trail'],
} satisfies Partial<Record<Kind, Reach[]>>;

export const ROLE_TABLE: Record<string, RoleRow> = {
  PLATFORM_ADMIN: { role: 'PLATFORM_ADMIN', reads: each(KINDS, ['everywhere']), changes: each(ALL_BUT_AUDIT, ['everywhere']) },
  BRAND_ADMIN: { role: 'BRAND_ADMIN', reads: each(KINDS, ['brand']), changes: each(ALL_BUT_AUDIT, ['brand']) },
  MARKET_MANAGER: {
    role: 'MARKET_MANAGER',
    reads: { ...MODERATOR_READS, Post: ['underS'], AuditEntry: ['underS'] },
    // Pages, posts (someone else's: never their own to approve), conversations, reply setup, grants; users are the brand's to disable.
    changes: each(['Page', 'Post', 'Conversation', 'ReplyQueue', 'RoutingRule', 'CannedResponse', 'RoleAssignment'], ['underS']),
  },
  // The fixture's posts are someone else's: a publisher reads them (the calendar) and changes none.
  PUBLISHER: { role: 'PUBLISHER', reads: { ...EVERY_ROLE_READS, Post: ['underS'] }, changes: {} },
  MODERATOR: { role: 'MODERATOR', reads: MODERATOR_READS, changes: { Conversation: ['underS'] } },
  ANALYST: { role: 'ANALYST', reads: { ...MODERATOR_READS, Post: ['underS'] }, changes: {} },
};

/** The demo users' roles. */
export const ROLE_OF: Record<Who, string> = {
  PLATFORM: 'PLATFORM_ADMIN',
  ADMIN: 'BRAND_ADMIN',
  FR_MANAGER: 'MARKET_MANAGER',
  ES_MANAGER: 'MARKET_MANAGER',
  FR_PUBLISHER: 'PUBLISHER',
  FR_MODERATOR: 'MODERATOR',
  ANALYST: 'ANALYST',
};

/** What the table says: may a holder of `role` `read` or change a `kind` at `position`? */
export function tableSays(role: string, kind: Kind, position: Position, what: 'read' | 'change'): boolean {
  const row = ROLE_TABLE[role];
  if (!row) throw new Error(`no row for ${role}`);
  const reaches = (what === 'read' ? row.reads : row.changes)[kind] ?? [];
  return reaches.some((reach) => REACHES[reach].includes(position));
}
