import { countryName, isCountryCode, PAGE_KINDS, type PageKind, type PageStatus } from '@pivot/domain';
import type { PageFieldsFragment } from '../../gql/graphql';

export type BrandPage = PageFieldsFragment;

export interface TreeFilters {
  network: string;
  /** 'ALL' keeps archived pages in view. */
  status: PageStatus | 'ALL';
  kind: PageKind | 'ALL';
  /** A page name, a country code (FR) or a country name (France); blank shows everything. */
  search: string;
}

export interface TreeRow {
  page: BrandPage;
  depth: number;
  /** False for an ancestor shown only to place a matching page in the tree. */
  matches: boolean;
}

export interface TreeView {
  rows: TreeRow[];
  /** Matching pages per level. */
  counts: Record<PageKind, number>;
}

const KIND_ORDER: Record<PageKind, number> = { GLOBAL: 0, REGION: 1, MARKET: 2, SEGMENT: 3 };

/** Siblings: regions, then markets by country, then segments; names break ties. */
function compareSiblings(a: BrandPage, b: BrandPage): number {
  return (
    KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
    (a.country ?? '').localeCompare(b.country ?? '') ||
    (a.segment ?? '').localeCompare(b.segment ?? '') ||
    a.name.localeCompare(b.name)
  );
}

/** The country a page is about: its own (MARKET) or its market's (a SEGMENT under a market). */
function countryOfPage(page: BrandPage, byId: ReadonlyMap<string, BrandPage>): string | null {
  if (page.country) return page.country;
  const parent = page.parentId ? byId.get(page.parentId) : undefined;
  return page.kind === 'SEGMENT' && parent?.country ? parent.country : null;
}

function matchesSearch(page: BrandPage, byId: ReadonlyMap<string, BrandPage>, search: string): boolean {
  const needle = search.trim().toLowerCase();
  if (needle === '') return true;
  const country = countryOfPage(page, byId);
  // A country code asks for that country only: "de" should not find every "Developers" page.
  if (isCountryCode(needle)) return country?.toLowerCase() === needle;
  if (page.name.toLowerCase().includes(needle)) return true;
  return country !== null && (countryName(country) ?? '').toLowerCase().includes(needle);
}

export function matchesFilters(page: BrandPage, byId: ReadonlyMap<string, BrandPage>, filters: TreeFilters): boolean {
  return (
    page.network === filters.network &&
    (filters.status === 'ALL' || page.status === filters.status) &&
    (filters.kind === 'ALL' || page.kind === filters.kind) &&
    matchesSearch(page, byId, filters.search)
  );
}

/**
 * The rows of the tree for one network, depth first, with the filters applied: every matching
 * page, plus its ancestors so it is shown in place. O(pages log pages), fine for thousands.
 */
export function buildTreeView(pages: readonly BrandPage[], filters: TreeFilters): TreeView {
  const byId = new Map(pages.map((page) => [page.id, page]));
  const children = new Map<string | null, BrandPage[]>();
  for (const page of pages) {
    if (page.network !== filters.network) continue;
    // A page whose parent is missing (another network, a bad row) is shown as a root.
    const parentKey = page.parentId && byId.get(page.parentId)?.network === filters.network ? page.parentId : null;
    const list = children.get(parentKey);
    if (list) list.push(page);
    else children.set(parentKey, [page]);
  }
  for (const list of children.values()) list.sort(compareSiblings);

  const counts = Object.fromEntries(PAGE_KINDS.map((kind) => [kind, 0])) as Record<PageKind, number>;
  const matching = new Set<string>();
  const visible = new Set<string>();
  for (const page of pages) {
    if (!matchesFilters(page, byId, filters)) continue;
    matching.add(page.id);
    counts[page.kind] += 1;
    for (let id: string | null = page.id; id && !visible.has(id); id = byId.get(id)?.parentId ?? null) visible.add(id);
  }

  const rows: TreeRow[] = [];
  const walk = (parentId: string | null, depth: number) => {
    for (const page of children.get(parentId) ?? []) {
      if (!visible.has(page.id)) continue;
      rows.push({ page, depth, matches: matching.has(page.id) });
      walk(page.id, depth + 1);
    }
  };
  walk(null, 0);
  return { rows, counts };
}

/** Networks the brand has pages on, its default first. */
export function networksOf(pages: readonly BrandPage[], defaultNetwork: string): string[] {
  const others = [...new Set(pages.map((page) => page.network))].filter((network) => network !== defaultNetwork).sort();
  return [defaultNetwork, ...others];
}
