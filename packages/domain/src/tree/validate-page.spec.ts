import { northwindTree } from '../testing/page-tree-builder';
import type { PageDraft, PageValidationContext } from './page-draft.types';
import type { TreePage } from './page.types';
import { validatePage } from './validate-page';

const fixture = northwindTree();
const { pages } = fixture;
const instagramGlobalArchived: TreePage = {
  ...pages.global,
  id: 'instagram-old-global',
  network: 'instagram',
  status: 'ARCHIVED',
};
const context: PageValidationContext = {
  audiences: ['consumer', 'business', 'developer', 'student'],
  pages: [...fixture.tree.pages, instagramGlobalArchived],
};

function draft(overrides: Partial<PageDraft>): PageDraft {
  return {
    kind: 'MARKET',
    parentId: pages.emea.id,
    network: 'facebook',
    name: 'Northwind España',
    url: 'https://www.facebook.com/northwind.es',
    country: 'ES',
    languages: ['es'],
    segment: null,
    defaultVariant: false,
    regionCountries: [],
    ...overrides,
  };
}

/** A stored page as an update draft: every field as stored, then the changes. */
function update(page: TreePage, changes: Partial<PageDraft>): PageDraft {
  const { status: _status, ...fields } = page;
  return { ...fields, ...changes };
}

const validate = (overrides: Partial<PageDraft>) => validatePage(draft(overrides), context);

describe('validatePage: a valid page of each kind', () => {
  it('accepts a MARKET page under a REGION page', () => {
    expect(validate({})).toEqual([]);
  });

  it('accepts a MARKET page directly under the GLOBAL page', () => {
    expect(validate({ parentId: pages.global.id, country: 'BR', languages: ['pt-BR'] })).toEqual([]);
  });

  it('accepts the first GLOBAL page of a network, an archived one not counting', () => {
    expect(validate({ kind: 'GLOBAL', network: 'instagram', parentId: null, country: null, languages: ['en'] })).toEqual([]);
  });

  it('accepts a REGION page under the GLOBAL page', () => {
    expect(validate({ kind: 'REGION', parentId: pages.global.id, country: null, languages: [], regionCountries: ['BR', 'AR'] })).toEqual([]);
  });

  it('accepts a SEGMENT page under a MARKET page', () => {
    expect(validate({ kind: 'SEGMENT', parentId: pages.france.id, country: null, languages: ['fr'], segment: 'business' })).toEqual([]);
  });

  it('accepts a global SEGMENT page directly under the GLOBAL page', () => {
    expect(validate({ kind: 'SEGMENT', parentId: pages.global.id, country: null, languages: [], segment: 'student' })).toEqual([]);
  });

  it('accepts an unchanged stored page as its own update', () => {
    for (const page of [pages.global, pages.emea, pages.france, pages.belgiumFr, pages.franceDeveloper]) {
      expect(validatePage(update(page, {}), context)).toEqual([]);
    }
  });
});

describe('validatePage: fields', () => {
  it('requires a name', () => {
    expect(validate({ name: '   ' })).toEqual([{ field: 'name', message: 'name is required' }]);
  });

  it('limits the name to 200 characters', () => {
    expect(validate({ name: 'n'.repeat(200) })).toEqual([]);
    expect(validate({ name: 'n'.repeat(201) })).toEqual([{ field: 'name', message: 'name must be at most 200 characters' }]);
  });

  it.each(['facebook.com/northwind', 'ftp://example.com/northwind', 'javascript:alert(1)'])('refuses the non-http(s) url %j', (url) => {
    expect(validate({ url })).toEqual([{ field: 'url', message: 'url must be an absolute http or https address' }]);
  });

  it.each(['Facebook', 'face book', '', 'linked_in', '-x'])('refuses the network %j, not a lowercase slug', (network) => {
    expect(validate({ network, parentId: null, kind: 'GLOBAL', country: null })).toContainEqual({
      field: 'network',
      message: 'network must be a lowercase slug such as facebook or linkedin',
    });
  });

  it('accepts a hyphenated network slug', () => {
    expect(validate({ network: 'google-business', parentId: null, kind: 'GLOBAL', country: null })).toEqual([]);
  });

  it('refuses an unknown kind', () => {
    expect(validate({ kind: 'COUNTRY' as PageDraft['kind'] })).toEqual([
      { field: 'kind', message: 'kind must be one of GLOBAL, REGION, MARKET, SEGMENT' },
    ]);
  });
});

