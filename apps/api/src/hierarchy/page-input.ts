import { canonicalLanguageTag, isCountryCode, isHttpUrl, normalizeCountry, validateName, type TreePage } from '@pivot/domain';
import type { FieldProblem } from '../errors/app-error';
import { AppError } from '../errors/app-error';

/** A page as a client asked for it, normalized (trimmed, canonical case) but not yet judged. */
export interface PageWrite extends TreePage {
  externalId: string | null;
  handle: string | null;
  pictureUrl: string | null;
  description: string | null;
  keywords: string[];
  website: string | null;
}

/** What a create or update input may carry: any field, possibly null. */
type PageFields = { [K in keyof Omit<PageWrite, 'id'>]?: PageWrite[K] | null };

export function pageDraftFrom(input: PageFields, base: { id: string; network: string }): PageWrite {
  return {
    id: base.id,
    kind: input.kind!,
    parentId: input.parentId ?? null,
    network: (input.network ?? base.network).trim().toLowerCase(),
    name: (input.name ?? '').trim(),
    url: (input.url ?? '').trim(),
    country: blankToNull(input.country)?.toUpperCase() ?? null,
    // Invalid tags are kept as typed so the rules can name them.
    languages: (input.languages ?? []).map((tag) => canonicalLanguageTag(tag.trim()) ?? tag.trim()),
    segment: blankToNull(input.segment)?.toLowerCase() ?? null,
    status: input.status ?? 'ACTIVE',
    defaultVariant: input.defaultVariant ?? false,
    regionCountries: (input.regionCountries ?? []).map((code) => normalizeCountry(code) ?? code.trim()),
    externalId: blankToNull(input.externalId),
    handle: blankToNull(input.handle),
    pictureUrl: blankToNull(input.pictureUrl),
    description: blankToNull(input.description),
    keywords: (input.keywords ?? []).map((k) => k.trim()).filter((k) => k.length > 0),
    website: blankToNull(input.website),
  };
}

/** Profile fields the tree rules do not look at. */
export function profileProblems(draft: PageWrite): FieldProblem[] {
  const problems: FieldProblem[] = [];
  // Column sizes: past them the database would refuse the row.
  if (draft.url.length > 2048) problems.push({ field: 'url', message: 'is longer than 2048 characters' });
  if (draft.pictureUrl && draft.pictureUrl.length > 2048) problems.push({ field: 'pictureUrl', message: 'is longer than 2048 characters' });
  if (draft.website && draft.website.length > 2048) problems.push({ field: 'website', message: 'is longer than 2048 characters' });
  if (draft.network.length > 40) problems.push({ field: 'network', message: 'is longer than 40 characters' });
  if (draft.languages.some((tag) => tag.length > 35)) problems.push({ field: 'languages', message: 'has a tag longer than 35 characters' });
  problems.push(...validateName(draft.externalId, 'externalId', { optional: true }), ...validateName(draft.handle, 'handle', { optional: true }));
  if (draft.pictureUrl && !isHttpUrl(draft.pictureUrl)) problems.push({ field: 'pictureUrl', message: 'must be an http(s) URL' });
  if (draft.website && !isHttpUrl(draft.website)) problems.push({ field: 'website', message: 'must be an http(s) URL' });
  if (draft.description && draft.description.length > 5000) problems.push({ field: 'description', message: 'is longer than 5000 characters' });
  if (draft.keywords.length > 30) problems.push({ field: 'keywords', message: 'has more than 30 keywords' });
  if (draft.keywords.some((k) => k.length > 60)) problems.push({ field: 'keywords', message: 'has a keyword longer than 60 characters' });
  return problems;
}

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$/;

export function brandProblems(brand: { slug: string; name: string; audiences: string[]; defaultNetwork: string }): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!SLUG.test(brand.slug)) problems.push({ field: 'slug', message: 'must be 1–60 lower-case letters, digits or dashes' });
  if (brand.name.length === 0 || brand.name.length > 200) problems.push({ field: 'name', message: 'must be 1–200 characters' });
  if (brand.audiences.length === 0) problems.push({ field: 'audiences', message: 'must name at least one audience' });
  if (brand.audiences.some((a) => !SLUG.test(a))) problems.push({ field: 'audiences', message: 'must be lower-case words (letters, digits, dashes)' });
  if (new Set(brand.audiences).size !== brand.audiences.length) problems.push({ field: 'audiences', message: 'has duplicates' });
  if (!SLUG.test(brand.defaultNetwork) || brand.defaultNetwork.length > 40) {
    problems.push({ field: 'defaultNetwork', message: 'must be a lower-case network name of at most 40 characters' });
  }
  return problems;
}

export function normalizeAliasCountry(input: string): string {
  const country = normalizeCountry(input);
  if (!country || !isCountryCode(country)) throw AppError.badInput('country must be an ISO 3166-1 alpha-2 code', [{ field: 'country', message: 'is not an ISO 3166-1 alpha-2 code' }]);
  return country;
}

function blankToNull(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  return trimmed.length ? trimmed : null;
}
