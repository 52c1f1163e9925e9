import { toTreePage, validatePage, type FieldIssue, type PageDraft, type PageKind } from '@pivot/domain';
import type { CreatePageInput, UpdatePageInput } from '../../gql/graphql';
import type { FieldErrors } from '../../shared/api-field-errors';
import type { BrandPage } from './page-tree-model';

/** What the page form edits: text inputs hold strings, blank meaning "none". */
export interface PageFormValues {
  name: string;
  url: string;
  handle: string;
  externalId: string;
  description: string;
  website: string;
  pictureUrl: string;
  keywords: string[];
  languages: string[];
  country: string;
  segment: string;
  defaultVariant: boolean;
  regionCountries: string[];
}

/** A creation: the kind and the parent are chosen before the form opens. */
export interface NewPagePlacement {
  kind: PageKind;
  parent: BrandPage;
}

const blankToNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

export function valuesOfPage(page: BrandPage): PageFormValues {
  return {
    name: page.name,
    url: page.url,
    handle: page.handle ?? '',
    externalId: page.externalId ?? '',
    description: page.description ?? '',
    website: page.website ?? '',
    pictureUrl: page.pictureUrl ?? '',
    keywords: page.keywords,
    languages: page.languages,
    country: page.country ?? '',
    segment: page.segment ?? '',
    defaultVariant: page.defaultVariant,
    regionCountries: page.regionCountries,
  };
}

/** A new page starts from its parent: same languages, and for a market's segment the same country context. */
export function valuesForNewPage({ kind, parent }: NewPagePlacement): PageFormValues {
  return {
    name: '',
    url: '',
    handle: '',
    externalId: '',
    description: '',
    website: '',
    pictureUrl: '',
    keywords: [],
    languages: kind === 'SEGMENT' ? parent.languages : [],
    country: '',
    segment: '',
    defaultVariant: false,
    regionCountries: [],
  };
}

/** The draft validatePage checks: the same function the API runs before it writes. */
export function draftOf(values: PageFormValues, target: { page: BrandPage } | NewPagePlacement): PageDraft {
  const kind = 'page' in target ? target.page.kind : target.kind;
  const base = 'page' in target ? target.page : null;
  return {
    ...(base ? { id: base.id } : {}),
    kind,
    parentId: base ? base.parentId : (target as NewPagePlacement).parent.id,
    network: base ? base.network : (target as NewPagePlacement).parent.network,
    name: values.name,
    url: values.url.trim(),
    country: kind === 'MARKET' ? blankToNull(values.country)?.toUpperCase() ?? '' : null,
    languages: values.languages,
    segment: kind === 'SEGMENT' ? (blankToNull(values.segment) ?? '') : null,
    defaultVariant: kind === 'MARKET' ? values.defaultVariant : false,
    regionCountries: kind === 'REGION' ? values.regionCountries : [],
    handle: blankToNull(values.handle),
    externalId: blankToNull(values.externalId),
  };
}

export function groupIssues(issues: readonly FieldIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) (errors[issue.field] ??= []).push(issue.message);
  return errors;
}

export function validateForm(
  values: PageFormValues,
  target: { page: BrandPage } | NewPagePlacement,
  context: { pages: readonly BrandPage[]; audiences: readonly string[] },
): FieldErrors {
  return groupIssues(validatePage(draftOf(values, target), { pages: context.pages.map(toTreePage), audiences: context.audiences }));
}

export function createInputOf(values: PageFormValues, placement: NewPagePlacement, brandId: string): CreatePageInput {
  const draft = draftOf(values, placement);
  return {
    brandId,
    kind: placement.kind,
    parentId: placement.parent.id,
    network: placement.parent.network,
    name: values.name.trim(),
    url: draft.url,
    languages: values.languages,
    ...(placement.kind === 'MARKET' ? { country: draft.country, defaultVariant: values.defaultVariant } : {}),
    ...(placement.kind === 'SEGMENT' ? { segment: draft.segment } : {}),
    handle: draft.handle ?? null,
    externalId: draft.externalId ?? null,
    description: blankToNull(values.description),
    website: blankToNull(values.website),
    pictureUrl: blankToNull(values.pictureUrl),
    keywords: values.keywords,
  };
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item, i) => item === b[i]);

/** Only what changed, with the version edited so a concurrent change gives CONFLICT instead of being lost. */
export function updateInputOf(values: PageFormValues, page: BrandPage): UpdatePageInput {
  const before = valuesOfPage(page);
  const input: UpdatePageInput = { expectedVersion: page.version };
  if (values.name !== before.name) input.name = values.name.trim();
  if (values.url.trim() !== before.url) input.url = values.url.trim();
  for (const field of ['handle', 'externalId', 'description', 'website', 'pictureUrl'] as const) {
    if (values[field].trim() !== before[field]) input[field] = blankToNull(values[field]);
  }
  if (!sameList(values.keywords, before.keywords)) input.keywords = values.keywords;
  if (!sameList(values.languages, before.languages)) input.languages = values.languages;
  if (page.kind === 'MARKET' && values.country.trim().toUpperCase() !== before.country) input.country = values.country.trim().toUpperCase();
  if (page.kind === 'MARKET' && values.defaultVariant !== before.defaultVariant) input.defaultVariant = values.defaultVariant;
  if (page.kind === 'SEGMENT' && values.segment !== before.segment) input.segment = values.segment;
  if (page.kind === 'REGION' && !sameList(values.regionCountries, before.regionCountries)) input.regionCountries = values.regionCountries;
  return input;
}
