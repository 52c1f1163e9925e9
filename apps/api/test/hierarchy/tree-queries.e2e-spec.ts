import { DEMO_ALIASES, DEMO_MARKETS } from '../../src/database/seed/demo-data';
import { ADMIN, errorCode, gql, login } from '../support/graphql';
import { startTestApp, type TestApp } from '../support/test-app';
import { globalOf, loadTree, marketOf, regionOf, segmentOf, type Tree } from './tree-fixture';

interface Node {
  id: string;
  kind: string;
  name: string;
  parent: { id: string } | null;
  children: { id: string; children: { id: string }[] }[];
}

const WHOLE_TREE = `{
  brand(slug: "northwind") {
    pages { id kind name parent { id } children { id children { id } } }
    aliases { country marketPage { country } }
  }
}`;

const MARKET_PAGES = DEMO_MARKETS.reduce((sum, market) => sum + market.variants.length, 0);
const SEGMENT_PAGES = DEMO_MARKETS.reduce((sum, market) => sum + market.variants.length * market.segments.length, 0);

describe('page tree queries', () => {
  let app: TestApp;
  let token: string;
  let tree: Tree;

  beforeAll(async () => {
    app = await startTestApp();
    token = await login(app, ADMIN);
    tree = await loadTree(app, token);
  });
  afterAll(() => app.close());

  /** Statements the app sent to PostgreSQL while answering one GraphQL request. */
  async function statementsOf(query: string): Promise<{ statements: number; result: Awaited<ReturnType<typeof gql>> }> {
    const before = app.queries();
    const result = await gql(app, query, {}, token);
    return { statements: app.queries() - before, result };
  }

  describe('brands', () => {
    it('lists the demo brand with its audiences', async () => {
      const result = await gql(app, '{ brands { slug name audiences defaultNetwork segmentFallback } }', {}, token);
      expect(result.errors).toBeUndefined();
      expect(result.data?.brands).toContainEqual({
        slug: 'northwind',
        name: 'Northwind',
        audiences: ['consumer', 'business', 'developer', 'student'],
        defaultNetwork: 'facebook',
        segmentFallback: 'MARKET_PAGE',
      });
    });

    it('needs a signed-in caller', async () => {
      expect(errorCode(await gql(app, '{ brands { slug } }'))).toBe('UNAUTHENTICATED');
    });
  });

  describe('the whole northwind tree in one request', () => {
    let pages: Node[];
    let aliases: { country: string; marketPage: { country: string } }[];

    beforeAll(async () => {
      const result = await gql(app, WHOLE_TREE, {}, token);
      expect(result.errors).toBeUndefined();
      pages = result.data!.brand.pages;
      aliases = result.data!.brand.aliases;
    });

    it('has one GLOBAL root, three REGION pages under it and every demo market under a region', () => {
      const count = (kind: string) => pages.filter((p) => p.kind === kind).length;
      expect(count('GLOBAL')).toBe(1);
      expect(count('REGION')).toBe(3);
      expect(count('MARKET')).toBe(MARKET_PAGES);
      expect(count('MARKET')).toBeGreaterThanOrEqual(40);
      expect(count('SEGMENT')).toBe(SEGMENT_PAGES);

      const byId = new Map(pages.map((p) => [p.id, p]));
      const global = pages.find((p) => p.kind === 'GLOBAL')!;
      expect(global.parent).toBeNull();
      for (const page of pages.filter((p) => p.kind === 'REGION')) expect(page.parent?.id).toBe(global.id);
      for (const page of pages.filter((p) => p.kind === 'MARKET')) expect(byId.get(page.parent!.id)?.kind).toBe('REGION');
      for (const page of pages.filter((p) => p.kind === 'SEGMENT')) expect(byId.get(page.parent!.id)?.kind).toBe('MARKET');
    });

    it('lists the shallow pages first', () => {
      const depth = { GLOBAL: 0, REGION: 1, MARKET: 2, SEGMENT: 3 } as Record<string, number>;
      const depths = pages.map((p) => depth[p.kind]);
      expect(depths).toEqual([...depths].sort((a, b) => a - b));
    });

    it('answers children consistently with parents, two levels deep', () => {
      const byId = new Map(pages.map((p) => [p.id, p]));
      for (const page of pages) {
        const expected = pages.filter((p) => p.parent?.id === page.id).map((p) => p.id).sort();
        expect(page.children.map((c) => c.id).sort()).toEqual(expected);
        for (const child of page.children) {
          expect(child.children.map((c) => c.id).sort()).toEqual(byId.get(child.id)!.children.map((c) => c.id).sort());
        }
      }
      const france = pages.find((p) => p.name === 'Northwind France')!;
      expect(france.children).toHaveLength(4);
    });

    it('lists the aliases with the market page each one serves', () => {
      const expected = Object.entries(DEMO_ALIASES)
        .map(([country, target]) => ({ country, marketPage: { country: target } }))
        .sort((a, b) => a.country.localeCompare(b.country));
      expect(aliases).toEqual(expected);
    });
  });

  describe('cost of the whole tree', () => {
    // The auth guard loads the caller once per request (1 statement today: the user); the tree
    // bounds below are measured on top of that baseline, so it must be small and steady.
    it('a signed-in request has a small, steady baseline cost (loading the caller)', async () => {
      const first = await statementsOf('{ me { id } }');
      const second = await statementsOf('{ me { id } }');
      expect(first.result.errors).toBeUndefined();
      expect(first.statements).toBeGreaterThanOrEqual(1);
      expect(first.statements).toBeLessThanOrEqual(2);
      expect(second.statements).toBe(first.statements);
    });

    it('pages, parents, two levels of children and aliases cost at most 3 statements beyond the baseline', async () => {
      const baseline = (await statementsOf('{ me { id } }')).statements;
      const { statements, result } = await statementsOf(WHOLE_TREE);
      expect(result.errors).toBeUndefined();
      expect(statements - baseline).toBeLessThanOrEqual(3);
    });

    it('every brand with its pages and aliases costs at most 3 statements beyond the baseline', async () => {
      const baseline = (await statementsOf('{ me { id } }')).statements;
      const { statements, result } = await statementsOf(
        '{ brands { slug pages { id parent { id } children { id } } aliases { country marketPage { id } } } }',
      );
      expect(result.errors).toBeUndefined();
      expect(statements - baseline).toBeLessThanOrEqual(3);
    });

    it('stays within the bound when asked repeatedly (no lucky ordering)', async () => {
      const baseline = (await statementsOf('{ me { id } }')).statements;
      for (let i = 0; i < 20; i += 1) {
        const { statements } = await statementsOf(WHOLE_TREE);
        expect(statements - baseline).toBeLessThanOrEqual(3);
      }
    });
  });

  describe('page(id)', () => {
    it('answers a market page with its region parent and its segment children', async () => {
      const france = marketOf(tree, 'FR');
      const result = await gql(
        app,
        'query($id: ID!) { page(id: $id) { id kind name country languages parent { id kind } children { kind segment } brand { slug } } }',
        { id: france.id },
        token,
      );
      expect(result.errors).toBeUndefined();
      const page = result.data!.page;
      expect(page).toMatchObject({ id: france.id, kind: 'MARKET', name: 'Northwind France', country: 'FR', languages: ['fr'] });
      expect(page.parent).toEqual({ id: regionOf(tree, 'EMEA').id, kind: 'REGION' });
      expect(page.brand).toEqual({ slug: 'northwind' });
      expect(page.children.map((c: { segment: string }) => c.segment).sort()).toEqual(['business', 'consumer', 'developer', 'student']);
      expect(page.children.every((c: { kind: string }) => c.kind === 'SEGMENT')).toBe(true);
    });

    it('answers the global page with no parent and the three regions as children', async () => {
      const result = await gql(app, 'query($id: ID!) { page(id: $id) { parent { id } children { name } } }', { id: globalOf(tree).id }, token);
      expect(result.errors).toBeUndefined();
      expect(result.data!.page.parent).toBeNull();
      expect(result.data!.page.children.map((c: { name: string }) => c.name).sort()).toEqual([
        'Northwind AMER',
        'Northwind APAC',
        'Northwind EMEA',
      ]);
    });

    it('answers a segment page with no children', async () => {
      const developers = segmentOf(tree, marketOf(tree, 'FR'), 'developer');
      const result = await gql(app, 'query($id: ID!) { page(id: $id) { segment parent { country } children { id } } }', { id: developers.id }, token);
      expect(result.data!.page).toEqual({ segment: 'developer', parent: { country: 'FR' }, children: [] });
    });

    it('accepts an id in upper case', async () => {
      const france = marketOf(tree, 'FR');
      const result = await gql(app, 'query($id: ID!) { page(id: $id) { id } }', { id: france.id.toUpperCase() }, token);
      expect(result.data?.page).toEqual({ id: france.id });
    });
  });

  describe('not found and malformed', () => {
    it('an unknown brand slug is NOT_FOUND', async () => {
      const result = await gql(app, '{ brand(slug: "no-such-brand") { id } }', {}, token);
      expect(errorCode(result)).toBe('NOT_FOUND');
    });

    it('an unknown page id is NOT_FOUND', async () => {
      const result = await gql(app, 'query($id: ID!) { page(id: $id) { id } }', { id: '6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f' }, token);
      expect(errorCode(result)).toBe('NOT_FOUND');
    });

    it.each([['not-a-uuid'], ['12345'], ['6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5'], ["'; drop table pages;--"]])(
      'a malformed page id (%s) is BAD_USER_INPUT naming the id',
      async (id) => {
        const result = await gql(app, 'query($id: ID!) { page(id: $id) { id } }', { id }, token);
        expect(errorCode(result)).toBe('BAD_USER_INPUT');
        expect(result.errors![0].extensions!.fields).toEqual([expect.objectContaining({ field: 'id' })]);
      },
    );

    it('the slug is matched whatever its case and surrounding spaces', async () => {
      const result = await gql(app, '{ brand(slug: "  NorthWind ") { slug } }', {}, token);
      expect(result.data?.brand).toEqual({ slug: 'northwind' });
    });
  });

  describe('filters on brand.pages', () => {
    const listed = async (args: string) => {
      const result = await gql(app, `{ brand(slug: "northwind") { pages${args} { kind status network country } } }`, {}, token);
      expect(result.errors).toBeUndefined();
      return result.data!.brand.pages as { kind: string; status: string; network: string; country: string | null }[];
    };

    it('kind: MARKET lists only the market pages, archived ones included', async () => {
      const pages = await listed('(kind: MARKET)');
      expect(pages).toHaveLength(MARKET_PAGES);
      expect(pages.every((p) => p.kind === 'MARKET')).toBe(true);
    });

    it('status: ARCHIVED lists only the archived EG market', async () => {
      expect(await listed('(status: ARCHIVED)')).toEqual([{ kind: 'MARKET', status: 'ARCHIVED', network: 'facebook', country: 'EG' }]);
    });

    it('kind and status combine', async () => {
      const pages = await listed('(kind: MARKET, status: ACTIVE)');
      expect(pages).toHaveLength(MARKET_PAGES - 1);
      expect(pages.some((p) => p.country === 'EG')).toBe(false);
    });

    it('network filters on the network name', async () => {
      expect(await listed('(network: "instagram")')).toEqual([]);
      expect(await listed('(network: "facebook")')).toHaveLength(tree.pages.length);
    });

    it('an unknown kind is refused before any resolver runs', async () => {
      const result = await gql(app, '{ brand(slug: "northwind") { pages(kind: PLANET) { id } } }', {}, token);
      expect(errorCode(result)).toBe('GRAPHQL_VALIDATION_FAILED');
    });
  });
});
