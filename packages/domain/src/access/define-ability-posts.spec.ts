import { asSubject, defineAbilityFor, type AbilityActor, type Action, type Grant, type SubjectType } from './index';

/*
 * Posts, approval policies and guardrails: role × action × subject (DESIGN §4). The fixture world
 * is define-ability.spec.ts's: brand B1 G → EMEA → FR → FR-dev, G → EMEA → ES; brand B2 G2 → X2.
 * A post's scope is the lowest common ancestor of its targets: a post on FR and ES sits at EMEA.
 */
const SCOPES = {
  G: ['G'],
  EMEA: ['G', 'EMEA'],
  FR: ['G', 'EMEA', 'FR'],
  ES: ['G', 'EMEA', 'ES'],
  'FR-dev': ['G', 'EMEA', 'FR', 'FR-dev'],
  X2: ['G2', 'X2'],
} as const;
type Scope = keyof typeof SCOPES;
const brandOf = (scope: Scope) => (scope === 'X2' ? 'B2' : 'B1');
const grantAt = (role: string, scope: Scope): Grant => ({ role, brandId: brandOf(scope), scopePageId: scope, scopeIds: [...SCOPES[scope]] });

const ACTORS = {
  PLATFORM_ADMIN: { userId: 'u-platform', grants: [{ role: 'PLATFORM_ADMIN', brandId: null, scopePageId: null, scopeIds: [] }] },
  'BRAND_ADMIN@G': { userId: 'u-brand', grants: [grantAt('BRAND_ADMIN', 'G')] },
  'MARKET_MANAGER@FR': { userId: 'u-manager', grants: [grantAt('MARKET_MANAGER', 'FR')] },
  'PUBLISHER@FR': { userId: 'u-publisher', grants: [grantAt('PUBLISHER', 'FR')] },
  'MODERATOR@FR': { userId: 'u-moderator', grants: [grantAt('MODERATOR', 'FR')] },
  'ANALYST@EMEA': { userId: 'u-analyst', grants: [grantAt('ANALYST', 'EMEA')] },
  'PUBLISHER@G': { userId: 'u-global-publisher', grants: [grantAt('PUBLISHER', 'G')] },
} satisfies Record<string, AbilityActor>;
type Who = keyof typeof ACTORS;
const EVERYONE = Object.keys(ACTORS) as Who[];

type Author = 'own' | 'other';
const post = (scope: Scope, author: Author) => (me: AbilityActor) => ({
  id: `post-${scope}-${author}`,
  brandId: brandOf(scope),
  scopeIds: [...SCOPES[scope]],
  authorId: author === 'own' ? me.userId : 'u-someone',
  state: 'DRAFT',
  parentPostId: null,
  submittedById: null,
});
/** A cascade child: the brand team's by authorship, localized in its market; `mine` when the caller submitted it. */
const child = (scope: Scope, submitted: 'unsubmitted' | 'mine') => (me: AbilityActor) => ({
  ...post(scope, 'other')(me),
  id: `child-${scope}-${submitted}`,
  authorId: 'u-brand-team',
  parentPostId: 'post-G-global',
  state: submitted === 'mine' ? 'IN_REVIEW' : 'DRAFT',
  submittedById: submitted === 'mine' ? me.userId : null,
});
const brandThing = (brandId: string) => () => ({ brandId });

const SUBJECTS = {
  'own post at FR': ['Post', post('FR', 'own')],
  'own post at FR-dev': ['Post', post('FR-dev', 'own')],
  "someone's post at FR": ['Post', post('FR', 'other')],
  "someone's post at FR-dev": ['Post', post('FR-dev', 'other')],
  "someone's post at ES": ['Post', post('ES', 'other')],
  'own post at ES': ['Post', post('ES', 'own')],
  "someone's post on FR and ES (scope EMEA)": ['Post', post('EMEA', 'other')],
  'own post on FR and ES (scope EMEA)': ['Post', post('EMEA', 'own')],
  "someone's post at G": ['Post', post('G', 'other')],
  'own post at G': ['Post', post('G', 'own')],
  "someone's post at X2": ['Post', post('X2', 'other')],
  'cascade child at FR': ['Post', child('FR', 'unsubmitted')],
  'cascade child at FR-dev': ['Post', child('FR-dev', 'unsubmitted')],
  'cascade child at ES': ['Post', child('ES', 'unsubmitted')],
  'cascade child at FR I submitted': ['Post', child('FR', 'mine')],
  'policy of B1': ['ApprovalPolicy', brandThing('B1')],
  'policy of B2': ['ApprovalPolicy', brandThing('B2')],
  'guardrails of B1': ['BrandGuardrails', brandThing('B1')],
  'guardrails of B2': ['BrandGuardrails', brandThing('B2')],
} satisfies Record<string, [SubjectType, (me: AbilityActor) => object]>;
type What = keyof typeof SUBJECTS;

