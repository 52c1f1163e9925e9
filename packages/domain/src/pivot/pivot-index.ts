import type { MarketAlias, PivotTree, TreePage } from '../tree/page.types';

/** The only error the pivot raises: the tree cannot answer anything at all. */
export class PivotTreeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PivotTreeError';
  }
}

/** An alias kept with the page it points to, so resolution needs no further lookup. */
export interface IndexedAlias {
  alias: MarketAlias;
  page: TreePage;
}

/**
 * A PivotTree precomputed for resolution. The API builds one per brand and network each time
 * its in-memory snapshot changes, then answers every request from it: each lookup is a map hit,
 * so a request costs O(variants + children), not O(pages).
 * Country keys are upper case; lists keep the input order (it breaks ties between variants).
 */
export interface PivotIndex {
  readonly tree: PivotTree;
  /** The first active GLOBAL page: the answer of last resort. */
  readonly globalPage: TreePage;
  /** Active MARKET pages per country: one, or several language variants. */
  readonly marketsByCountry: ReadonlyMap<string, readonly TreePage[]>;
  /** Archived MARKET pages per country: never returned, only named in the trail. */
  readonly archivedMarketsByCountry: ReadonlyMap<string, readonly TreePage[]>;
  /** The first active REGION page listing each country. */
  readonly regionByCountry: ReadonlyMap<string, TreePage>;
  /** The first alias per country whose page is in this tree (archived or not: the trail says which). */
  readonly aliasByCountry: ReadonlyMap<string, IndexedAlias>;
  /** SEGMENT pages per parent id, every status (archived ones are named in the trail, never returned). */
  readonly segmentsByParentId: ReadonlyMap<string, readonly TreePage[]>;
}

export function isPivotIndex(value: PivotTree | PivotIndex): value is PivotIndex {
  return (value as PivotIndex).marketsByCountry instanceof Map;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Indexes a tree in one pass over its pages and aliases.
 * @throws PivotTreeError when the tree has no active GLOBAL page.
 */
export function indexPivotTree(tree: PivotTree): PivotIndex {
  let globalPage: TreePage | undefined;
  const pagesById = new Map<string, TreePage>();
  const marketsByCountry = new Map<string, TreePage[]>();
  const archivedMarketsByCountry = new Map<string, TreePage[]>();
  const regionByCountry = new Map<string, TreePage>();
  const segmentsByParentId = new Map<string, TreePage[]>();

  for (const page of tree.pages) {
    pagesById.set(page.id, page);
    const active = page.status === 'ACTIVE';
    switch (page.kind) {
      case 'GLOBAL':
        if (active && !globalPage) globalPage = page;
        break;
      case 'MARKET':
        if (page.country) push(active ? marketsByCountry : archivedMarketsByCountry, page.country.toUpperCase(), page);
        break;
      case 'REGION':
        if (!active) break;
        for (const code of page.regionCountries) {
          const country = code.toUpperCase();
          if (!regionByCountry.has(country)) regionByCountry.set(country, page);
        }
        break;
      case 'SEGMENT':
        if (page.parentId !== null) push(segmentsByParentId, page.parentId, page);
        break;
    }
  }
  if (!globalPage) {
    throw new PivotTreeError(`the page tree of brand ${tree.brandSlug} has no active GLOBAL page`);
  }

  const aliasByCountry = new Map<string, IndexedAlias>();
  for (const alias of tree.aliases) {
    const country = alias.country.toUpperCase();
    const page = pagesById.get(alias.marketPageId);
    // An alias to a page of another network (or a deleted one) is not this tree's business.
    if (page && !aliasByCountry.has(country)) aliasByCountry.set(country, { alias, page });
  }

  return { tree, globalPage, marketsByCountry, archivedMarketsByCountry, regionByCountry, aliasByCountry, segmentsByParentId };
}
