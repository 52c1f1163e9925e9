import { buildTreeView, networksOf, type BrandPage, type TreeFilters } from './page-tree-model';

let seq = 0;
function page(fields: Partial<BrandPage> & Pick<BrandPage, 'kind' | 'name'>): BrandPage {
  seq += 1;
  return {
    id: `p${seq}`,
    brandId: 'b1',
    scopeIds: [],
    parentId: null,
    network: 'facebook',
    url: `https://example.com/${seq}`,
    country: null,
    languages: ['en'],
    segment: null,
    status: 'ACTIVE',
    defaultVariant: false,
    regionCountries: [],
    handle: null,
    externalId: null,
    description: null,
    keywords: [],
    pictureUrl: null,
    website: null,
    version: 1,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    ...fields,
  };
}

const global = page({ kind: 'GLOBAL', name: 'Northwind' });
const emea = page({ kind: 'REGION', name: 'Northwind EMEA', parentId: global.id, regionCountries: ['FR', 'DE', 'PT'] });
const de = page({ kind: 'MARKET', name: 'Northwind Deutschland', parentId: emea.id, country: 'DE' });
const fr = page({ kind: 'MARKET', name: 'Northwind France', parentId: emea.id, country: 'FR' });
const frDev = page({ kind: 'SEGMENT', name: 'Northwind France Developers', parentId: fr.id, segment: 'developer' });
const frOld = page({ kind: 'SEGMENT', name: 'Northwind France Students', parentId: fr.id, segment: 'student', status: 'ARCHIVED' });
const other = page({ kind: 'GLOBAL', name: 'Northwind on X', network: 'x' });
const pages = [frDev, global, fr, frOld, emea, de, other];

const all: TreeFilters = { network: 'facebook', status: 'ALL', kind: 'ALL', search: '' };
const names = (filters: TreeFilters) => buildTreeView(pages, filters).rows.map((row) => `${'  '.repeat(row.depth)}${row.page.name}${row.matches ? '' : ' (context)'}`);

describe('buildTreeView', () => {
  it('lays out one network depth first: global, regions, markets by country, segments', () => {
    expect(names(all)).toEqual([
      'Northwind',
      '  Northwind EMEA',
      '    Northwind Deutschland',
      '    Northwind France',
      '      Northwind France Developers',
      '      Northwind France Students',
    ]);
  });

  it('finds FR by country code and keeps its ancestors as context, with its segment pages', () => {
    expect(names({ ...all, search: 'fr' })).toEqual([
      'Northwind (context)',
      '  Northwind EMEA (context)',
      '    Northwind France',
      '      Northwind France Developers',
      '      Northwind France Students',
    ]);
  });

  it('takes a country code as that country only, not as part of a name', () => {
    expect(names({ ...all, search: 'DE' }).filter((row) => !row.endsWith('(context)'))).toEqual(['    Northwind Deutschland']);
  });

  it('finds a market by country name and a page by part of its name', () => {
    expect(names({ ...all, search: 'germany' })).toContain('    Northwind Deutschland');
    expect(names({ ...all, search: 'developers' }).at(-1)).toBe('      Northwind France Developers');
  });

  it('filters by status and kind, and counts matching pages per level', () => {
    const view = buildTreeView(pages, { ...all, status: 'ACTIVE', kind: 'SEGMENT' });
    expect(view.rows.filter((row) => row.matches).map((row) => row.page.name)).toEqual(['Northwind France Developers']);
    expect(view.counts).toEqual({ GLOBAL: 0, REGION: 0, MARKET: 0, SEGMENT: 1 });
    expect(buildTreeView(pages, all).counts).toEqual({ GLOBAL: 1, REGION: 1, MARKET: 2, SEGMENT: 2 });
  });

  it('shows another network on its own', () => {
    expect(names({ ...all, network: 'x' })).toEqual(['Northwind on X']);
  });

  it('lists networks with the default first', () => {
    expect(networksOf(pages, 'facebook')).toEqual(['facebook', 'x']);
  });

  it('stays fast on a tree of 1,200 pages', () => {
    const big: BrandPage[] = [global];
    for (let m = 0; m < 240; m += 1) {
      const market = page({ kind: 'MARKET', name: `Market ${m}`, parentId: global.id, country: 'FR' });
      big.push(market);
      for (let s = 0; s < 4; s += 1) big.push(page({ kind: 'SEGMENT', name: `Market ${m} segment ${s}`, parentId: market.id, segment: `s${s}` }));
    }
    const started = performance.now();
    const view = buildTreeView(big, { ...all, search: 'segment 3' });
    expect(view.counts.SEGMENT).toBe(240);
    expect(performance.now() - started).toBeLessThan(200);
  });
});
