import { abilityFromPackedRules, defineAbilityFor, packRules, type Grant } from '@pivot/domain';
import { createPermissions, pagePermissions, type PageScope } from './page-permissions';

const BRAND = 'brand-1';
const GLOBAL: PageScope = { id: 'global', brandId: BRAND, kind: 'GLOBAL', scopeIds: ['global'] };
const EMEA: PageScope = { id: 'emea', brandId: BRAND, kind: 'REGION', scopeIds: ['global', 'emea'] };
const FR: PageScope = { id: 'fr', brandId: BRAND, kind: 'MARKET', scopeIds: ['global', 'emea', 'fr'] };
const FR_STUDENT: PageScope = { id: 'fr-student', brandId: BRAND, kind: 'SEGMENT', scopeIds: ['global', 'emea', 'fr', 'fr-student'] };
const ES: PageScope = { id: 'es', brandId: BRAND, kind: 'MARKET', scopeIds: ['global', 'emea', 'es'] };

const grant = (role: string, scope: PageScope): Grant => ({ role, brandId: BRAND, scopePageId: scope.id, scopeIds: [...scope.scopeIds] });
const abilityOf = (...grants: Grant[]) => abilityFromPackedRules(JSON.stringify(packRules(defineAbilityFor({ userId: 'me', grants }).rules)));

describe('pagePermissions', () => {
  const manager = abilityOf(grant('MARKET_MANAGER', FR));

  it("lets FR's manager edit FR's description but not its brand-locked name, picture or website", () => {
    const fr = pagePermissions(manager, FR);
    expect(fr.editable.has('description')).toBe(true);
    expect(fr.editable.has('name')).toBe(false);
    expect([...fr.locked].sort()).toEqual(['name', 'pictureUrl', 'website']);
    expect(fr).toMatchObject({ archive: false, addMarket: false, addSegment: true, setAlias: true });
  });

  it("shows FR's manager FR's structural fields shut: country, external id, languages, default variant, segment, region countries", () => {
    const fr = pagePermissions(manager, FR);
    expect([...fr.editable].sort()).toEqual(['description', 'handle', 'keywords', 'url']);
    expect([...fr.structural].sort()).toEqual(['country', 'defaultVariant', 'externalId', 'languages', 'regionCountries', 'segment']);
    expect(pagePermissions(manager, FR_STUDENT).structural.has('segment')).toBe(true);
  });

  it("lets FR's manager name a new FR segment page's audience and name, not its external id, languages, picture or website", () => {
    const segment = createPermissions(manager, FR, 'SEGMENT');
    expect([...segment.editable].sort()).toEqual(['description', 'handle', 'keywords', 'name', 'segment', 'url']);
    expect([...segment.structural].sort()).toEqual(['country', 'defaultVariant', 'externalId', 'languages', 'regionCountries']);
    expect([...segment.locked].sort()).toEqual(['pictureUrl', 'website']);
    expect(createPermissions(abilityOf(grant('BRAND_ADMIN', GLOBAL)), FR, 'SEGMENT').editable.size).toBe(13);
  });

  it("lets FR's manager archive FR's segments, and do nothing to the global page or ES", () => {
    expect(pagePermissions(manager, FR_STUDENT)).toMatchObject({ archive: true });
    for (const page of [GLOBAL, EMEA, ES]) {
      const can = pagePermissions(manager, page);
      expect(can.editable.size).toBe(0);
      expect(can).toMatchObject({ archive: false, addMarket: false, addSegment: false, setAlias: false });
    }
  });

  it('lets the brand admin do everything to any page, brand-locked fields included', () => {
    const can = pagePermissions(abilityOf(grant('BRAND_ADMIN', GLOBAL)), EMEA);
    expect(can.editable.size).toBe(13);
    expect(can.locked.size + can.structural.size).toBe(0);
    expect(can).toMatchObject({ archive: true, addMarket: true, addSegment: false });
  });

  it('gives a publisher nothing to edit, archive or add', () => {
    const can = pagePermissions(abilityOf(grant('PUBLISHER', FR)), FR);
    expect(can.editable.size).toBe(0);
    expect(can).toMatchObject({ archive: false, addMarket: false, addSegment: false, setAlias: false });
  });
});