interface Row {
  name: string;
  who: Who;
  action: Action;
  what: What;
  may: boolean;
}
const rule = (who: Who, action: Action, allowed: What[], refused: What[]): Row[] => [
  ...allowed.map((what) => ({ name: `${who} may ${action} ${what}`, who, action, what, may: true })),
  ...refused.map((what) => ({ name: `${who} may not ${action} ${what}`, who, action, what, may: false })),
];
const forEach = (whos: Who[], action: Action, allowed: What[], refused: What[]) => whos.flatMap((who) => rule(who, action, allowed, refused));

const FR_POSTS: What[] = ['own post at FR', 'own post at FR-dev', "someone's post at FR", "someone's post at FR-dev"];
const OUTSIDE_FR: What[] = ["someone's post at ES", 'own post at ES', "someone's post on FR and ES (scope EMEA)", 'own post on FR and ES (scope EMEA)', "someone's post at G", "someone's post at X2"];
const B1_POSTS: What[] = [...FR_POSTS, "someone's post at ES", 'own post at ES', "someone's post on FR and ES (scope EMEA)", 'own post on FR and ES (scope EMEA)', "someone's post at G"];
const WRITES: Action[] = ['create', 'update', 'submit', 'withdraw', 'archive'];

const POST_TABLE: Row[] = [
  ...['read', ...WRITES, 'approve'].flatMap((action) => rule('PLATFORM_ADMIN', action as Action, [...FR_POSTS.filter((w) => !w.startsWith('own')), "someone's post at X2"], [])),
  // The brand team: every post of its brand, never another brand's.
  ...['read', ...WRITES].flatMap((action) => rule('BRAND_ADMIN@G', action as Action, B1_POSTS, ["someone's post at X2"])),
  ...rule('BRAND_ADMIN@G', 'approve', B1_POSTS.filter((w) => !w.startsWith('own')), ["someone's post at X2"]),
  // The market manager: every post under FR, nothing beside or above it (a post also on ES sits at EMEA).
  ...['read', ...WRITES].flatMap((action) => rule('MARKET_MANAGER@FR', action as Action, FR_POSTS, OUTSIDE_FR)),
  ...rule('MARKET_MANAGER@FR', 'approve', ["someone's post at FR", "someone's post at FR-dev"], OUTSIDE_FR),
  // Nobody approves their own post, not even the admins.
  ...forEach(['PLATFORM_ADMIN', 'BRAND_ADMIN@G', 'MARKET_MANAGER@FR'], 'approve', [], ['own post at FR', 'own post at FR-dev']),
  // The publisher reads every post under FR (the market's calendar, issue 20) and changes only their own.
  ...rule('PUBLISHER@FR', 'read', FR_POSTS, OUTSIDE_FR),
  ...['create', 'update', 'submit', 'withdraw'].flatMap((action) =>
    rule('PUBLISHER@FR', action as Action, ['own post at FR', 'own post at FR-dev'], ["someone's post at FR", "someone's post at FR-dev", ...OUTSIDE_FR]),
  ),
  ...rule('PUBLISHER@FR', 'approve', [], [...FR_POSTS, ...OUTSIDE_FR]),
  ...rule('PUBLISHER@FR', 'archive', [], ['own post at FR', "someone's post at FR"]),
  // Scheduling (and unscheduling, retrying) an approved post: whoever governs it, their own post included.
  ...rule('PLATFORM_ADMIN', 'schedule', [...FR_POSTS, "someone's post at X2"], []),
  ...rule('BRAND_ADMIN@G', 'schedule', B1_POSTS, ["someone's post at X2"]),
  ...rule('MARKET_MANAGER@FR', 'schedule', FR_POSTS, OUTSIDE_FR),
  ...rule('PUBLISHER@FR', 'schedule', [], ['own post at FR', 'own post at FR-dev', "someone's post at FR", ...OUTSIDE_FR]),
  ...forEach(['ANALYST@EMEA', 'MODERATOR@FR'], 'schedule', [], ["someone's post at FR", 'own post at FR', "someone's post at ES"]),
  // The analyst reads every post under EMEA, FR and ES alike, and writes nothing.
  ...rule('ANALYST@EMEA', 'read', [...FR_POSTS, "someone's post at ES", "someone's post on FR and ES (scope EMEA)"], ["someone's post at G", "someone's post at X2"]),
  ...[...WRITES, 'approve'].flatMap((action) => rule('ANALYST@EMEA', action as Action, [], ["someone's post at FR", 'own post at FR', "someone's post at ES"])),
  // Moderators work replies, not posts.
  ...['read', ...WRITES, 'approve'].flatMap((action) => rule('MODERATOR@FR', action as Action, [], ["someone's post at FR", 'own post at FR'])),
];

/*
 * Cascading a global post to markets: the brand team's, and a global publisher's for their own
 * posts. Market roles never cascade, whatever the post (the API answers them FORBIDDEN).
 */
