import { FR_ANALYST, type GraphqlResult } from '../support/graphql';
import { as, EMAIL, WHO, type Who, type World } from './access-world';

/** What one caller gets from one operation: its data, or exactly this error code. */
export type Outcome = 'OK' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'CONFLICT';

/** The matrix's world: the demo brand plus a second brand only the platform admin belongs to. */
export interface MatrixWorld extends World {
  other: { slug: string; globalId: string };
}

export interface MatrixCase<T = any> {
  title: string;
  expect: Record<Who, Outcome>;
  /** A fresh target for this caller, made by the platform admin, so no case disturbs the next. */
  prepare?: (w: MatrixWorld, who: Who) => Promise<T>;
  run: (w: MatrixWorld, who: Who, target: T) => Promise<GraphqlResult>;
  /** On OK: what the data must be. */
  ok?: (data: any, w: MatrixWorld, who: Who, target: T) => void | Promise<void>;
  /** After a refusal: the stored state is untouched. */
  unchanged?: (w: MatrixWorld, who: Who, target: T) => Promise<void>;
  cleanup?: (w: MatrixWorld, who: Who, target: T) => Promise<void>;
}

export const ADMINS: Who[] = ['PLATFORM', 'ADMIN'];
export const FR_GOVERNORS: Who[] = ['PLATFORM', 'ADMIN', 'FR_MANAGER'];
export const ES_GOVERNORS: Who[] = ['PLATFORM', 'ADMIN', 'ES_MANAGER'];
/** Hold a role at FR (or above it) that reads but changes nothing. */
export const FR_VIEWERS: Who[] = ['FR_PUBLISHER', 'FR_MODERATOR', 'ANALYST'];
/** Every role whose scope is FR: ES does not exist for them. */
export const FR_ONLY: Who[] = ['FR_MANAGER', 'FR_PUBLISHER', 'FR_MODERATOR'];
export const FR_READERS: Who[] = WHO.filter((who) => who !== 'ES_MANAGER');
export const ES_READERS: Who[] = ['PLATFORM', 'ADMIN', 'ES_MANAGER', 'ANALYST'];

/** Every caller's outcome; callers not named get `rest`. Refuses a table that names someone twice. */
export function outcomes(named: Partial<Record<Outcome, readonly Who[]>>, rest?: Outcome): Record<Who, Outcome> {
  const table = {} as Record<Who, Outcome>;
  for (const [outcome, whos] of Object.entries(named) as [Outcome, Who[]][]) {
    for (const who of whos) {
      if (table[who]) throw new Error(`${who} is named twice`);
      table[who] = outcome;
    }
  }
  for (const who of WHO) {
    if (!table[who]) {
      if (!rest) throw new Error(`no outcome for ${who}`);
      table[who] = rest;
    }
  }
  return table;
}

export const everyone = (outcome: Outcome) => outcomes({}, outcome);

const ids = (list: { id: string }[]) => list.map((item) => item.id);

const pageQuery = (pick: (w: MatrixWorld) => string, label: string, readers: readonly Who[]): MatrixCase => ({
  title: `page(${label})`,
  expect: outcomes({ OK: readers }, 'NOT_FOUND'),
  run: (w, who) => as(w, who, 'query($id: ID!) { page(id: $id) { id } }', { id: pick(w) }),
  ok: (data, w) => expect(data.page.id).toBe(pick(w)),
});

const AUDIT_OF = 'query($id: ID!) { auditEntries(filter: { subjectId: $id }) { totalCount edges { node { subjectId } } } }';

/** Aliases the demo seeds: LU and MC go to FR, AT to DE. */
const ALIASES_SEEN: Record<Who, string[]> = {
  PLATFORM: ['AT', 'LU', 'MC'],
  ADMIN: ['AT', 'LU', 'MC'],
  FR_MANAGER: ['LU', 'MC'],
  ES_MANAGER: [],
  FR_PUBLISHER: ['LU', 'MC'],
  FR_MODERATOR: ['LU', 'MC'],
  ANALYST: ['AT', 'LU', 'MC'],
};

