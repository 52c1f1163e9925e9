import { normalizeCountry } from '../geography/country';
import { canonicalLanguageTag, primaryLanguageSubtag } from '../tree/language-tag';
import type { PivotAnswer, PivotRequest, PivotTree, TreePage } from '../tree/page.types';
import { indexPivotTree, isPivotIndex, type PivotIndex } from './pivot-index';

/** How much of a malformed country we echo back in the trail (it comes from a query string). */
const ECHO_LIMIT = 32;

/**
 * The double pivot (DESIGN §3): country → market page (or alias, region, global), then
 * language variant, then segment page. Pure and total: every request gets a page and a trail
 * of one human line per decision; archived pages are never returned.
 *
 * Pass a PivotIndex (indexPivotTree) on hot paths; a raw tree is indexed on every call.
 * @throws PivotTreeError only when the tree has no active GLOBAL page.
 */
export function resolvePivot(treeOrIndex: PivotTree | PivotIndex, request: PivotRequest): PivotAnswer {
  const index = isPivotIndex(treeOrIndex) ? treeOrIndex : indexPivotTree(treeOrIndex);
  // Total even for a caller that passes nothing (plain JS, a missing query object).
  const asked: PivotRequest = request ?? {};
  const trail: string[] = [];
  const market = resolveMarket(index, asked, trail);
  const segment = normalizeSegment(asked.segment);
  const page = segment === null ? market : resolveSegment(index, market, segment, trail);
  return { page, trail };
}

/** Steps 1 and 2: the country's market page, alias, region page or the global page. */
function resolveMarket(index: PivotIndex, request: PivotRequest, trail: string[]): TreePage {
  const raw = typeof request.country === 'string' ? request.country.trim() : '';
  if (raw === '') {
    trail.push('no country given: global page');
    return index.globalPage;
  }
  const country = normalizeCountry(raw);
  if (country === null) {
    trail.push(`"${raw.slice(0, ECHO_LIMIT)}" is not a country code: global page`);
    return index.globalPage;
  }

  const markets = index.marketsByCountry.get(country);
  if (markets && markets.length === 1) {
    trail.push(`${country} has a market page: ${markets[0]!.name}`);
    return markets[0]!;
  }
  if (markets && markets.length > 1) {
    return pickVariant(country, markets, preferredLanguages(request.languages), trail);
  }

  const archived = index.archivedMarketsByCountry.get(country);
  if (archived) {
    const names = archived.map((page) => page.name).join(', ');
    trail.push(`${country} market page ${names} is archived: ignored`);
  }

  const alias = index.aliasByCountry.get(country);
  if (alias) {
    const target = alias.page.country ?? alias.page.name;
    if (alias.page.status === 'ACTIVE') {
      trail.push(`${country} has no page: aliased to ${target}`);
      return alias.page;
    }
    trail.push(`${country} alias to ${target} is archived: ignored`);
  }

  const region = index.regionByCountry.get(country);
  if (region) {
    trail.push(`${country} has no page: region ${region.name}`);
    return region;
  }

  trail.push(`${country} has no market, alias or region: global page`);
  return index.globalPage;
}

/** Accept-Language leftovers ("*", blanks) are dropped; the order is the visitor's preference. */
function preferredLanguages(languages: readonly string[] | undefined): string[] {
  if (!Array.isArray(languages)) return [];
  const preferred: string[] = [];
  for (const tag of languages) {
    if (typeof tag !== 'string') continue;
    const trimmed = tag.trim();
    if (trimmed !== '' && trimmed !== '*') preferred.push(trimmed);
  }
  return preferred;
}

/**
 * Case-insensitive key of a requested tag, canonical when well-formed ("iw" asks for "he").
 * Stored tags are canonical already (validatePage), so they are only lower-cased: no Intl call
 * per page per request.
 */
function requestedLanguageKey(tag: string): string {
  return (canonicalLanguageTag(tag) ?? tag).toLowerCase();
}

/**
 * Step 2: among a country's language variants, the first preferred language decides: a variant
 * with that exact tag, else one with the same primary subtag ("fr-BE" asked, "fr" served, or the
 * reverse). No preferred language matches: the default variant, else the first in input order.
 */
function pickVariant(country: string, variants: readonly TreePage[], preferred: readonly string[], trail: string[]): TreePage {
  for (const wanted of preferred) {
    const key = requestedLanguageKey(wanted);
    const exact = variants.find((page) => page.languages.some((tag) => tag.toLowerCase() === key));
    const match = exact ?? findByPrimarySubtag(variants, primaryLanguageSubtag(key));
    if (match) {
      trail.push(`${country} has language variants: ${wanted} matched ${match.name}`);
      return match;
    }
  }
  const why = preferred.length === 0 ? 'no language given' : `no variant for ${preferred.join(', ')}`;
  const fallback = variants.find((page) => page.defaultVariant);
  if (fallback) {
    trail.push(`${country} has language variants: ${why}, default ${fallback.name}`);
    return fallback;
  }
  trail.push(`${country} has language variants: ${why} and no default, first ${variants[0]!.name}`);
  return variants[0]!;
}

function findByPrimarySubtag(variants: readonly TreePage[], primary: string): TreePage | undefined {
  return variants.find((page) => page.languages.some((tag) => primaryLanguageSubtag(tag) === primary));
}

function normalizeSegment(segment: string | null | undefined): string | null {
  if (typeof segment !== 'string') return null;
  const normalized = segment.trim().toLowerCase();
  return normalized === '' ? null : normalized;
}

/** "in FR", "in region Northwind EMEA", "on the global page": where a segment page was looked for. */
function placeOf(page: TreePage): string {
  if (page.kind === 'MARKET') return `in ${page.country ?? page.name}`;
  if (page.kind === 'REGION') return `in region ${page.name}`;
  return 'on the global page';
}

function kindWord(page: TreePage): string {
  return page.kind === 'SEGMENT' ? 'segment page' : `${page.kind.toLowerCase()} page`;
}

/**
 * The active SEGMENT child of `parent` for `segment`, noting in the trail an archived one that
 * would otherwise have matched.
 */
function segmentChild(index: PivotIndex, parent: TreePage, segment: string, trail: string[]): TreePage | null {
  const candidates = (index.segmentsByParentId.get(parent.id) ?? []).filter((page) => page.segment?.toLowerCase() === segment);
  const active = candidates.find((page) => page.status === 'ACTIVE');
  if (active) return active;
  if (candidates.length > 0) trail.push(`${segment} page ${placeOf(parent)} is archived: ignored`);
  return null;
}

/**
 * Step 3: the chosen page's own segment page; else, when the brand chose GLOBAL_SEGMENT_PAGE,
 * the global page's one; else stay where step 1–2 landed.
 */
function resolveSegment(index: PivotIndex, chosen: TreePage, segment: string, trail: string[]): TreePage {
  const own = segmentChild(index, chosen, segment, trail);
  if (own) {
    trail.push(`${segment} page ${placeOf(chosen)}: ${own.name}`);
    return own;
  }
  const global = index.globalPage;
  if (chosen.id !== global.id && index.tree.segmentFallback === 'GLOBAL_SEGMENT_PAGE') {
    const fallback = segmentChild(index, global, segment, trail);
    if (fallback) {
      trail.push(`no ${segment} page ${placeOf(chosen)}: global ${segment} page ${fallback.name}`);
      return fallback;
    }
  }
  trail.push(`no ${segment} page ${placeOf(chosen)}: ${kindWord(chosen)}`);
  return chosen;
}
