import { indexPivotTree } from '@pivot/domain';
import type { BrandPage } from '../hierarchy/page-tree-model';
import { countByState, coverageOf, coverageOfCountries, pivotTreeOf } from './coverage-states';

function page(fields: Partial<BrandPage> & Pick<BrandPage, 'id' | 'kind' | 'name'>): BrandPage {
  return {
    brandId: 'b1',
    scopeIds: [],
    parentId: null,
    network: 'facebook',
    url: `https://example.com/${fields.id}`,
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

const pages: BrandPage[] = [
  page({ id: 'g', kind: 'GLOBAL', name: 'Northwind' }),
  page({ id: 'emea', kind: 'REGION', name: 'Northwind EMEA', parentId: 'g', regionCountries: ['FR', 'PT', 'LU', 'EG'] }),
  page({ id: 'fr', kind: 'MARKET', name: 'Northwind France', parentId: 'emea', country: 'FR', languages: ['fr'] }),
  page({ id: 'fr-dev', kind: 'SEGMENT', name: 'Northwind France Developers', parentId: 'fr', segment: 'developer' }),
  page({ id: 'eg', kind: 'MARKET', name: 'Northwind Egypt', parentId: 'emea', country: 'EG', status: 'ARCHIVED' }),
  page({ id: 'x-global', kind: 'GLOBAL', name: 'Northwind on X', network: 'x' }),
];
const brand = {
  slug: 'northwind',
  segmentFallback: 'MARKET_PAGE' as const,
  pages,
  aliases: [
    { country: 'LU', network: 'facebook', marketPageId: 'fr' },
    { country: 'MC', network: 'x', marketPageId: 'x-global' },
  ],
};
const index = indexPivotTree(pivotTreeOf(brand, 'facebook'));

describe('coverage states', () => {
  it('keeps only the chosen network in the tree', () => {
    const tree = pivotTreeOf(brand, 'facebook');
    expect(tree.pages.map((p) => p.id)).not.toContain('x-global');
    expect(tree.aliases).toEqual([{ country: 'LU', marketPageId: 'fr' }]);
  });

  it('colours a country with its own market page, and answers with its segment page', () => {
    const fr = coverageOf(index, 'fr', 'developer');
    expect(fr.state).toBe('MARKET');
    expect(fr.answer.name).toBe('Northwind France Developers');
  });

  it('shows LU as aliased (even though the region lists it) and answers with the FR developer page', () => {
    const lu = coverageOf(index, 'LU', 'developer');
    expect(lu.state).toBe('ALIAS');
    expect(lu.answer.id).toBe('fr-dev');
    expect(lu.trail[0]).toBe('LU has no page: aliased to FR');
  });

  it('sends a country listed by a region to the region, and an archived market to the region too', () => {
    expect(coverageOf(index, 'PT', null).state).toBe('REGION');
    const eg = coverageOf(index, 'EG', null);
    expect(eg.state).toBe('REGION');
    expect(eg.answer.id).toBe('emea');
  });

  it('falls back to the global page elsewhere, and counts countries per state', () => {
    const coverage = coverageOfCountries(index, ['FR', 'LU', 'PT', 'EG', 'JP', 'US'], null);
    expect(coverage.get('JP')?.state).toBe('GLOBAL');
    expect(coverage.get('JP')?.answer.id).toBe('g');
    expect(countByState(coverage.values())).toEqual({ MARKET: 1, ALIAS: 1, REGION: 2, GLOBAL: 2 });
  });
});
