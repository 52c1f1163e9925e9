import { isCountryCode } from '../geography/country';
import { isHttpUrl } from './http-url';
import { canonicalLanguageTag, primaryLanguageSubtag } from './language-tag';
import { isSelfOrAncestor } from './page-ancestry';
import type { FieldIssue, PageDraft, PageValidationContext } from './page-draft.types';
import { PAGE_KINDS, type PageKind, type TreePage } from './page.types';

export const PAGE_NAME_MAX_LENGTH = 200;

/** Lowercase words joined by single hyphens: "facebook", "google-business". */
const NETWORK_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Which parent kinds each kind may sit under (DESIGN §2); GLOBAL is the root. */
const ALLOWED_PARENT_KINDS: Record<PageKind, readonly PageKind[]> = {
  GLOBAL: [],
  REGION: ['GLOBAL'],
  MARKET: ['GLOBAL', 'REGION'],
  SEGMENT: ['MARKET', 'GLOBAL'],
};

const PARENT_RULE: Record<PageKind, string> = {
  GLOBAL: 'a GLOBAL page has no parent',
  REGION: 'a REGION page must be directly under the GLOBAL page of its network',
  MARKET: 'a MARKET page must be under the GLOBAL page or a REGION page of its network',
  SEGMENT: 'a SEGMENT page must be under a MARKET page or the GLOBAL page of its network',
};

type Report = (field: string, message: string) => void;

/**
 * Every rule a page must satisfy before it is stored, as field issues (empty when valid).
 * Pure: the API runs it inside its write transaction, the admin app while the user types.
 * Uniqueness rules only count non-archived pages, so archived history never blocks new pages.
 */
export function validatePage(draft: PageDraft, context: PageValidationContext): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const report: Report = (field, message) => issues.push({ field, message });

  const stored = draft.id === undefined ? null : (context.pages.find((page) => page.id === draft.id) ?? null);
  // The draft replaces its stored version, so it must never conflict with itself.
  const others = context.pages.filter((page) => page.id !== draft.id);

  checkName(draft, report);
  checkUrl(draft, report);
  checkNetwork(draft, report);
  checkLanguages(draft, report);
  if (!(PAGE_KINDS as readonly string[]).includes(draft.kind)) {
    report('kind', `kind must be one of ${PAGE_KINDS.join(', ')}`);
    return issues;
  }
  checkKindOnlyFields(draft, context, report);
  checkParent(draft, stored, context.pages, report);
  checkKindOrNetworkChange(draft, stored, others, report);

  const status = draft.status ?? stored?.status ?? 'ACTIVE';
  if (status !== 'ARCHIVED') {
    const liveSameNetwork = others.filter((page) => page.network === draft.network && page.status !== 'ARCHIVED');
    checkUniqueness(draft, liveSameNetwork, context.pages, report);
  }
  return issues;
}

function checkName(draft: PageDraft, report: Report): void {
  const name = typeof draft.name === 'string' ? draft.name.trim() : '';
  if (name === '') report('name', 'name is required');
  else if (draft.name.length > PAGE_NAME_MAX_LENGTH) report('name', `name must be at most ${PAGE_NAME_MAX_LENGTH} characters`);
}

function checkUrl(draft: PageDraft, report: Report): void {
  if (!isHttpUrl(draft.url)) report('url', 'url must be an absolute http or https address');
}

function checkNetwork(draft: PageDraft, report: Report): void {
  if (typeof draft.network !== 'string' || !NETWORK_SLUG.test(draft.network)) {
    report('network', 'network must be a lowercase slug such as facebook or linkedin');
  }
}

/** Tags must be well-formed and already canonical: stored tags are compared as strings. */
function checkLanguages(draft: PageDraft, report: Report): void {
  const languages = draft.languages ?? [];
  if (draft.kind === 'MARKET' && languages.length === 0) {
    report('languages', 'languages: a MARKET page needs at least one language');
  }
  const seen = new Set<string>();
  for (const tag of languages) {
    const canonical = canonicalLanguageTag(tag);
    if (canonical === null || tag !== tag.trim()) {
      report('languages', `languages: "${tag}" is not a BCP 47 language tag`);
      continue;
    }
    if (canonical !== tag) report('languages', `languages: write "${tag}" as "${canonical}"`);
    if (seen.has(canonical)) report('languages', `languages: "${canonical}" is listed twice`);
    seen.add(canonical);
  }
}

