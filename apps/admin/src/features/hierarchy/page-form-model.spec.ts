import { createInputOf, updateInputOf, validateForm, valuesForNewPage, valuesOfPage } from './page-form-model';
import type { BrandPage } from './page-tree-model';

function page(fields: Partial<BrandPage> & Pick<BrandPage, 'id' | 'kind' | 'name'>): BrandPage {
  return {
    brandId: 'b1',
    scopeIds: [],
    parentId: null,
    network: 'facebook',
    url: `https://www.facebook.com/${fields.id}`,
    country: null,
    languages: ['en'],
    segment: null,
    status: 'ACTIVE',
    defaultVariant: false,
    regionCountries: [],
    handle: null,
    externalId: null,
    description: null,
    keywords: [],
    pictureUrl: null,
    website: null,
    version: 3,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    ...fields,
  };
}

const global = page({ id: 'g', kind: 'GLOBAL', name: 'Northwind' });
const fr = page({ id: 'fr', kind: 'MARKET', name: 'Northwind France', parentId: 'g', country: 'FR', languages: ['fr'] });
const frDev = page({ id: 'fr-dev', kind: 'SEGMENT', name: 'Northwind France Developers', parentId: 'fr', segment: 'developer', languages: ['fr'] });
const context = { pages: [global, fr, frDev], audiences: ['consumer', 'developer'] };

describe('page form', () => {
  it('sends only the changed fields of an edit, with the version edited', () => {
    const values = { ...valuesOfPage(fr), description: 'Bonjour', handle: '  ' };
    expect(updateInputOf(values, fr)).toEqual({ expectedVersion: 3, description: 'Bonjour' });
    expect(updateInputOf({ ...valuesOfPage(fr), website: '' }, { ...fr, website: 'https://x.example' })).toEqual({ expectedVersion: 3, website: null });
  });

  it('reports the domain rules per field, as the API would', () => {
    const errors = validateForm({ ...valuesOfPage(fr), url: 'nope', languages: ['fr-be'] }, { page: fr }, context);
    expect(errors.url).toEqual(['url must be an absolute http or https address']);
    expect(errors.languages).toEqual(['languages: write "fr-be" as "fr-BE"']);
    expect(validateForm(valuesOfPage(fr), { page: fr }, context)).toEqual({});
  });

  it('refuses a second developer page under FR and accepts a consumer one', () => {
    const placement = { kind: 'SEGMENT' as const, parent: fr };
    const base = { ...valuesForNewPage(placement), name: 'FR dev 2', url: 'https://www.facebook.com/fr.dev2' };
    expect(validateForm({ ...base, segment: 'developer' }, placement, context).segment?.[0]).toMatch(/already has a developer page/);
    expect(validateForm({ ...base, segment: 'consumer' }, placement, context)).toEqual({});
  });

  it('builds a segment creation under its parent, on the parent network, with its languages', () => {
    const placement = { kind: 'SEGMENT' as const, parent: fr };
    const input = createInputOf({ ...valuesForNewPage(placement), name: ' FR students ', url: 'https://www.facebook.com/fr.students', segment: 'student' }, placement, 'brand-1');
    expect(input).toMatchObject({ brandId: 'brand-1', kind: 'SEGMENT', parentId: 'fr', network: 'facebook', name: 'FR students', segment: 'student', languages: ['fr'] });
    expect(input).not.toHaveProperty('country');
  });

  it('upper-cases the country of a new market', () => {
    const placement = { kind: 'MARKET' as const, parent: global };
    const values = { ...valuesForNewPage(placement), name: 'Northwind España', url: 'https://www.facebook.com/es', country: 'es', languages: ['es'] };
    expect(createInputOf(values, placement, 'b')).toMatchObject({ country: 'ES', defaultVariant: false });
    expect(validateForm(values, placement, context)).toEqual({});
  });
});