/** Who each demo user sees in `users`: their team (whoever holds a role under their scope, issue 20), and themselves. */
const USERS_SEEN: Record<Who, Who[]> = {
  PLATFORM: [...WHO],
  ADMIN: WHO.filter((who) => who !== 'PLATFORM'),
  FR_MANAGER: ['FR_MANAGER', 'FR_PUBLISHER', 'FR_MODERATOR'],
  ES_MANAGER: ['ES_MANAGER'],
  FR_PUBLISHER: ['FR_MANAGER', 'FR_PUBLISHER', 'FR_MODERATOR'],
  FR_MODERATOR: ['FR_MANAGER', 'FR_PUBLISHER', 'FR_MODERATOR'],
  ANALYST: ['FR_MANAGER', 'ES_MANAGER', 'FR_PUBLISHER', 'FR_MODERATOR', 'ANALYST'],
};
/** Demo users who call nothing in the matrix, and who sees them: FR's analyst holds a role under FR (and EMEA). */
const OTHERS_SEEN: Record<Who, string[]> = {
  PLATFORM: [FR_ANALYST],
  ADMIN: [FR_ANALYST],
  FR_MANAGER: [FR_ANALYST],
  ES_MANAGER: [],
  FR_PUBLISHER: [FR_ANALYST],
  FR_MODERATOR: [FR_ANALYST],
  ANALYST: [FR_ANALYST],
};

