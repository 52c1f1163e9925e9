import { northwindTree, PageTreeBuilder } from '../testing/page-tree-builder';
import { indexPivotTree, isPivotIndex, PivotTreeError } from './pivot-index';

describe('indexPivotTree', () => {
  const { tree, pages } = northwindTree();
  const index = indexPivotTree(tree);

  it('finds the active GLOBAL page', () => {
    expect(index.globalPage).toBe(pages.global);
  });

  it('groups active market pages by country, variants in input order', () => {
    expect(index.marketsByCountry.get('BE')).toEqual([pages.belgiumFr, pages.belgiumNl]);
    expect(index.marketsByCountry.get('IT')).toBeUndefined();
    expect(index.archivedMarketsByCountry.get('IT')).toEqual([pages.italy]);
  });

  it('keys countries in upper case even when a page stores lower case', () => {
    const b = new PageTreeBuilder();
    const global = b.global();
    const france = b.market(global, 'fr', 'Northwind France', ['fr']);
    b.region(global, 'Northwind EMEA', ['pt']);
    b.alias('lu', france);
    const lower = indexPivotTree(b.tree());
    expect(lower.marketsByCountry.get('FR')).toEqual([france]);
    expect(lower.regionByCountry.has('PT')).toBe(true);
    expect(lower.aliasByCountry.has('LU')).toBe(true);
  });

  it('maps each country of an active region to the first region listing it', () => {
    const b = new PageTreeBuilder();
    const global = b.global();
    b.region(global, 'Old Europe', ['PT'], { status: 'ARCHIVED' });
    const first = b.region(global, 'Europe', ['PT']);
    b.region(global, 'Iberia', ['PT']);
    expect(indexPivotTree(b.tree()).regionByCountry.get('PT')).toBe(first);
  });

  it('drops aliases pointing to a page outside this tree (another network) and keeps archived targets', () => {
    const b = new PageTreeBuilder();
    b.global();
    b.aliases.push({ country: 'LU', marketPageId: 'instagram-france' });
    expect(indexPivotTree(b.tree()).aliasByCountry.has('LU')).toBe(false);
    expect(index.aliasByCountry.get('SM')?.page).toBe(pages.italy);
  });

  it('lists segment pages under their parent, archived ones included', () => {
    expect(index.segmentsByParentId.get(pages.france.id)).toEqual([pages.franceDeveloper, pages.franceStudent]);
  });

  it('throws PivotTreeError when no GLOBAL page is active', () => {
    expect(() => indexPivotTree({ brandSlug: 'empty', segmentFallback: 'MARKET_PAGE', pages: [], aliases: [] })).toThrow(PivotTreeError);
  });

  it('tells an index from a raw tree', () => {
    expect(isPivotIndex(index)).toBe(true);
    expect(isPivotIndex(tree)).toBe(false);
  });
});
