import { asSubject, defineAbilityFor, type PivotAbility, type SubjectType } from '@pivot/domain';
import { Client } from 'pg';
import { gql, login } from '../support/graphql';
import { cascaded, globalPost } from '../publishing/cascade-world';
import { as, grant, loadWorld, must, newUser, setAlias, startAccessApp, WHO, type Who, type World } from './access-world';

/*
 * Every list the API filters in SQL (brands, brand.pages, brand.aliases, users, users.roles,
 * auditEntries, posts) returns exactly the rows `ability.can('read', …)` accepts in memory, for every
 * demo role and a few mixed ones. The rows come straight from PostgreSQL; the ability is built
 * here from the caller's role_assignments rows, with the same defineAbilityFor the API uses.
 */

type Caller = Who | 'TWO_HATS' | 'TWO_BRANDS' | 'NO_ROLE';
const CALLERS: Caller[] = [...WHO, 'TWO_HATS', 'TWO_BRANDS', 'NO_ROLE'];

interface Rows {
  brands: { id: string }[];
  pages: { id: string; brandId: string; scopeIds: string[]; kind: string; status: string }[];
  aliases: { id: string; brandId: string; scopeIds: string[] }[];
  users: { id: string }[];
  assignments: { id: string; userId: string; role: string; brandId: string | null; scopePageId: string | null; scopeIds: string[] }[];
  audit: { id: string; brandId: string | null; scopeIds: string[] }[];
  posts: { id: string; brandId: string; scopeIds: string[]; authorId: string; state: string; parentPostId: string | null; submittedById: string | null }[];
}

async function loadRows(databaseUrl: string): Promise<Rows> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const q = async (sql: string) => (await db.query(sql)).rows;
    return {
      brands: await q('SELECT id FROM brands'),
      pages: await q('SELECT id, brand_id AS "brandId", scope_ids::text[] AS "scopeIds", kind, status FROM pages'),
      aliases: await q('SELECT id, brand_id AS "brandId", scope_ids::text[] AS "scopeIds" FROM market_aliases'),
      users: await q('SELECT id FROM users'),
      assignments: await q(
        'SELECT id, user_id AS "userId", role, brand_id AS "brandId", scope_page_id AS "scopePageId", scope_ids::text[] AS "scopeIds" FROM role_assignments',
      ),
      audit: await q('SELECT id, brand_id AS "brandId", scope_ids::text[] AS "scopeIds" FROM audit_entries'),
      posts: await q('SELECT id, brand_id AS "brandId", scope_ids::text[] AS "scopeIds", author_id AS "authorId", state, parent_post_id AS "parentPostId", submitted_by AS "submittedById" FROM posts'),
    };
  } finally {
    await db.end();
  }
}

const sorted = (ids: Iterable<string>) => [...ids].sort();

