import { asSubject, BRAND_LOCKED_PAGE_FIELDS, type PageKind, type PivotAbility } from '@pivot/domain';

/** What the rules need of a page: its brand and its scope (its id and its ancestors'). */
export interface PageScope {
  id: string;
  brandId: string;
  scopeIds: readonly string[];
  kind: PageKind;
}

/** The fields the page form edits: each is checked on its own (market managers cannot touch brand-locked ones). */
export const FORM_FIELDS = [
  'name',
  'url',
  'handle',
  'externalId',
  'description',
  'website',
  'pictureUrl',
  'keywords',
  'languages',
  'country',
  'segment',
  'defaultVariant',
  'regionCountries',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];

export interface PagePermissions {
  /** Form fields the user may change on this page. */
  editable: ReadonlySet<FormField>;
  /** Brand-locked fields the user may not change (shown with a lock hint). */
  locked: ReadonlySet<FormField>;
  archive: boolean;
  addMarket: boolean;
  addSegment: boolean;
  setAlias: boolean;
}

const pageSubject = (page: PageScope) => asSubject('Page', { id: page.id, brandId: page.brandId, scopeIds: [...page.scopeIds], kind: page.kind });

/** A page that would be created under `parent`: its scope is the parent's plus its own (not yet known) id. */
export function canCreateUnder(ability: PivotAbility, parent: PageScope, kind: PageKind): boolean {
  return ability.can('create', asSubject('Page', { id: '__new__', brandId: parent.brandId, scopeIds: [...parent.scopeIds, '__new__'], kind, parentId: parent.id }));
}

/** Everything the detail panel and the form offer on one page, from the same rules the API applies. */
export function pagePermissions(ability: PivotAbility, page: PageScope): PagePermissions {
  const subject = pageSubject(page);
  const editable = new Set<FormField>();
  const locked = new Set<FormField>();
  for (const field of FORM_FIELDS) {
    if (ability.can('update', subject, field)) editable.add(field);
    else if ((BRAND_LOCKED_PAGE_FIELDS as readonly string[]).includes(field)) locked.add(field);
  }
  return {
    editable,
    locked,
    archive: ability.can('archive', subject),
    addMarket: (page.kind === 'GLOBAL' || page.kind === 'REGION') && canCreateUnder(ability, page, 'MARKET'),
    addSegment: (page.kind === 'GLOBAL' || page.kind === 'MARKET') && canCreateUnder(ability, page, 'SEGMENT'),
    setAlias: page.kind === 'MARKET' && ability.can('update', asSubject('MarketAlias', { brandId: page.brandId, scopeIds: [...page.scopeIds] })),
  };
}
