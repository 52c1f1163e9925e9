import {
  ADMIN,
  ANALYST,
  ES_MANAGER,
  FR_MANAGER,
  FR_MODERATOR,
  FR_PUBLISHER,
  gql,
  login,
  PLATFORM,
  type GraphqlResult,
} from '../support/graphql';
import { startTestApp, type TestApp } from '../support/test-app';

/** The seven demo users, one per role and scope (seed/demo-data.ts). */
export const WHO = ['PLATFORM', 'ADMIN', 'FR_MANAGER', 'ES_MANAGER', 'FR_PUBLISHER', 'FR_MODERATOR', 'ANALYST'] as const;
export type Who = (typeof WHO)[number];

export const EMAIL: Record<Who, string> = {
  PLATFORM,
  ADMIN,
  FR_MANAGER,
  ES_MANAGER,
  FR_PUBLISHER,
  FR_MODERATOR,
  ANALYST,
};

export interface PageRow {
  id: string;
  kind: 'GLOBAL' | 'REGION' | 'MARKET' | 'SEGMENT';
  name: string;
  country: string | null;
  segment: string | null;
  parentId: string | null;
  status: 'ACTIVE' | 'ARCHIVED';
}

/** The demo world as the platform admin sees it, plus every demo user signed in. */
export interface World {
  app: TestApp;
  token: Record<Who, string>;
  userId: Record<Who, string>;
  /** Each demo user's one seeded role assignment. */
  assignmentId: Record<Who, string>;
  brandId: string;
  pages: PageRow[];
  id: {
    G: string;
    EMEA: string;
    AMER: string;
    FR: string;
    ES: string;
    DE: string;
    US: string;
    frConsumer: string;
    frStudent: string;
    esConsumer: string;
    esStudent: string;
  };
}

/** Many sign-ins from one address: lift the per-minute budget the HTTP tests pin elsewhere. */
export const startAccessApp = (env: Record<string, string> = {}) => startTestApp({ LOGIN_ATTEMPTS_PER_MINUTE: '10000', ...env });

export function must<T = Record<string, any>>(result: GraphqlResult<T>, what = 'request'): T {
  if (result.errors || !result.data) throw new Error(`${what} failed: ${JSON.stringify(result.errors)}`);
  return result.data;
}

export const as = (w: World, who: Who, query: string, variables: Record<string, unknown> = {}) => gql(w.app, query, variables, w.token[who]);

const PAGES = `query { brand(slug: "northwind") { id pages { id kind name country segment parentId status } } }`;
const USERS = `query { users(first: 200) { edges { node { id email roles { id } } } } }`;

export async function loadWorld(app: TestApp): Promise<World> {
  const token = Object.fromEntries(await Promise.all(WHO.map(async (who) => [who, await login(app, EMAIL[who])]))) as Record<Who, string>;
  const tree = must(await gql(app, PAGES, {}, token.PLATFORM), 'tree').brand as { id: string; pages: PageRow[] };
  const users = must(await gql(app, USERS, {}, token.PLATFORM), 'users').users.edges.map(
    (edge: { node: { id: string; email: string; roles: { id: string }[] } }) => edge.node,
  );
  const user = (who: Who) => users.find((u: { email: string }) => u.email === EMAIL[who])!;
  const find = (test: (p: PageRow) => boolean, label: string) => {
    const page = tree.pages.find(test);
    if (!page) throw new Error(`no page ${label}`);
    return page.id;
  };
  const market = (country: string) => find((p) => p.kind === 'MARKET' && p.country === country, country);
  const segment = (parentId: string, name: string) => find((p) => p.parentId === parentId && p.segment === name, name);
  const FR = market('FR');
  const ES = market('ES');
  return {
    app,
    token,
    userId: Object.fromEntries(WHO.map((who) => [who, user(who).id])) as Record<Who, string>,
    assignmentId: Object.fromEntries(WHO.map((who) => [who, user(who).roles[0].id])) as Record<Who, string>,
    brandId: tree.id,
    pages: tree.pages,
    id: {
      G: find((p) => p.kind === 'GLOBAL', 'global'),
      EMEA: find((p) => p.kind === 'REGION' && p.name === 'Northwind EMEA', 'EMEA'),
      AMER: find((p) => p.kind === 'REGION' && p.name === 'Northwind AMER', 'AMER'),
      FR,
      ES,
      DE: market('DE'),
      US: market('US'),
      frConsumer: segment(FR, 'consumer'),
      frStudent: segment(FR, 'student'),
      esConsumer: segment(ES, 'consumer'),
      esStudent: segment(ES, 'student'),
    },
  };
}

