import { defineAbilityFor, packRules, abilityFromPackedRules, type Grant } from '@pivot/domain';
import { canDisable, canGrantToUser, choicesForUser, grantableChoices, NEW_USER_ID, rolesOf, scopePagesFor, type ScopePage } from './grant-choices';

const BRAND = 'brand-1';
const page = (id: string, kind: string, scopeIds: string[], status = 'ACTIVE'): ScopePage => ({ id, name: id, kind, network: 'facebook', status, brandId: BRAND, scopeIds });
const GLOBAL = page('global', 'GLOBAL', ['global']);
const EMEA = page('emea', 'REGION', ['global', 'emea']);
const FR = page('fr', 'MARKET', ['global', 'emea', 'fr']);
const FR_STUDENT = page('fr-student', 'SEGMENT', ['global', 'emea', 'fr', 'fr-student']);
const FR_OLD = page('fr-old', 'SEGMENT', ['global', 'emea', 'fr', 'fr-old'], 'ARCHIVED');
const ES = page('es', 'MARKET', ['global', 'emea', 'es']);
const PAGES = [GLOBAL, EMEA, FR, FR_STUDENT, FR_OLD, ES];

const grant = (role: string, scope: ScopePage): Grant => ({ role, brandId: BRAND, scopePageId: scope.id, scopeIds: [...scope.scopeIds] });
/** Through packRules/abilityFromPackedRules, as the browser receives it. */
const abilityOf = (userId: string, ...grants: Grant[]) => abilityFromPackedRules(JSON.stringify(packRules(defineAbilityFor({ userId, grants }).rules)));

const pairs = (choices: ReturnType<typeof grantableChoices>) => choices.map((choice) => `${choice.role}@${choice.page.id}`).sort();

describe('grantableChoices', () => {
  it("offers FR's manager PUBLISHER, MODERATOR and ANALYST at FR and its active segments, nothing at ES or above FR", () => {
    const ability = abilityOf('fleur', grant('MARKET_MANAGER', FR));
    expect(pairs(grantableChoices(ability, PAGES, NEW_USER_ID))).toEqual(
      ['ANALYST@fr', 'ANALYST@fr-student', 'MODERATOR@fr', 'MODERATOR@fr-student', 'PUBLISHER@fr', 'PUBLISHER@fr-student'],
    );
  });

  it('offers the brand admin every role but PLATFORM_ADMIN, each at the kinds of page it is granted at', () => {
    const choices = grantableChoices(abilityOf('ada', grant('BRAND_ADMIN', GLOBAL)), PAGES, NEW_USER_ID);
    expect(rolesOf(choices)).toEqual(['BRAND_ADMIN', 'MARKET_MANAGER', 'PUBLISHER', 'MODERATOR', 'ANALYST']);
    expect(scopePagesFor(choices, 'BRAND_ADMIN').map((p) => p.id)).toEqual(['global']);
    expect(scopePagesFor(choices, 'MARKET_MANAGER').map((p) => p.id)).toEqual(['es', 'fr']);
    expect(scopePagesFor(choices, 'PUBLISHER').map((p) => p.id)).toEqual(['global', 'emea', 'es', 'fr', 'fr-student']);
  });

  it('offers nothing to a publisher, and nothing to a manager granting to themselves', () => {
    expect(grantableChoices(abilityOf('felix', grant('PUBLISHER', FR)), PAGES, NEW_USER_ID)).toEqual([]);
    expect(grantableChoices(abilityOf('fleur', grant('MARKET_MANAGER', FR)), PAGES, 'fleur')).toEqual([]);
  });
});

describe('canDisable', () => {
  const felix = { id: 'felix', disabled: false, roles: [{ ...grant('PUBLISHER', FR), role: 'PUBLISHER', userId: 'felix' }] };

  it('lets the brand admin disable a publisher of the brand, but not themselves or a disabled user', () => {
    const ability = abilityOf('ada', grant('BRAND_ADMIN', GLOBAL));
    expect(canDisable(ability, felix)).toBe(true);
    expect(canDisable(ability, { ...felix, disabled: true })).toBe(false);
    expect(canDisable(ability, { ...felix, id: 'ada', roles: [{ ...grant('BRAND_ADMIN', GLOBAL), role: 'BRAND_ADMIN', userId: 'ada' }] })).toBe(false);
  });

  it("does not let FR's manager disable anyone (disabling is the brand's call)", () => {
    expect(canDisable(abilityOf('fleur', grant('MARKET_MANAGER', FR)), felix)).toBe(false);
  });
});

describe('choicesForUser', () => {
  it("keeps a manager's choices for a teammate and drops them all for the manager themselves", () => {
    const ability = abilityOf('fleur', grant('MARKET_MANAGER', FR));
    const choices = grantableChoices(ability, PAGES, NEW_USER_ID);
    expect(choicesForUser(ability, choices, 'felix')).toEqual(choices);
    expect(choicesForUser(ability, choices, 'fleur')).toEqual([]);
    expect(canGrantToUser(ability, choices, 'felix')).toBe(true);
    expect(canGrantToUser(ability, choices, 'fleur')).toBe(false);
  });
});