describe('validatePage: languages', () => {
  it('accepts several canonical BCP 47 tags', () => {
    expect(validate({ languages: ['es', 'ca', 'eu', 'gl-ES'] })).toEqual([]);
  });

  it('refuses a tag that is not BCP 47', () => {
    expect(validate({ languages: ['en_US'] })).toEqual([{ field: 'languages', message: 'languages: "en_US" is not a BCP 47 language tag' }]);
  });

  it('asks for the canonical form of a valid tag', () => {
    expect(validate({ languages: ['ES'] })).toEqual([{ field: 'languages', message: 'languages: write "ES" as "es"' }]);
  });

  it('refuses a language listed twice', () => {
    expect(validate({ languages: ['es', 'es'] })).toEqual([{ field: 'languages', message: 'languages: "es" is listed twice' }]);
  });

  it('requires at least one language on a MARKET page', () => {
    expect(validate({ languages: [] })).toEqual([{ field: 'languages', message: 'languages: a MARKET page needs at least one language' }]);
  });

  it('allows no language on other kinds', () => {
    expect(validate({ kind: 'SEGMENT', parentId: pages.france.id, country: null, languages: [], segment: 'business' })).toEqual([]);
  });
});

describe('validatePage: fields that belong to one kind', () => {
  it('refuses a country on a page that is not a MARKET', () => {
    expect(validate({ kind: 'SEGMENT', parentId: pages.france.id, country: 'FR', segment: 'business' })).toEqual([
      { field: 'country', message: 'country is only for MARKET pages' },
    ]);
  });

  it('refuses a segment on a page that is not a SEGMENT', () => {
    expect(validate({ segment: 'developer' })).toEqual([{ field: 'segment', message: 'segment is only for SEGMENT pages' }]);
  });

  it('refuses regionCountries on a page that is not a REGION', () => {
    expect(validate({ regionCountries: ['ES'] })).toEqual([{ field: 'regionCountries', message: 'regionCountries is only for REGION pages' }]);
  });

  it('refuses defaultVariant on a page that is not a MARKET', () => {
    expect(validate({ kind: 'SEGMENT', parentId: pages.france.id, country: null, segment: 'business', defaultVariant: true })).toEqual([
      { field: 'defaultVariant', message: 'defaultVariant is only for MARKET pages' },
    ]);
  });
});

describe('validatePage: parent', () => {
  it('refuses a parent that does not exist in the brand', () => {
    expect(validate({ parentId: 'nowhere' })).toEqual([{ field: 'parentId', message: 'parent page nowhere does not exist in this brand' }]);
  });

  it('refuses a parent on another network', () => {
    expect(validate({ network: 'instagram' })).toContainEqual({
      field: 'parentId',
      message: 'parent page "Northwind EMEA" is on facebook, not instagram',
    });
  });

  it('refuses a new page under an archived page', () => {
    const issues = validate({ kind: 'SEGMENT', parentId: pages.italy.id, country: null, languages: ['it'], segment: 'business' });
    expect(issues).toEqual([{ field: 'parentId', message: 'parent page "Northwind Italia" is archived: no page can be added under it' }]);
  });

  it('still lets a page already under an archived parent be edited', () => {
    const orphanSegment: TreePage = { ...pages.franceDeveloper, id: 'italia-business', parentId: pages.italy.id, segment: 'business' };
    const withOrphan = { ...context, pages: [...context.pages, orphanSegment] };
    expect(validatePage(update(orphanSegment, { name: 'Northwind Italia Business' }), withOrphan)).toEqual([]);
  });

  it('refuses moving a page under itself', () => {
    expect(validatePage(update(pages.france, { parentId: pages.france.id }), context)).toEqual([
      { field: 'parentId', message: 'a page cannot be moved under itself or one of its own sub-pages' },
    ]);
  });

  it('refuses moving a page under one of its descendants', () => {
    expect(validatePage(update(pages.emea, { parentId: pages.franceDeveloper.id }), context)).toContainEqual({
      field: 'parentId',
      message: 'a page cannot be moved under itself or one of its own sub-pages',
    });
  });

  it('lets a market move from a region to the GLOBAL page', () => {
    expect(validatePage(update(pages.france, { parentId: pages.global.id }), context)).toEqual([]);
  });
});

describe('validatePage: GLOBAL', () => {
  it('refuses a parent on a GLOBAL page', () => {
    expect(validate({ kind: 'GLOBAL', network: 'instagram', parentId: pages.global.id, country: null })).toContainEqual({
      field: 'parentId',
      message: 'a GLOBAL page has no parent',
    });
  });

  it('refuses a second GLOBAL page on the same network', () => {
    expect(validate({ kind: 'GLOBAL', parentId: null, country: null })).toEqual([
      { field: 'kind', message: 'facebook already has a GLOBAL page: "Northwind" (one per brand and network)' },
    ]);
  });
});