/** country, segment, regionCountries and defaultVariant each belong to one kind. */
function checkKindOnlyFields(draft: PageDraft, context: PageValidationContext, report: Report): void {
  const regionCountries = draft.regionCountries ?? [];

  if (draft.kind === 'MARKET') {
    if (draft.country === null || draft.country === undefined || draft.country === '') {
      report('country', 'country is required on a MARKET page');
    } else {
      checkCountryCode('country', draft.country, report);
    }
  } else if (draft.country !== null && draft.country !== undefined) {
    report('country', 'country is only for MARKET pages');
  }

  if (draft.kind === 'SEGMENT') {
    if (draft.segment === null || draft.segment === undefined || draft.segment.trim() === '') {
      report('segment', 'segment is required on a SEGMENT page');
    } else if (!context.audiences.includes(draft.segment)) {
      const allowed = context.audiences.length > 0 ? context.audiences.join(', ') : 'none';
      report('segment', `segment "${draft.segment}" is not one of the brand's audiences (${allowed})`);
    }
  } else if (draft.segment !== null && draft.segment !== undefined) {
    report('segment', 'segment is only for SEGMENT pages');
  }

  if (draft.kind === 'REGION') {
    if (regionCountries.length === 0) report('regionCountries', 'regionCountries: a REGION page needs at least one country');
    const seen = new Set<string>();
    for (const code of regionCountries) {
      checkCountryCode('regionCountries', code, report);
      if (seen.has(code)) report('regionCountries', `regionCountries: ${code} is listed twice`);
      seen.add(code);
    }
  } else if (regionCountries.length > 0) {
    report('regionCountries', 'regionCountries is only for REGION pages');
  }

  if (draft.defaultVariant && draft.kind !== 'MARKET') {
    report('defaultVariant', 'defaultVariant is only for MARKET pages');
  }
}

/** Upper case required: the pivot and SQL filters compare stored codes as they are. */
function checkCountryCode(field: 'country' | 'regionCountries', code: string, report: Report): void {
  const prefix = field === 'country' ? 'country' : `${field}:`;
  if (!isCountryCode(code)) {
    report(field, `${prefix} "${code}" is not an ISO 3166-1 alpha-2 country code`);
  } else if (code !== code.toUpperCase()) {
    report(field, `${prefix} "${code}" must be upper case: "${code.toUpperCase()}"`);
  }
}

function checkParent(draft: PageDraft, stored: TreePage | null, pages: readonly TreePage[], report: Report): void {
  const allowedKinds = ALLOWED_PARENT_KINDS[draft.kind];
  if (draft.parentId === null || draft.parentId === undefined) {
    if (allowedKinds.length > 0) report('parentId', PARENT_RULE[draft.kind]);
    return;
  }
  if (allowedKinds.length === 0) {
    report('parentId', PARENT_RULE[draft.kind]);
    return;
  }
  const parent = pages.find((page) => page.id === draft.parentId);
  if (!parent) {
    report('parentId', `parent page ${draft.parentId} does not exist in this brand`);
    return;
  }
  if (draft.id !== undefined && isSelfOrAncestor(pages, draft.id, parent.id)) {
    report('parentId', 'a page cannot be moved under itself or one of its own sub-pages');
    return;
  }
  if (parent.network !== draft.network) {
    report('parentId', `parent page "${parent.name}" is on ${parent.network}, not ${draft.network}`);
  }
  if (!allowedKinds.includes(parent.kind)) {
    report('parentId', `${PARENT_RULE[draft.kind]}, not under a ${parent.kind} page`);
  }
  // Only new placements are refused: a page already under an archived parent can still be edited.
  const placedNow = stored === null || stored.parentId !== draft.parentId;
  if (parent.status === 'ARCHIVED' && placedNow) {
    report('parentId', `parent page "${parent.name}" is archived: no page can be added under it`);
  }
}