/** Reads: run first, on the seeded data plus the few changes the spec's setup makes. */
export const READ_CASES: MatrixCase[] = [
  {
    title: 'brands',
    expect: everyone('OK'),
    run: (w, who) => as(w, who, '{ brands { slug } }'),
    ok: (data, w, who) => expect(data.brands.map((b: { slug: string }) => b.slug)).toEqual(who === 'PLATFORM' ? [w.other.slug, 'northwind'] : ['northwind']),
  },
  {
    title: 'brand(northwind)',
    expect: everyone('OK'),
    run: (w, who) => as(w, who, '{ brand(slug: "northwind") { id slug } }'),
    ok: (data, w) => expect(data.brand).toEqual({ id: w.brandId, slug: 'northwind' }),
  },
  {
    title: 'brand(another brand)',
    expect: outcomes({ OK: ['PLATFORM'] }, 'NOT_FOUND'),
    run: (w, who) => as(w, who, 'query($slug: String!) { brand(slug: $slug) { slug } }', { slug: w.other.slug }),
    ok: (data, w) => expect(data.brand.slug).toBe(w.other.slug),
  },
  pageQuery((w) => w.id.G, 'the global page', WHO),
  pageQuery((w) => w.id.EMEA, 'EMEA, on the path to FR and ES', WHO),
  pageQuery((w) => w.id.FR, 'FR', FR_READERS),
  pageQuery((w) => w.id.frConsumer, 'an FR segment', FR_READERS),
  pageQuery((w) => w.id.ES, 'ES', ES_READERS),
  pageQuery((w) => w.id.esConsumer, 'an ES segment', ES_READERS),
  pageQuery((w) => w.id.AMER, 'AMER, beside EMEA', ADMINS),
  pageQuery((w) => w.id.US, 'US', ADMINS),
  pageQuery((w) => w.other.globalId, "another brand's global page", ['PLATFORM']),
  pageQuery(() => '6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f', 'an unknown id', []),
  {
    title: 'page(a malformed id)',
    expect: everyone('BAD_USER_INPUT'),
    run: (w, who) => as(w, who, '{ page(id: "not-an-id") { id } }'),
  },
  {
    title: 'brand.pages lists FR and ES exactly when page(id) would',
    expect: everyone('OK'),
    run: (w, who) => as(w, who, '{ brand(slug: "northwind") { pages { id } } }'),
    ok: (data, w, who) => {
      const listed = ids(data.brand.pages);
      expect(listed.includes(w.id.FR)).toBe(FR_READERS.includes(who));
      expect(listed.includes(w.id.ES)).toBe(ES_READERS.includes(who));
      expect(listed.includes(w.id.US)).toBe(ADMINS.includes(who));
      expect(listed).toContain(w.id.G);
    },
  },
  {
    title: 'brand.aliases',
    expect: everyone('OK'),
    run: (w, who) => as(w, who, '{ brand(slug: "northwind") { aliases { country } } }'),
    ok: (data, _w, who) => expect(data.brand.aliases.map((a: { country: string }) => a.country)).toEqual(ALIASES_SEEN[who]),
  },
  {
    title: 'pivotPreview(FR): the target for all, the page for its readers',
    expect: everyone('OK'),
    run: (w, who) => as(w, who, '{ pivotPreview(brandSlug: "northwind", country: "FR") { target { id } page { id } } }'),
    ok: (data, w, who) => expect(data.pivotPreview).toEqual({ target: { id: w.id.FR }, page: FR_READERS.includes(who) ? { id: w.id.FR } : null }),
  },
  {
    title: 'pivotPreview(ES): the target for all, the page for its readers',
    expect: everyone('OK'),
    run: (w, who) => as(w, who, '{ pivotPreview(brandSlug: "northwind", country: "ES") { target { id } page { id } } }'),
    ok: (data, w, who) => expect(data.pivotPreview).toEqual({ target: { id: w.id.ES }, page: ES_READERS.includes(who) ? { id: w.id.ES } : null }),
  },
  {
    title: 'pivotPreview(an unknown brand)',
    expect: everyone('NOT_FOUND'),
    run: (w, who) => as(w, who, '{ pivotPreview(brandSlug: "no-such-brand", country: "FR") { target { id } } }'),
  },
  {
    title: 'me',
    expect: everyone('OK'),
    run: (w, who) => as(w, who, '{ me { id email disabled } }'),
    ok: (data, w, who) => expect(data.me).toEqual({ id: w.userId[who], email: EMAIL[who], disabled: false }),
  },
  {
    title: 'users: the team under the caller’s scope, and themselves',
    expect: everyone('OK'),
    run: (w, who) => as(w, who, '{ users(first: 200) { totalCount edges { node { email } } } }'),
    ok: (data, _w, who) => {
      const emails = data.users.edges.map((edge: { node: { email: string } }) => edge.node.email);
      expect([...emails].sort()).toEqual([...USERS_SEEN[who].map((seen) => EMAIL[seen]), ...OTHERS_SEEN[who]].sort());
      expect(data.users.totalCount).toBe(emails.length);
    },
  },
  {
    title: 'users(first: 0)',
    expect: everyone('BAD_USER_INPUT'),
    run: (w, who) => as(w, who, '{ users(first: 0) { totalCount } }'),
  },
  {
    title: "auditEntries about FR: FR's governors only",
    expect: everyone('OK'),
    run: (w, who) => as(w, who, AUDIT_OF, { id: w.id.FR }),
    ok: (data, w, who) => {
      const seen = data.auditEntries.edges.map((edge: { node: { subjectId: string } }) => edge.node.subjectId);
      expect(seen.length > 0).toBe(FR_GOVERNORS.includes(who));
      expect(seen.every((id: string) => id === w.id.FR)).toBe(true);
    },
  },
  {
    title: "auditEntries about ES: ES's governors only",
    expect: everyone('OK'),
    run: (w, who) => as(w, who, AUDIT_OF, { id: w.id.ES }),
    ok: (data, _w, who) => {
      expect(data.auditEntries.totalCount > 0).toBe(ES_GOVERNORS.includes(who));
      expect(data.auditEntries.edges).toHaveLength(data.auditEntries.totalCount);
    },
  },
  {
    title: 'auditEntries(first: 500)',
    expect: everyone('BAD_USER_INPUT'),
    run: (w, who) => as(w, who, '{ auditEntries(first: 500) { totalCount } }'),
  },
  {
    title: 'auditEntries(after: a forged cursor)',
    expect: everyone('BAD_USER_INPUT'),
    run: (w, who) => as(w, who, '{ auditEntries(after: "bm90LWEtY3Vyc29y") { totalCount } }'),
  },
];
