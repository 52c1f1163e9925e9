import { abilityFromPackedRules, defineAbilityFor, packRules, type Grant } from '@pivot/domain';
import { homePathFor, visibleAreas } from './navigation';

const grant = (role: string, scopeIds: string[]): Grant => ({ role, brandId: 'b', scopePageId: scopeIds[scopeIds.length - 1]!, scopeIds });
const abilityOf = (...grants: Grant[]) => abilityFromPackedRules(JSON.stringify(packRules(defineAbilityFor({ userId: 'me', grants }).rules)));
const areasOf = (...grants: Grant[]) => visibleAreas(abilityOf(...grants)).map((area) => area.label);

describe('visibleAreas', () => {
  it('shows Team and Audit to brand admins and market managers', () => {
    expect(areasOf(grant('BRAND_ADMIN', ['g']))).toEqual(expect.arrayContaining(['Team', 'Audit']));
    expect(areasOf(grant('MARKET_MANAGER', ['g', 'emea', 'fr']))).toEqual(expect.arrayContaining(['Team', 'Audit']));
  });

  it('shows Team to publishers, moderators and analysts, who read their team (issue 20), and hides Audit from them', () => {
    for (const role of ['PUBLISHER', 'MODERATOR', 'ANALYST']) {
      const areas = areasOf(grant(role, ['g', 'emea', 'fr']));
      expect(areas).toContain('Pages');
      expect(areas).toContain('Team');
      expect(areas).not.toContain('Audit');
    }
  });

  it('shows Reply queues to those who read conversations (moderators, analysts, managers, brand admins), not to publishers', () => {
    for (const role of ['MODERATOR', 'ANALYST', 'MARKET_MANAGER']) expect(areasOf(grant(role, ['g', 'emea', 'fr']))).toContain('Reply queues');
    expect(areasOf(grant('BRAND_ADMIN', ['g']))).toContain('Reply queues');
    expect(areasOf(grant('PUBLISHER', ['g', 'emea', 'fr']))).not.toContain('Reply queues');
  });

  it('shows Content to whoever may read posts: not to moderators', () => {
    for (const role of ['BRAND_ADMIN', 'MARKET_MANAGER', 'PUBLISHER', 'ANALYST']) expect(areasOf(grant(role, ['g', 'emea', 'fr']))).toContain('Content');
    expect(areasOf(grant('MODERATOR', ['g', 'emea', 'fr']))).not.toContain('Content');
  });

  it('shows nothing gated to a user without any role', () => {
    expect(areasOf()).not.toContain('Team');
    expect(areasOf()).not.toContain('Reply queues');
  });
});

describe('Insights in the navigation and after sign-in', () => {
  it('shows Insights to those who may read metrics (brand admins, analysts), not to managers, publishers or moderators', () => {
    expect(areasOf(grant('BRAND_ADMIN', ['g']))).toContain('Insights');
    expect(areasOf(grant('ANALYST', ['g', 'emea', 'fr']))).toContain('Insights');
    for (const role of ['MARKET_MANAGER', 'PUBLISHER', 'MODERATOR']) expect(areasOf(grant(role, ['g', 'emea', 'fr']))).not.toContain('Insights');
    expect(areasOf()).not.toContain('Insights');
  });

  it('lands analysts on Insights and everyone else on the page tree', () => {
    expect(homePathFor(abilityOf(grant('ANALYST', ['g', 'emea', 'fr'])))).toBe('/insights');
    expect(homePathFor(abilityOf(grant('BRAND_ADMIN', ['g'])))).toBe('/pages');
    expect(homePathFor(abilityOf(grant('MODERATOR', ['g', 'emea', 'fr'])))).toBe('/pages');
    expect(homePathFor(abilityOf())).toBe('/pages');
  });
});