/** Changing kind or network would silently break the parent rules of the existing sub-pages. */
function checkKindOrNetworkChange(draft: PageDraft, stored: TreePage | null, others: readonly TreePage[], report: Report): void {
  if (!stored) return;
  const hasChildren = others.some((page) => page.parentId === stored.id);
  if (!hasChildren) return;
  if (stored.kind !== draft.kind) report('kind', 'kind cannot change while the page has sub-pages');
  if (stored.network !== draft.network) report('network', 'network cannot change while the page has sub-pages');
}

/** `live` = the other non-archived pages of the draft's network. */
function checkUniqueness(draft: PageDraft, live: readonly TreePage[], pages: readonly TreePage[], report: Report): void {
  switch (draft.kind) {
    case 'GLOBAL': {
      const global = live.find((page) => page.kind === 'GLOBAL');
      if (global) report('kind', `${draft.network} already has a GLOBAL page: "${global.name}" (one per brand and network)`);
      break;
    }
    case 'REGION': {
      const mine = new Set((draft.regionCountries ?? []).map((code) => code.toUpperCase()));
      for (const region of live.filter((page) => page.kind === 'REGION')) {
        const shared = region.regionCountries.filter((code) => mine.has(code.toUpperCase()));
        if (shared.length > 0) {
          report('regionCountries', `regionCountries: ${shared.join(', ')} already in region "${region.name}" on ${draft.network}`);
        }
      }
      break;
    }
    case 'MARKET':
      checkMarketUniqueness(draft, live, report);
      break;
    case 'SEGMENT': {
      if (!draft.segment || !draft.parentId) break;
      const segment = draft.segment.toLowerCase();
      const twin = live.find(
        (page) => page.kind === 'SEGMENT' && page.parentId === draft.parentId && page.segment?.toLowerCase() === segment,
      );
      if (twin) {
        const parentName = pages.find((page) => page.id === draft.parentId)?.name ?? draft.parentId;
        report('segment', `segment: "${parentName}" already has a ${draft.segment} page: "${twin.name}"`);
      }
      break;
    }
  }
}

/**
 * One live market per country and network, except language variants (BE-fr and BE-nl): pages of
 * one country may coexist while their language sets do not overlap, and at most one is the default.
 */
function checkMarketUniqueness(draft: PageDraft, live: readonly TreePage[], report: Report): void {
  if (!draft.country) return;
  const country = draft.country.toUpperCase();
  const sameCountry = live.filter((page) => page.kind === 'MARKET' && page.country?.toUpperCase() === country);
  const mine = new Set((draft.languages ?? []).map(languageKey));
  for (const page of sameCountry) {
    // A page without languages cannot be told apart from any variant, so it overlaps them all.
    const overlaps = mine.size === 0 || page.languages.length === 0 || page.languages.some((tag) => mine.has(languageKey(tag)));
    if (overlaps) {
      report(
        'country',
        `country ${draft.country} already has a market page on ${draft.network} with an overlapping language: "${page.name}" (language variants need distinct languages)`,
      );
    }
  }
  if (draft.defaultVariant) {
    const otherDefault = sameCountry.find((page) => page.defaultVariant);
    if (otherDefault) {
      report('defaultVariant', `defaultVariant: ${draft.country} on ${draft.network} already has a default variant: "${otherDefault.name}"`);
    }
  }
}

/** Stored tags should be canonical already; canonicalising here keeps "FR" and "fr" equal anyway. */
/**
 * Variants are told apart by primary language: the pivot matches `fr-BE` to a `fr` variant,
 * so `fr` and `fr-FR` pages for one country would compete for the same visitors.
 */
function languageKey(tag: string): string {
  return primaryLanguageSubtag(canonicalLanguageTag(tag) ?? tag).toLowerCase();
}