describe('validatePage: REGION', () => {
  const region = (overrides: Partial<PageDraft>) =>
    validate({ kind: 'REGION', name: 'Northwind AMER', parentId: pages.global.id, country: null, languages: [], regionCountries: ['BR'], ...overrides });

  it('refuses a REGION page that is not directly under the GLOBAL page', () => {
    expect(region({ parentId: pages.emea.id })).toEqual([
      { field: 'parentId', message: 'a REGION page must be directly under the GLOBAL page of its network, not under a REGION page' },
    ]);
    expect(region({ parentId: null })).toEqual([
      { field: 'parentId', message: 'a REGION page must be directly under the GLOBAL page of its network' },
    ]);
  });

  it('requires at least one region country', () => {
    expect(region({ regionCountries: [] })).toEqual([
      { field: 'regionCountries', message: 'regionCountries: a REGION page needs at least one country' },
    ]);
  });

  it('refuses an unknown or lower-case region country', () => {
    expect(region({ regionCountries: ['ZZ', 'ar'] })).toEqual([
      { field: 'regionCountries', message: 'regionCountries: "ZZ" is not an ISO 3166-1 alpha-2 country code' },
      { field: 'regionCountries', message: 'regionCountries: "ar" must be upper case: "AR"' },
    ]);
  });

  it('refuses a region country listed twice', () => {
    expect(region({ regionCountries: ['BR', 'BR'] })).toEqual([{ field: 'regionCountries', message: 'regionCountries: BR is listed twice' }]);
  });

  it('refuses a country already served by another active region of the network', () => {
    expect(region({ regionCountries: ['BR', 'PT', 'JP'] })).toEqual([
      { field: 'regionCountries', message: 'regionCountries: PT already in region "Northwind EMEA" on facebook' },
      { field: 'regionCountries', message: 'regionCountries: JP already in region "Northwind APAC" on facebook' },
    ]);
  });
});

describe('validatePage: MARKET', () => {
  it('refuses a MARKET page under a SEGMENT page or with no parent', () => {
    expect(validate({ parentId: pages.franceDeveloper.id })).toEqual([
      { field: 'parentId', message: 'a MARKET page must be under the GLOBAL page or a REGION page of its network, not under a SEGMENT page' },
    ]);
    expect(validate({ parentId: null })).toEqual([
      { field: 'parentId', message: 'a MARKET page must be under the GLOBAL page or a REGION page of its network' },
    ]);
  });

  it('requires a country', () => {
    expect(validate({ country: null })).toEqual([{ field: 'country', message: 'country is required on a MARKET page' }]);
  });

  it('refuses a country that is not ISO 3166-1 alpha-2', () => {
    expect(validate({ country: 'ZZ' })).toEqual([{ field: 'country', message: 'country "ZZ" is not an ISO 3166-1 alpha-2 country code' }]);
    expect(validate({ country: 'ESP' })).toEqual([{ field: 'country', message: 'country "ESP" is not an ISO 3166-1 alpha-2 country code' }]);
  });

  it('asks for the country in upper case', () => {
    expect(validate({ country: 'es' })).toEqual([{ field: 'country', message: 'country "es" must be upper case: "ES"' }]);
  });

  it('refuses a second market for a country with an overlapping language', () => {
    expect(validate({ country: 'FR', languages: ['fr', 'br'] })).toEqual([
      {
        field: 'country',
        message:
          'country FR already has a market page on facebook with an overlapping language: "Northwind France" (language variants need distinct languages)',
      },
    ]);
  });

  it('accepts a language variant whose languages do not overlap (a third BE variant in de)', () => {
    expect(validate({ country: 'BE', languages: ['de'] })).toEqual([]);
  });

  it('refuses a variant overlapping one of the existing variants (BE nl twice)', () => {
    expect(validate({ country: 'BE', languages: ['nl'] })).toHaveLength(1);
  });

  it('lets an archived market be replaced by a new one', () => {
    expect(validate({ country: 'IT', languages: ['it'] })).toEqual([]);
  });

  it('lets the same country exist on another network', () => {
    const instagramGlobal: TreePage = { ...pages.global, id: 'ig', network: 'instagram' };
    const ctx = { ...context, pages: [...context.pages, instagramGlobal] };
    expect(validatePage(draft({ network: 'instagram', parentId: 'ig', country: 'FR', languages: ['fr'] }), ctx)).toEqual([]);
  });

  it('refuses a second default variant for a country and network', () => {
    expect(validate({ country: 'BE', languages: ['de'], defaultVariant: true })).toEqual([
      { field: 'defaultVariant', message: 'defaultVariant: BE on facebook already has a default variant: "Northwind Belgique"' },
    ]);
  });

  it('accepts a default variant for a country that has none', () => {
    expect(validate({ parentId: pages.global.id, country: 'CH', languages: ['it-CH'], defaultVariant: true })).toEqual([]);
  });

  it('checks un-archiving like a creation: an archived market cannot come back over its replacement', () => {
    const newItaly: TreePage = { ...pages.italy, id: 'new-italia', status: 'ACTIVE' };
    const ctx = { ...context, pages: [...context.pages, newItaly] };
    expect(validatePage(update(pages.italy, {}), ctx)).toEqual([]);
    expect(validatePage(update(pages.italy, { status: 'ACTIVE' }), ctx)).toHaveLength(1);
  });

  it('skips uniqueness for a page being archived', () => {
    expect(validate({ country: 'FR', languages: ['fr'], status: 'ARCHIVED' })).toEqual([]);
  });
});

