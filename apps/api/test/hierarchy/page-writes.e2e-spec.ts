import { ADMIN, errorCode, gql, login, PLATFORM, type GraphqlResult } from '../support/graphql';
import { startTestApp, type TestApp } from '../support/test-app';
import { globalOf, loadTree, marketOf, pageOf, regionOf, segmentOf, type Tree } from './tree-fixture';

const CREATE_BRAND = `mutation($input: CreateBrandInput!) {
  createBrand(input: $input) { id slug name audiences defaultNetwork segmentFallback }
}`;
const CREATE_PAGE = `mutation($input: CreatePageInput!) {
  createPage(input: $input) { id kind name network country languages segment status parentId version }
}`;

const fieldsOf = (result: GraphqlResult) =>
  ((result.errors?.[0]?.extensions?.fields as { field: string }[] | undefined) ?? []).map((problem) => problem.field);

const UNKNOWN_ID = '6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f';

/** Nothing in a client's error may reveal SQL, driver errors or stack frames. */
const LEAKS = [/SELECT/, /INSERT/, /UPDATE "/, /QueryFailedError/, /\bat \S+ \(/, /\bat .*:\d+:\d+/, /node_modules/, /stacktrace/i];

describe('creating brands and pages', () => {
  let app: TestApp;
  let token: string;
  /** Creating brands is the platform's business; the northwind tree is the brand admin's. */
  let platform: string;
  let tree: Tree;

  beforeAll(async () => {
    app = await startTestApp();
    token = await login(app, ADMIN);
    platform = await login(app, PLATFORM);
    tree = await loadTree(app, token);
  });
  afterAll(() => app.close());

  const createBrand = (input: Record<string, unknown>) => gql(app, CREATE_BRAND, { input }, platform);
  const createPage = (input: Record<string, unknown>) => gql(app, CREATE_PAGE, { input: { brandId: tree.brandId, ...input } }, token);
  const pageCount = async () => (await loadTree(app, token)).pages.length;
  /** A valid new market (Angola has no page yet); each case spoils one field. */
  const angola = (extra: Record<string, unknown> = {}) => ({
    kind: 'MARKET',
    parentId: regionOf(tree, 'EMEA').id,
    name: 'Northwind Angola',
    url: 'https://www.facebook.com/northwind.ao',
    country: 'AO',
    languages: ['pt'],
    ...extra,
  });

  describe('createBrand', () => {
    it('creates a brand with the default audiences, network and fallback, normalizing the slug', async () => {
      const result = await createBrand({ slug: '  Fabrikam ', name: ' Fabrikam ' });
      expect(result.errors).toBeUndefined();
      expect(result.data!.createBrand).toMatchObject({
        slug: 'fabrikam',
        name: 'Fabrikam',
        audiences: ['consumer', 'business', 'developer', 'student'],
        defaultNetwork: 'facebook',
        segmentFallback: 'MARKET_PAGE',
      });
      const listed = await gql(app, '{ brands { slug } }', {}, platform);
      expect(listed.data!.brands.map((b: { slug: string }) => b.slug)).toContain('fabrikam');
    });

    it.each([['northwind'], ['NorthWind'], [' northwind ']])('a slug already taken (%p) is CONFLICT', async (slug) => {
      expect(errorCode(await createBrand({ slug, name: 'Copycat' }))).toBe('CONFLICT');
    });

    it.each([['has spaces'], ['-leading-dash'], ['trailing-dash-'], ['émoji'], ['x'.repeat(61)], ['']])(
      'a malformed slug (%p) is BAD_USER_INPUT naming slug',
      async (slug) => {
        const result = await createBrand({ slug, name: 'Bad slug' });
        expect(errorCode(result)).toBe('BAD_USER_INPUT');
        expect(fieldsOf(result)).toContain('slug');
      },
    );

    it.each([
      ['no audience', []],
      ['an audience with spaces', ['two words']],
      ['a duplicate audience', ['retail', 'Retail']],
    ])('%s is BAD_USER_INPUT naming audiences', async (_case, audiences) => {
      const result = await createBrand({ slug: 'audience-test', name: 'Audience test', audiences });
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(result)).toContain('audiences');
    });

    it('a refused brand is not stored', async () => {
      const brands = await gql(app, '{ brands { slug } }', {}, platform);
      expect(brands.data!.brands.map((b: { slug: string }) => b.slug)).not.toContain('audience-test');
    });
  });

  describe('createPage: one of each kind in a new brand', () => {
    it('builds GLOBAL → REGION → MARKET → SEGMENT, each inheriting its parent network', async () => {
      const created = await createBrand({ slug: 'contoso', name: 'Contoso', audiences: ['retail', 'wholesale'], defaultNetwork: 'linkedin' });
      const brand = created.data!.createBrand;
      const make = async (input: Record<string, unknown>) => {
        const result = await gql(app, CREATE_PAGE, { input: { brandId: brand.id, ...input } }, platform);
        expect(result.errors).toBeUndefined();
        return result.data!.createPage;
      };
      const url = (path: string) => `https://www.linkedin.com/company/contoso${path}`;
      const global = await make({ kind: 'GLOBAL', name: 'Contoso', url: url(''), languages: ['en'] });
      expect(global).toMatchObject({ kind: 'GLOBAL', network: 'linkedin', parentId: null, status: 'ACTIVE', version: 1 });
      const region = await make({ kind: 'REGION', parentId: global.id, name: 'Contoso Europe', url: url('-eu'), regionCountries: ['fr', 'DE'] });
      expect(region).toMatchObject({ kind: 'REGION', network: 'linkedin', parentId: global.id });
      const market = await make({ kind: 'MARKET', parentId: region.id, name: 'Contoso France', url: url('-fr'), country: 'fr', languages: ['FR'] });
      expect(market).toMatchObject({ kind: 'MARKET', network: 'linkedin', country: 'FR', languages: ['fr'] });
      const segment = await make({ kind: 'SEGMENT', parentId: market.id, name: 'Contoso France Retail', url: url('-fr-retail'), segment: 'Retail' });
      expect(segment).toMatchObject({ kind: 'SEGMENT', network: 'linkedin', segment: 'retail', parentId: market.id });
    });

    it('a GLOBAL page on another network of the same brand is allowed', async () => {
      const result = await createPage({ kind: 'GLOBAL', network: 'instagram', name: 'Northwind', url: 'https://www.instagram.com/northwind' });
      expect(result.errors).toBeUndefined();
      expect(result.data!.createPage).toMatchObject({ kind: 'GLOBAL', network: 'instagram' });
    });

    it('a BE variant in German is allowed beside the nl and fr variants', async () => {
      const result = await createPage({
        kind: 'MARKET',
        parentId: regionOf(tree, 'EMEA').id,
        name: 'Northwind Belgien',
        url: 'https://www.facebook.com/northwind.be.de',
        country: 'BE',
        languages: ['de'],
      });
      expect(result.errors).toBeUndefined();
      expect(result.data!.createPage).toMatchObject({ country: 'BE', languages: ['de'], network: 'facebook' });
    });
  });

  describe('createPage: the tree rules, each refused with the field named, leaving nothing behind', () => {
    const emea = () => regionOf(tree, 'EMEA').id;
    const france = () => marketOf(tree, 'FR').id;
    const region = (extra: Record<string, unknown>) => ({
      kind: 'REGION',
      parentId: globalOf(tree).id,
      name: 'Northwind Antarctica',
      url: 'https://www.facebook.com/northwind.aq',
      regionCountries: ['AQ'],
      ...extra,
    });
    const segment = (extra: Record<string, unknown>) => ({
      kind: 'SEGMENT',
      parentId: france(),
      name: 'Northwind France Test',
      url: 'https://www.facebook.com/northwind.fr.test',
      ...extra,
    });

    it.each<[string, string, () => Record<string, unknown>]>([
      ['a second GLOBAL page on the same network', 'kind', () => ({ kind: 'GLOBAL', name: 'Northwind Again', url: 'https://www.facebook.com/nw2' })],
      ['a REGION page under a region', 'parentId', () => region({ parentId: emea() })],
      ['a REGION page without a parent', 'parentId', () => region({ parentId: null })],
      ['a REGION page sharing a country with another region', 'regionCountries', () => region({ regionCountries: ['AQ', 'FR'] })],
      ['a MARKET page for the unknown country ZZ', 'country', () => angola({ country: 'ZZ' })],
      ['a MARKET page for the alpha-3 code "fra"', 'country', () => angola({ country: 'fra' })],
      ['a MARKET page without a country', 'country', () => angola({ country: null })],
      ['a MARKET page without languages', 'languages', () => angola({ languages: [] })],
      ['a second FR market with an overlapping language', 'country', () => angola({ country: 'FR', languages: ['fr'] })],
      ['a MARKET page under a segment page', 'parentId', () => angola({ parentId: segmentOf(tree, marketOf(tree, 'FR'), 'developer').id })],
      ['a SEGMENT page for a segment not among the audiences', 'segment', () => segment({ segment: 'astronaut' })],
      ['a second developer page under FR', 'segment', () => segment({ segment: 'developer' })],
      ['a SEGMENT page under a region', 'parentId', () => segment({ segment: 'consumer', parentId: emea() })],
      ['a language that is not a BCP 47 tag', 'languages', () => angola({ languages: ['not a tag'] })],
      ['a javascript: url', 'url', () => angola({ url: 'javascript:alert(1)' })],
      ['an ftp url', 'url', () => angola({ url: 'ftp://files.example/nw' })],
      ['a relative url', 'url', () => angola({ url: '/northwind.ao' })],
      ['an empty name', 'name', () => angola({ name: '   ' })],
      ['an unknown (well-formed) parent id', 'parentId', () => angola({ parentId: UNKNOWN_ID })],
      ['a malformed parent id', 'parentId', () => angola({ parentId: 'not-an-id' })],
      ['a non-http website', 'website', () => angola({ website: 'mailto:hello@northwind.example' })],
    ])('%s is BAD_USER_INPUT naming %s', async (_case, field, input) => {
      const before = await pageCount();
      const result = await createPage(input());
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(result)).toContain(field);
      expect(result.data).toBeNull();
      expect(await pageCount()).toBe(before);
    });

    it('a page of an unknown brand is NOT_FOUND', async () => {
      const input = { brandId: UNKNOWN_ID, kind: 'GLOBAL', name: 'X', url: 'https://x.example' };
      const result = await gql(app, CREATE_PAGE, { input }, token);
      expect(errorCode(result)).toBe('NOT_FOUND');
    });

    it('a malformed brand id is BAD_USER_INPUT naming brandId', async () => {
      const result = await gql(app, CREATE_PAGE, { input: { brandId: 'northwind', kind: 'GLOBAL', name: 'X', url: 'https://x.example' } }, token);
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(result)).toEqual(['brandId']);
    });
  });

  describe('odd input never leaks SQL or a stack', () => {
    const long = (n: number) => 'x'.repeat(n);
    const injection = "'; drop table pages;--";

    it('long strings, injection-looking ids and oversized fields get clean errors', async () => {
      const before = await pageCount();
      const responses = [
        await gql(app, 'query($id: ID!) { page(id: $id) { id } }', { id: injection }, token),
        await gql(app, 'query($s: String!) { brand(slug: $s) { id } }', { s: injection }, token),
        await gql(app, 'query($s: String!) { brand(slug: $s) { id } }', { s: long(20_000) }, token),
        await gql(app, 'mutation($id: ID!) { archivePage(id: $id) { id } }', { id: injection }, token),
        await gql(app, 'mutation($id: ID!) { updatePage(id: $id, input: { name: "x" }) { id } }', { id: injection }, token),
        await createBrand({ slug: long(5_000), name: long(5_000) }),
        await createBrand({ slug: 'long-network', name: 'Long network', defaultNetwork: long(50) }),
        await createPage(angola({ name: long(10_000), description: long(50_000) })),
        await createPage(angola({ url: `https://x.example/${long(3_000)}` })),
        await createPage({ kind: 'GLOBAL', name: 'Long network', url: 'https://x.example', network: long(41) }),
        await createPage(angola({ parentId: injection, country: injection, languages: [injection], segment: injection })),
        await gql(app, 'mutation($i: SetMarketAliasInput!) { setMarketAlias(input: $i) { id } }', {
          i: { brandId: tree.brandId, country: injection, marketPageId: injection },
        }, token),
      ];
      for (const response of responses) {
        expect(response.errors?.length).toBeGreaterThan(0);
        const text = JSON.stringify(response);
        for (const leak of LEAKS) expect(text).not.toMatch(leak);
      }
      expect(await pageCount()).toBe(before);
      // The database is still there and answers.
      expect((await loadTree(app, token)).pages.length).toBe(before);
    });

    // Values the rules accept but the column cannot hold must be refused as input, not fail in SQL.
    it.each<[string, string, () => Promise<GraphqlResult>]>([
      ['a page url longer than 2048 characters', 'url', () => createPage(angola({ url: `https://x.example/${long(3_000)}` }))],
      ['a website longer than 2048 characters', 'website', () => createPage(angola({ website: `https://x.example/${long(3_000)}` }))],
      ['a picture url longer than 2048 characters', 'pictureUrl', () => createPage(angola({ pictureUrl: `https://x.example/${long(3_000)}` }))],
      ['a network name longer than 40 characters', 'network', () => createPage({ kind: 'GLOBAL', name: 'Long', url: 'https://x.example', network: long(41) })],
      ['a brand default network longer than 40 characters', 'defaultNetwork', () => createBrand({ slug: 'long-network', name: 'Long', defaultNetwork: long(50) })],
    ])('%s is BAD_USER_INPUT naming %s', async (_case, field, send) => {
      const result = await send();
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(result)).toContain(field);
    });
  });

  it('the pages created above are where they were put', async () => {
    const now = await loadTree(app, token);
    const belgien = pageOf(now, 'MARKET', 'Northwind Belgien');
    expect(belgien.parentId).toBe(regionOf(now, 'EMEA').id);
    const belgium = now.pages.filter((p) => p.kind === 'MARKET' && p.country === 'BE');
    expect(belgium.map((p) => p.languages[0]).sort()).toEqual(['de', 'fr', 'nl']);
  });
});
