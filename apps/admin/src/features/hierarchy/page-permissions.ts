import { asSubject, BRAND_LOCKED_PAGE_FIELDS, STRUCTURAL_PAGE_FIELDS, type Action, type PageKind, type PivotAbility } from '@pivot/domain';

/** What the rules need of a page: its brand and its scope (its id and its ancestors'). */
export interface PageScope {
  id: string;
  brandId: string;
  scopeIds: readonly string[];
  kind: PageKind;
}

/** The fields the page form edits: each is checked on its own (market managers touch no brand-locked or structural one). */
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

/** Which form fields the user may set, and why the others are shut. */
export interface FieldPermissions {
  /** Form fields the user may set on this page. */
  editable: ReadonlySet<FormField>;
  /** Brand-locked fields the user may not set (shown with a lock hint). */
  locked: ReadonlySet<FormField>;
  /** Structural fields the user may not set (shown with a lock hint). */
  structural: ReadonlySet<FormField>;
}

export interface PagePermissions extends FieldPermissions {
  archive: boolean;
  addMarket: boolean;
  addSegment: boolean;
  setAlias: boolean;
}

const pageSubject = (page: PageScope) => asSubject('Page', { id: page.id, brandId: page.brandId, scopeIds: [...page.scopeIds], kind: page.kind });

/** A page that would be created under `parent`: its scope is the parent's plus its own (not yet known) id. */
const newPageSubject = (parent: PageScope, kind: PageKind) =>
  asSubject('Page', { id: '__new__', brandId: parent.brandId, scopeIds: [...parent.scopeIds, '__new__'], kind, parentId: parent.id });

export function canCreateUnder(ability: PivotAbility, parent: PageScope, kind: PageKind): boolean {
  return ability.can('create', newPageSubject(parent, kind));
}

function fieldPermissions(ability: PivotAbility, action: Action, subject: ReturnType<typeof asSubject>): FieldPermissions {
  const editable = new Set<FormField>();
  const locked = new Set<FormField>();
  const structural = new Set<FormField>();
  for (const field of FORM_FIELDS) {
    if (ability.can(action, subject, field)) editable.add(field);
    else if ((BRAND_LOCKED_PAGE_FIELDS as readonly string[]).includes(field)) locked.add(field);
    else if ((STRUCTURAL_PAGE_FIELDS as readonly string[]).includes(field)) structural.add(field);
  }
  return { editable, locked, structural };
}

/** What the form lets the user name on a new page: a market manager's segment page inherits its market's languages and binds no external id. */
export function createPermissions(ability: PivotAbility, parent: PageScope, kind: PageKind): FieldPermissions {
  return fieldPermissions(ability, 'create', newPageSubject(parent, kind));
}

/** Everything the detail panel and the form offer on one page, from the same rules the API applies. */
export function pagePermissions(ability: PivotAbility, page: PageScope): PagePermissions {
  const subject = pageSubject(page);
  return {
    ...fieldPermissions(ability, 'update', subject),
    archive: ability.can('archive', subject),
    addMarket: (page.kind === 'GLOBAL' || page.kind === 'REGION') && canCreateUnder(ability, page, 'MARKET'),
    addSegment: (page.kind === 'GLOBAL' || page.kind === 'MARKET') && canCreateUnder(ability, page, 'SEGMENT'),
    setAlias: page.kind === 'MARKET' && ability.can('update', asSubject('MarketAlias', { brandId: page.brandId, scopeIds: [...page.scopeIds] })),
  };
}