const CASCADE_TABLE: Row[] = [
  ...rule('PLATFORM_ADMIN', 'cascade', ["someone's post at G", "someone's post at X2"], []),
  ...rule('BRAND_ADMIN@G', 'cascade', ["someone's post at G", 'own post at G', "someone's post at FR"], ["someone's post at X2"]),
  ...rule('PUBLISHER@G', 'cascade', ['own post at G', 'own post at FR'], ["someone's post at G", "someone's post at X2"]),
  ...forEach(['MARKET_MANAGER@FR', 'PUBLISHER@FR', 'MODERATOR@FR', 'ANALYST@EMEA'], 'cascade', [], ["someone's post at G", 'own post at G', 'own post at FR', "someone's post at FR"]),
];

/*
 * Cascade children (issue 5): the market localizes and submits what the brand team authored. A
 * publisher edits, submits and withdraws the children in their scope, never ES's and never an
 * ordinary post of someone else's (POST_TABLE); whoever submitted a child does not approve it.
 */
const FR_CHILDREN: What[] = ['cascade child at FR', 'cascade child at FR-dev', 'cascade child at FR I submitted'];
const CHILD_TABLE: Row[] = [
  ...rule('PUBLISHER@FR', 'read', FR_CHILDREN, ['cascade child at ES']),
  ...['update', 'submit', 'withdraw'].flatMap((action) => rule('PUBLISHER@FR', action as Action, FR_CHILDREN, ['cascade child at ES', "someone's post at FR"])),
  ...['create', 'approve', 'archive', 'schedule', 'cascade'].flatMap((action) => rule('PUBLISHER@FR', action as Action, [], FR_CHILDREN)),
  ...['read', 'update', 'submit', 'withdraw', 'archive'].flatMap((action) => rule('MARKET_MANAGER@FR', action as Action, FR_CHILDREN, ['cascade child at ES'])),
  ...rule('MARKET_MANAGER@FR', 'approve', ['cascade child at FR', 'cascade child at FR-dev'], ['cascade child at FR I submitted', 'cascade child at ES']),
  ...rule('BRAND_ADMIN@G', 'approve', ['cascade child at FR', 'cascade child at ES'], ['cascade child at FR I submitted']),
  ...rule('PLATFORM_ADMIN', 'approve', ['cascade child at FR'], ['cascade child at FR I submitted']),
  ...rule('ANALYST@EMEA', 'read', ['cascade child at FR', 'cascade child at ES'], []),
  ...[...WRITES, 'approve'].flatMap((action) => forEach(['ANALYST@EMEA', 'MODERATOR@FR'], action as Action, [], ['cascade child at FR'])),
  ...rule('PUBLISHER@G', 'update', FR_CHILDREN, []),
];

const BRAND_RULES_TABLE: Row[] = [
  ...forEach(['PLATFORM_ADMIN'], 'update', ['policy of B1', 'policy of B2', 'guardrails of B1', 'guardrails of B2'], []),
  ...rule('BRAND_ADMIN@G', 'update', ['policy of B1', 'guardrails of B1'], ['policy of B2', 'guardrails of B2']),
  ...forEach(['MARKET_MANAGER@FR', 'PUBLISHER@FR', 'MODERATOR@FR', 'ANALYST@EMEA'], 'update', [], ['policy of B1', 'guardrails of B1']),
  // Everyone working in the brand reads them: the composer previews guardrails and the approval path.
  ...forEach(EVERYONE, 'read', ['policy of B1', 'guardrails of B1'], []),
  ...forEach(EVERYONE.slice(1), 'read', [], ['policy of B2', 'guardrails of B2']),
];

const ABILITIES = Object.fromEntries(EVERYONE.map((who) => [who, defineAbilityFor(ACTORS[who])]));

describe('defineAbilityFor: posts, approval policies and guardrails', () => {
  describe.each([
    ['Post', POST_TABLE],
    ['Post cascade', CASCADE_TABLE],
    ['Post cascade children', CHILD_TABLE],
    ['ApprovalPolicy and BrandGuardrails', BRAND_RULES_TABLE],
  ] as const)('%s', (_title, rows) => {
    it.each(rows)('$name', (row) => {
      const [type, make] = SUBJECTS[row.what];
      expect(ABILITIES[row.who]!.can(row.action, asSubject(type, make(ACTORS[row.who])))).toBe(row.may);
    });
  });

  it('holds enough rows to mean something', () => {
    expect(POST_TABLE.length + BRAND_RULES_TABLE.length).toBeGreaterThanOrEqual(150);
  });

  it('lets the admin app show the approve button only where the caller may approve someone else’s post', () => {
    expect(ABILITIES['MARKET_MANAGER@FR']!.can('approve', 'Post')).toBe(true);
    expect(ABILITIES['PUBLISHER@FR']!.can('approve', 'Post')).toBe(false);
  });

  it('lets the API refuse a market role cascadePost before looking at any post (no cascade rule at all)', () => {
    expect(ABILITIES['BRAND_ADMIN@G']!.can('cascade', 'Post')).toBe(true);
    expect(ABILITIES['PUBLISHER@G']!.can('cascade', 'Post')).toBe(true);
    for (const who of ['MARKET_MANAGER@FR', 'PUBLISHER@FR', 'MODERATOR@FR', 'ANALYST@EMEA'] as const) expect(ABILITIES[who]!.can('cascade', 'Post')).toBe(false);
  });
});