describe('SQL-filtered lists equal the in-memory rules on the same rows', () => {
  let w: World;
  let rows: Rows;
  const token = {} as Record<Caller, string>;
  const userId = {} as Record<Caller, string>;

  beforeAll(async () => {
    w = await loadWorld(await startAccessApp());
    Object.assign(token, w.token);
    Object.assign(userId, w.userId);
    // A second brand with a market, a segment and an alias, so brand filters have something to refuse.
    const contoso = must(await as(w, 'PLATFORM', 'mutation { createBrand(input: { slug: "contoso", name: "Contoso" }) { id } }')).createBrand.id;
    const create = async (input: Record<string, unknown>) =>
      must(await as(w, 'PLATFORM', 'mutation($input: CreatePageInput!) { createPage(input: $input) { id } }', { input: { brandId: contoso, ...input } })).createPage.id;
    const contosoGlobal = await create({ kind: 'GLOBAL', name: 'Contoso', url: 'https://www.facebook.com/contoso', languages: ['en'] });
    const contosoFr = await create({ kind: 'MARKET', parentId: contosoGlobal, name: 'Contoso France', url: 'https://www.facebook.com/contoso.fr', country: 'FR', languages: ['fr'] });
    await create({ kind: 'SEGMENT', parentId: contosoFr, segment: 'business', name: 'Contoso Pro', url: 'https://www.facebook.com/contoso.fr.pro' });
    must(await as(w, 'PLATFORM', 'mutation($input: SetMarketAliasInput!) { setMarketAlias(input: $input) { id } }', { input: { brandId: contoso, country: 'BE', marketPageId: contosoFr } }));
    await setAlias(w, 'AD', w.id.ES);

    // Callers whose rules combine, and one with none left.
    const twoHats = await newUser(w, 'PUBLISHER', w.id.frConsumer, 'two-hats');
    await grant(w, twoHats.id, 'ANALYST', w.id.ES);
    const twoBrands = await newUser(w, 'MARKET_MANAGER', w.id.DE, 'two-brands');
    await grant(w, twoBrands.id, 'BRAND_ADMIN', contosoGlobal);
    const noRole = await newUser(w, 'PUBLISHER', w.id.FR, 'no-role');
    must(await as(w, 'PLATFORM', 'mutation($id: ID!) { revokeRole(assignmentId: $id) { id } }', { id: noRole.assignmentId }));
    for (const [caller, user] of [['TWO_HATS', twoHats], ['TWO_BRANDS', twoBrands], ['NO_ROLE', noRole]] as const) {
      token[caller] = await login(w.app, user.email, user.password);
      userId[caller] = user.id;
    }

    // Team members spread over the tree, and history at every level of it.
    for (const [role, page] of [['PUBLISHER', w.id.US], ['MODERATOR', w.id.esConsumer], ['ANALYST', w.id.AMER], ['PUBLISHER', contosoFr], ['MODERATOR', w.id.frConsumer]] as const) {
      await newUser(w, role, page, 'member');
    }
    const disabled = await newUser(w, 'PUBLISHER', w.id.ES, 'disabled');
    await grant(w, disabled.id, 'PUBLISHER', contosoFr);
    must(await as(w, 'PLATFORM', 'mutation($id: ID!) { disableUser(userId: $id) { id } }', { id: disabled.id }));
    const describePage = 'mutation($id: ID!, $d: String!) { updatePage(id: $id, input: { description: $d }) { id } }';
    for (const id of [w.id.G, w.id.EMEA, w.id.DE, w.id.US, w.id.esConsumer, contosoFr]) must(await as(w, 'PLATFORM', describePage, { id, d: `history ${id}` }));
    must(await as(w, 'FR_MANAGER', describePage, { id: w.id.frConsumer, d: 'by the FR manager' }));
    must(await as(w, 'ES_MANAGER', describePage, { id: w.id.ES, d: 'by the ES manager' }));
    // Posts at every level: a segment, a market, two markets (scope EMEA), the global page, another brand.
    const createPost = (caller: Caller, brandId: string, targetPageIds: string[]) =>
      gql(w.app, 'mutation($input: CreatePostInput!) { createPost(input: $input) { id } }', { input: { brandId, targetPageIds, body: 'Hi #northwind', locale: 'en' } }, token[caller]).then((r) => must(r, 'post'));
    await createPost('TWO_HATS', w.brandId, [w.id.frConsumer]);
    await createPost('FR_PUBLISHER', w.brandId, [w.id.FR, w.id.frConsumer]);
    await createPost('ES_MANAGER', w.brandId, [w.id.ES]);
    await createPost('ADMIN', w.brandId, [w.id.FR, w.id.ES]);
    await createPost('ADMIN', w.brandId, [w.id.G]);
    await createPost('TWO_BRANDS', w.brandId, [w.id.DE]);
    await createPost('TWO_BRANDS', contoso, [contosoFr]);
    // Cascade children at FR and ES, the brand admin's: the FR publisher reads FR's by the child rule alone.
    await cascaded(w, (await globalPost(w)).id, [w.id.FR, w.id.ES]);

    rows = await loadRows(w.app.databaseUrl);
  });
  afterAll(() => w?.app.close());

  /** The caller's ability, built as the API builds it, from their role_assignments rows. */
  function abilityOf(caller: Caller): PivotAbility {
    const grants = rows.assignments.filter((a) => a.userId === userId[caller]).map(({ role, brandId, scopePageId, scopeIds }) => ({ role, brandId, scopePageId, scopeIds }));
    return defineAbilityFor({ userId: userId[caller], grants });
  }

  function userSubject(id: string) {
    const held = rows.assignments.filter((a) => a.userId === id);
    return { id, brandIds: [...new Set(held.flatMap((a) => (a.brandId ? [a.brandId] : [])))], assignmentScopeIds: [...new Set(held.flatMap((a) => a.scopeIds))] };
  }

  const readable = <T extends { id: string }>(caller: Caller, type: SubjectType, list: T[], subject: (row: T) => object = (row) => row) =>
    sorted(list.filter((row) => abilityOf(caller).can('read', asSubject(type, subject(row)))).map((row) => row.id));

  const run = (caller: Caller, query: string, variables: Record<string, unknown> = {}) => gql(w.app, query, variables, token[caller]).then((r) => must(r, query));

  /** Follows a connection to its end, checking totalCount holds on every page. */
  async function everything<T>(caller: Caller, field: 'users' | 'auditEntries' | 'posts', selection: string, first: number): Promise<{ nodes: T[]; totalCount: number }> {
    const query = `query($after: String) { ${field}(first: ${first}, after: $after) { totalCount edges { node { ${selection} } } pageInfo { endCursor hasNextPage } } }`;
    const nodes: T[] = [];
    const totals = new Set<number>();
    for (let after: string | null = null, more = true; more; ) {
      const page: { totalCount: number; edges: { node: T }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } = (await run(caller, query, { after }))[field];
      nodes.push(...page.edges.map((edge) => edge.node));
      totals.add(page.totalCount);
      [after, more] = [page.pageInfo.endCursor, page.pageInfo.hasNextPage];
    }
    expect([...totals]).toHaveLength(1);
    return { nodes, totalCount: [...totals][0] };
  }

  const ids = (list: { id: string }[]) => sorted(list.map((item) => item.id));

  describe.each(CALLERS)('%s', (caller) => {
    it('posts: every readable post across pages of 4, and a totalCount that matches', async () => {
      const { nodes, totalCount } = await everything<{ id: string }>(caller, 'posts', 'id', 4);
      const expected = readable(caller, 'Post', rows.posts);
      expect(ids(nodes)).toEqual(expected);
      expect(totalCount).toBe(expected.length);
    });

    it('brands: the brands the rules let it read', async () => {
      expect(ids((await run(caller, '{ brands { id } }')).brands)).toEqual(readable(caller, 'Brand', rows.brands));
    });

    it('brand.pages: every readable page of every brand, archived ones included', async () => {
      const brands = (await run(caller, '{ brands { pages { id } } }')).brands as { pages: { id: string }[] }[];
      expect(ids(brands.flatMap((brand) => brand.pages))).toEqual(readable(caller, 'Page', rows.pages));
    });

    it('brand.aliases: the aliases the rules let it read', async () => {
      const brands = (await run(caller, '{ brands { aliases { id } } }')).brands as { aliases: { id: string }[] }[];
      expect(ids(brands.flatMap((brand) => brand.aliases))).toEqual(readable(caller, 'MarketAlias', rows.aliases));
    });

    it('users: every readable user across pages of 3, and a totalCount that matches', async () => {
      const { nodes, totalCount } = await everything<{ id: string }>(caller, 'users', 'id', 3);
      const expected = readable(caller, 'User', rows.users, (row) => userSubject(row.id));
      expect(ids(nodes)).toEqual(expected);
      expect(totalCount).toBe(expected.length);
    });

    it('users.roles: of each listed user, exactly the readable assignments', async () => {
      const { nodes } = await everything<{ id: string; roles: { id: string }[] }>(caller, 'users', 'id roles { id }', 50);
      const listed = new Set(nodes.map((user) => user.id));
      const expected = readable(caller, 'RoleAssignment', rows.assignments.filter((a) => listed.has(a.userId)));
      expect(sorted(nodes.flatMap((user) => user.roles.map((role) => role.id)))).toEqual(expected);
      // And no readable assignment hides behind a user the list leaves out.
      expect(readable(caller, 'RoleAssignment', rows.assignments)).toEqual(expected);
    });

    it('auditEntries: every readable entry across pages of 7, and a totalCount that matches', async () => {
      const { nodes, totalCount } = await everything<{ id: string }>(caller, 'auditEntries', 'id', 7);
      const expected = readable(caller, 'AuditEntry', rows.audit);
      expect(ids(nodes)).toEqual(expected);
      expect(totalCount).toBe(expected.length);
    });
  });

  it('the fixture makes the lists differ: each role reads a different, non-trivial share', () => {
    const shares = CALLERS.map((caller) =>
      [rows.pages, rows.audit, rows.users].map((list, i) => readable(caller, (['Page', 'AuditEntry', 'User'] as const)[i], list as { id: string }[], i === 2 ? (row) => userSubject(row.id) : undefined).length).join('/'),
    );
    expect(new Set(shares).size).toBeGreaterThanOrEqual(8);
    expect(readable('FR_MANAGER', 'AuditEntry', rows.audit).length).toBeGreaterThan(0);
    // The child rule (`parentPostId` not null, i.e. IS NOT NULL in SQL) lets the FR publisher read FR's children (the seed's and this file's), none of them theirs.
    const children = rows.posts.filter((post) => post.parentPostId !== null && post.authorId !== userId.FR_PUBLISHER);
    expect(readable('FR_PUBLISHER', 'Post', children).length).toBeGreaterThanOrEqual(2);
    expect(readable('FR_PUBLISHER', 'Post', children).length).toBeLessThan(children.length);
    expect(readable('FR_MANAGER', 'Page', rows.pages).length).toBeLessThan(rows.pages.length);
  });
});
