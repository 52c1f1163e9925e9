import { Client } from 'pg';
import { ADMIN, errorCode, gql, login, type GraphqlResult } from '../support/graphql';
import { startTestApp, type TestApp } from '../support/test-app';
import { globalOf, loadTree, marketOf, pageOf, regionOf, segmentOf, type Tree } from './tree-fixture';

const UPDATE_PAGE = `mutation($id: ID!, $input: UpdatePageInput!) {
  updatePage(id: $id, input: $input) { id name url parentId status version }
}`;
const ARCHIVE = 'mutation($id: ID!) { archivePage(id: $id) { id status } }';
const RESTORE = 'mutation($id: ID!) { restorePage(id: $id) { id status } }';
const SET_ALIAS = 'mutation($input: SetMarketAliasInput!) { setMarketAlias(input: $input) { country network marketPageId } }';
const ALIASES = '{ brand(slug: "northwind") { aliases { country marketPage { id country } } } }';

const fieldsOf = (result: GraphqlResult) =>
  ((result.errors?.[0]?.extensions?.fields as { field: string }[] | undefined) ?? []).map((problem) => problem.field);

const UNKNOWN_ID = '6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f';

describe('changing the page tree', () => {
  let app: TestApp;
  let token: string;
  let tree: Tree;

  beforeAll(async () => {
    app = await startTestApp();
    token = await login(app, ADMIN);
    tree = await loadTree(app, token);
  });
  afterAll(() => app.close());

  const updatePage = (id: string, input: Record<string, unknown>) => gql(app, UPDATE_PAGE, { id, input }, token);
  const archive = (id: string) => gql(app, ARCHIVE, { id }, token);
  const restore = (id: string) => gql(app, RESTORE, { id }, token);
  const setAlias = (input: Record<string, unknown>) => gql(app, SET_ALIAS, { input: { brandId: tree.brandId, ...input } }, token);
  const statusOf = async (id: string) => (await gql(app, 'query($id: ID!) { page(id: $id) { status } }', { id }, token)).data!.page.status;

  /** scope_ids is not part of the API: read straight from the file's own database. */
  async function storedScopes(sql: string, params: unknown[]): Promise<string[][]> {
    const client = new Client({ connectionString: app.databaseUrl });
    await client.connect();
    try {
      return (await client.query<{ scope_ids: string[] }>(sql, params)).rows.map((row) => row.scope_ids);
    } finally {
      await client.end();
    }
  }

  describe('updatePage', () => {
    it('persists a field change and bumps the version', async () => {
      const page = segmentOf(tree, marketOf(tree, 'FR'), 'consumer');
      const result = await updatePage(page.id, { name: 'Northwind France Grand Public', expectedVersion: page.version });
      expect(result.errors).toBeUndefined();
      expect(result.data!.updatePage).toMatchObject({ name: 'Northwind France Grand Public', version: page.version + 1 });
      const reread = await gql(app, 'query($id: ID!) { page(id: $id) { name version url } }', { id: page.id }, token);
      expect(reread.data!.page).toEqual({
        name: 'Northwind France Grand Public',
        version: page.version + 1,
        url: 'https://www.facebook.com/northwind.fr.consumer',
      });
    });

    it('a stale expectedVersion is CONFLICT and changes nothing', async () => {
      const page = segmentOf(tree, marketOf(tree, 'FR'), 'business');
      expect((await updatePage(page.id, { name: 'First edit', expectedVersion: page.version })).errors).toBeUndefined();
      const stale = await updatePage(page.id, { name: 'Second edit', expectedVersion: page.version });
      expect(errorCode(stale)).toBe('CONFLICT');
      const reread = await gql(app, 'query($id: ID!) { page(id: $id) { name version } }', { id: page.id }, token);
      expect(reread.data!.page).toEqual({ name: 'First edit', version: page.version + 1 });
    });

    it('a change that breaks a rule is BAD_USER_INPUT naming the field', async () => {
      const result = await updatePage(marketOf(tree, 'ES').id, { url: 'javascript:void(0)' });
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(result)).toContain('url');
    });

    it('an unknown page is NOT_FOUND and a malformed id BAD_USER_INPUT', async () => {
      expect(errorCode(await updatePage(UNKNOWN_ID, { name: 'x' }))).toBe('NOT_FOUND');
      expect(errorCode(await updatePage('nope', { name: 'x' }))).toBe('BAD_USER_INPUT');
    });

    it('moving a market under another region moves its segment pages and rewrites their scopes and its aliases', async () => {
      const morocco = marketOf(tree, 'MA');
      const amer = regionOf(tree, 'AMER');
      const global = globalOf(tree);
      // Western Sahara served by the Moroccan page: the alias carries the market's scope.
      expect((await setAlias({ country: 'EH', marketPageId: morocco.id })).errors).toBeUndefined();

      const moved = await updatePage(morocco.id, { parentId: amer.id });
      expect(moved.errors).toBeUndefined();
      expect(moved.data!.updatePage.parentId).toBe(amer.id);

      const developers = segmentOf(tree, morocco, 'developer');
      const chain = await gql(app, 'query($id: ID!) { page(id: $id) { parent { id parent { id parent { id } } } } }', { id: developers.id }, token);
      expect(chain.data!.page).toEqual({ parent: { id: morocco.id, parent: { id: amer.id, parent: { id: global.id } } } });

      const segments = tree.pages.filter((p) => p.parentId === morocco.id);
      expect(segments).toHaveLength(4);
      const scopes = await storedScopes('SELECT scope_ids FROM pages WHERE parent_id = $1 ORDER BY id', [morocco.id]);
      expect(scopes).toEqual(segments.map((s) => s.id).sort().map((id) => [global.id, amer.id, morocco.id, id]));
      expect(await storedScopes('SELECT scope_ids FROM pages WHERE id = $1', [morocco.id])).toEqual([[global.id, amer.id, morocco.id]]);
      const aliasScopes = await storedScopes('SELECT scope_ids FROM market_aliases WHERE market_page_id = $1', [morocco.id]);
      expect(aliasScopes).toEqual([[global.id, amer.id, morocco.id]]);
    });

    it('moving a page under itself or one of its own sub-pages is BAD_USER_INPUT naming parentId', async () => {
      const emea = regionOf(tree, 'EMEA');
      const underChild = await updatePage(emea.id, { parentId: marketOf(tree, 'FR').id });
      expect(errorCode(underChild)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(underChild)).toEqual(['parentId']);
      const underItself = await updatePage(emea.id, { parentId: emea.id });
      expect(errorCode(underItself)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(underItself)).toEqual(['parentId']);
      const reread = await gql(app, 'query($id: ID!) { page(id: $id) { parent { id } } }', { id: emea.id }, token);
      expect(reread.data!.page.parent).toEqual({ id: globalOf(tree).id });
    });
  });

  describe('archivePage and restorePage', () => {
    it('archiving a market archives its whole subtree and nothing else', async () => {
      const spain = marketOf(tree, 'ES');
      const archivedBefore = (await loadTree(app, token)).pages.filter((p) => p.status === 'ARCHIVED').length;
      const result = await archive(spain.id);
      expect(result.errors).toBeUndefined();
      expect(result.data!.archivePage).toEqual({ id: spain.id, status: 'ARCHIVED' });

      const now = await loadTree(app, token);
      const subtree = now.pages.filter((p) => p.id === spain.id || p.parentId === spain.id);
      expect(subtree).toHaveLength(5);
      expect(subtree.every((p) => p.status === 'ARCHIVED')).toBe(true);
      expect(now.pages.filter((p) => p.status === 'ARCHIVED')).toHaveLength(archivedBefore + 5);
    });

    it('archiving bumps the version, so an edit opened before it is CONFLICT', async () => {
      const spain = marketOf(tree, 'ES');
      const stale = await updatePage(spain.id, { name: 'Northwind España (old tab)', expectedVersion: spain.version });
      expect(errorCode(stale)).toBe('CONFLICT');
    });

    it('the GLOBAL page cannot be archived', async () => {
      const result = await archive(globalOf(tree).id);
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(result)).toEqual(['id']);
      expect(await statusOf(globalOf(tree).id)).toBe('ACTIVE');
    });

    it('archiving an unknown page is NOT_FOUND', async () => {
      expect(errorCode(await archive(UNKNOWN_ID))).toBe('NOT_FOUND');
    });

    it('a page whose parent is archived cannot be restored', async () => {
      const developers = segmentOf(tree, marketOf(tree, 'ES'), 'developer');
      const result = await restore(developers.id);
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(result)).toEqual(['id']);
      expect(await statusOf(developers.id)).toBe('ARCHIVED');
    });

    it('restoring a market restores that page alone; its segment pages stay archived', async () => {
      const spain = marketOf(tree, 'ES');
      const result = await restore(spain.id);
      expect(result.errors).toBeUndefined();
      expect(result.data!.restorePage).toEqual({ id: spain.id, status: 'ACTIVE' });
      const now = await loadTree(app, token);
      expect(now.pages.filter((p) => p.parentId === spain.id).every((p) => p.status === 'ARCHIVED')).toBe(true);
      // Now its segment pages can come back one by one.
      expect((await restore(segmentOf(tree, spain, 'developer').id)).data!.restorePage.status).toBe('ACTIVE');
    });

    it('the seeded archived EG market can be restored', async () => {
      const egypt = marketOf(tree, 'EG');
      expect((await restore(egypt.id)).data!.restorePage).toEqual({ id: egypt.id, status: 'ACTIVE' });
    });

    it('a market cannot be restored when another live market of its country has taken its place', async () => {
      const italy = marketOf(tree, 'IT');
      expect((await archive(italy.id)).errors).toBeUndefined();
      const replacement = await gql(
        app,
        'mutation($input: CreatePageInput!) { createPage(input: $input) { id } }',
        {
          input: {
            brandId: tree.brandId,
            kind: 'MARKET',
            parentId: regionOf(tree, 'EMEA').id,
            name: 'Northwind Italia (nuova)',
            url: 'https://www.facebook.com/northwind.it.new',
            country: 'IT',
            languages: ['it'],
          },
        },
        token,
      );
      expect(replacement.errors).toBeUndefined();
      const result = await restore(italy.id);
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(result)).toContain('country');
      expect(await statusOf(italy.id)).toBe('ARCHIVED');
    });
  });

  describe('setMarketAlias', () => {
    const aliasOf = async (country: string) => {
      const result = await gql(app, ALIASES, {}, token);
      return result.data!.brand.aliases.find((a: { country: string }) => a.country === country) ?? null;
    };

    // An archived market of its own, so no other test's outcome decides these.
    beforeAll(async () => {
      expect((await archive(marketOf(tree, 'PE').id)).errors).toBeUndefined();
    });

    it('creates an alias for a country without a page, on the default network', async () => {
      const schweiz = pageOf(tree, 'MARKET', 'Northwind Schweiz');
      const result = await setAlias({ country: 'li', marketPageId: schweiz.id });
      expect(result.errors).toBeUndefined();
      expect(result.data!.setMarketAlias).toEqual({ country: 'LI', network: 'facebook', marketPageId: schweiz.id });
      expect(await aliasOf('LI')).toEqual({ country: 'LI', marketPage: { id: schweiz.id, country: 'CH' } });
    });

    it('changes the market an alias points to', async () => {
      const germany = marketOf(tree, 'DE');
      expect((await setAlias({ country: 'LI', marketPageId: germany.id })).errors).toBeUndefined();
      expect(await aliasOf('LI')).toEqual({ country: 'LI', marketPage: { id: germany.id, country: 'DE' } });
    });

    it('removes an alias when marketPageId is null', async () => {
      const result = await setAlias({ country: 'LI', marketPageId: null });
      expect(result.errors).toBeUndefined();
      expect(result.data!.setMarketAlias).toBeNull();
      expect(await aliasOf('LI')).toBeNull();
      expect(await aliasOf('LU')).not.toBeNull();
    });

    it.each<[string, string, () => Record<string, unknown>]>([
      ['an alias to a region page', 'marketPageId', () => ({ country: 'LI', marketPageId: regionOf(tree, 'EMEA').id })],
      ['an alias to a segment page', 'marketPageId', () => ({ country: 'LI', marketPageId: segmentOf(tree, marketOf(tree, 'FR'), 'developer').id })],
      ['an alias to an unknown page', 'marketPageId', () => ({ country: 'LI', marketPageId: UNKNOWN_ID })],
      ['an alias to an archived market', 'marketPageId', () => ({ country: 'LI', marketPageId: marketOf(tree, 'PE').id })],
      ['an alias of FR to the FR market itself', 'country', () => ({ country: 'FR', marketPageId: marketOf(tree, 'FR').id })],
      ['an alias for DE, which has its own market', 'country', () => ({ country: 'DE', marketPageId: marketOf(tree, 'FR').id })],
      ['an alias for the unknown country ZZ', 'country', () => ({ country: 'ZZ', marketPageId: marketOf(tree, 'FR').id })],
      ['an alias for the alpha-3 code FRA', 'country', () => ({ country: 'FRA', marketPageId: marketOf(tree, 'FR').id })],
      ['an alias for an empty country', 'country', () => ({ country: '', marketPageId: marketOf(tree, 'FR').id })],
      ['a malformed market page id', 'marketPageId', () => ({ country: 'LI', marketPageId: 'not-an-id' })],
    ])('%s is BAD_USER_INPUT naming %s', async (_case, field, input) => {
      const result = await setAlias(input());
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(result)).toContain(field);
      expect(await aliasOf('LI')).toBeNull();
    });

    it('an alias in an unknown brand is NOT_FOUND', async () => {
      const result = await gql(app, SET_ALIAS, { input: { brandId: UNKNOWN_ID, country: 'LI', marketPageId: marketOf(tree, 'FR').id } }, token);
      expect(errorCode(result)).toBe('NOT_FOUND');
    });
  });
});