describe('validatePage: SEGMENT', () => {
  const segment = (overrides: Partial<PageDraft>) =>
    validate({ kind: 'SEGMENT', name: 'Northwind France Business', parentId: pages.france.id, country: null, languages: ['fr'], segment: 'business', ...overrides });

  it('refuses a SEGMENT page under a REGION page', () => {
    expect(segment({ parentId: pages.emea.id })).toEqual([
      { field: 'parentId', message: 'a SEGMENT page must be under a MARKET page or the GLOBAL page of its network, not under a REGION page' },
    ]);
  });

  it('requires a segment', () => {
    expect(segment({ segment: null })).toEqual([{ field: 'segment', message: 'segment is required on a SEGMENT page' }]);
  });

  it('refuses a segment that is not one of the brand’s audiences', () => {
    expect(segment({ segment: 'gamer' })).toEqual([
      { field: 'segment', message: 'segment "gamer" is not one of the brand\'s audiences (consumer, business, developer, student)' },
    ]);
  });

  it('refuses a second page for the same segment under the same parent', () => {
    expect(segment({ segment: 'developer' })).toEqual([
      { field: 'segment', message: 'segment: "Northwind France" already has a developer page: "Northwind France Developers"' },
    ]);
  });

  it('accepts the same segment under another market', () => {
    expect(segment({ parentId: pages.germany.id, segment: 'developer', languages: ['de'] })).toEqual([]);
  });

  it('lets an archived segment page be replaced', () => {
    expect(segment({ segment: 'student' })).toEqual([]);
  });
});

describe('validatePage: changing a stored page', () => {
  it('refuses changing the kind of a page that has sub-pages', () => {
    expect(validatePage(update(pages.france, { kind: 'REGION', country: null, regionCountries: ['FR'], parentId: pages.global.id }), context)).toContainEqual({
      field: 'kind',
      message: 'kind cannot change while the page has sub-pages',
    });
  });

  it('refuses changing the network of a page that has sub-pages', () => {
    expect(validatePage(update(pages.japan, { network: 'instagram' }), context)).toContainEqual({
      field: 'network',
      message: 'network cannot change while the page has sub-pages',
    });
  });

  it('lets a leaf page change kind', () => {
    expect(validatePage(update(pages.us, { kind: 'SEGMENT', segment: 'business', country: null }), context)).toEqual([]);
  });
});

describe('market language variants are told apart by primary language', () => {
  it('refuses a second FR market in fr-FR beside the fr one: the pivot would match both for French visitors', () => {
    const pages = [
      { id: 'g', kind: 'GLOBAL', parentId: null, network: 'facebook', name: 'G', url: 'https://x.test/g', country: null, languages: ['en'], segment: null, status: 'ACTIVE', defaultVariant: false, regionCountries: [] },
      { id: 'fr', kind: 'MARKET', parentId: 'g', network: 'facebook', name: 'FR', url: 'https://x.test/fr', country: 'FR', languages: ['fr'], segment: null, status: 'ACTIVE', defaultVariant: false, regionCountries: [] },
    ] as const;
    const draft = { kind: 'MARKET', parentId: 'g', network: 'facebook', name: 'FR 2', url: 'https://x.test/fr2', country: 'FR', languages: ['fr-FR'], segment: null, defaultVariant: false, regionCountries: [] } as const;
    const issues = validatePage(draft as never, { audiences: ['consumer'], pages: pages as never });
    expect(issues.map((issue) => issue.field)).toContain('country');
  });
});