/** The ids of a page and everything under it, from the seeded tree. */
export function subtreeIds(w: World, rootId: string): string[] {
  const ids = [rootId];
  for (let i = 0; i < ids.length; i++) ids.push(...w.pages.filter((p) => p.parentId === ids[i]).map((p) => p.id));
  return ids;
}

// ——— Small factories, run as the platform admin ———

let serial = 0;
/** A unique, readable suffix for emails and names made by one test file. */
export const unique = (label: string) => `${label}-${++serial}-${Date.now().toString(36)}`;

const INVITE = `mutation($input: InviteUserInput!) { inviteUser(input: $input) { user { id email } assignment { id } temporaryPassword } }`;

export interface NewUser {
  id: string;
  email: string;
  assignmentId: string;
  password: string;
}

/** A fresh account holding one role, invited by the platform admin. */
export async function newUser(w: World, role: string, scopePageId: string | null, label = 'user'): Promise<NewUser> {
  const email = `${unique(label)}@matrix.example`.toLowerCase();
  const data = must(await as(w, 'PLATFORM', INVITE, { input: { email, displayName: label, role, scopePageId } }), `invite ${email}`);
  return { id: data.inviteUser.user.id, email, assignmentId: data.inviteUser.assignment.id, password: data.inviteUser.temporaryPassword };
}

export async function grant(w: World, userId: string, role: string, scopePageId: string | null): Promise<string> {
  const mutation = `mutation($input: GrantRoleInput!) { grantRole(input: $input) { id } }`;
  return must(await as(w, 'PLATFORM', mutation, { input: { userId, role, scopePageId } }), 'grant').grantRole.id;
}

const CREATE_PAGE = `mutation($input: CreatePageInput!) { createPage(input: $input) { id } }`;

/** A throwaway `student` page under a market whose own student page is archived. */
export async function newSegment(w: World, marketId: string): Promise<string> {
  const name = unique('Throwaway students');
  const input = { brandId: w.brandId, kind: 'SEGMENT', parentId: marketId, segment: 'student', name, url: `https://www.facebook.com/${name}` };
  return must(await as(w, 'PLATFORM', CREATE_PAGE, { input }), 'create segment').createPage.id;
}

export async function archive(w: World, id: string): Promise<void> {
  must(await as(w, 'PLATFORM', `mutation($id: ID!) { archivePage(id: $id) { id } }`, { id }), 'archive');
}

export async function restore(w: World, id: string): Promise<void> {
  must(await as(w, 'PLATFORM', `mutation($id: ID!) { restorePage(id: $id) { id } }`, { id }), 'restore');
}

export interface PageState {
  id: string;
  name: string;
  description: string | null;
  pictureUrl: string | null;
  website: string | null;
  url: string;
  status: string;
  parentId: string | null;
  version: number;
}

export const PAGE_STATE = 'id name description pictureUrl website url status parentId version';

/** A page as it is stored now, read by the platform admin. */
export async function pageState(w: World, id: string): Promise<PageState> {
  return must(await as(w, 'PLATFORM', `query($id: ID!) { page(id: $id) { ${PAGE_STATE} } }`, { id }), 'page').page;
}

export async function setAlias(w: World, country: string, marketPageId: string | null): Promise<void> {
  const mutation = `mutation($input: SetMarketAliasInput!) { setMarketAlias(input: $input) { id } }`;
  must(await as(w, 'PLATFORM', mutation, { input: { brandId: w.brandId, country, marketPageId } }), 'alias');
}
