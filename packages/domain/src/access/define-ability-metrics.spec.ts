import { metricsFollowTheTree } from './metrics-tree';
import { defineAbilityFor } from './define-ability';
import { ABILITIES, ACTORS, check, forEach, rule, type PageId, type Row, type What } from '../testing/ability-table';

const metrics = (...ids: PageId[]): What[] => ids.map((id) => `metrics of ${id}` as What);

/*
 * Metrics (DESIGN §4): the brand team reads the whole brand's, an ANALYST those under its scope
 * only (never up the trail, where the figures would include other markets), and nobody else.
 */
const METRICS_TABLE: Row[] = [
  ...rule('PLATFORM_ADMIN', 'read', metrics('G', 'FR', 'X2'), []),
  ...rule('BRAND_ADMIN@G', 'read', metrics('G', 'EMEA', 'AMER', 'FR', 'FR-dev', 'ES', 'US'), metrics('G2', 'X2')),
  ...rule('ANALYST@EMEA', 'read', metrics('EMEA', 'FR', 'FR-dev', 'ES', 'ES-dev'), metrics('G', 'AMER', 'US', 'G2', 'X2')),
  // The pages are readable to them (scope and trail), their figures are not: the table gives them no metrics.
  ...forEach(['MARKET_MANAGER@FR', 'PUBLISHER@FR', 'MODERATOR@FR'], 'read', [], metrics('G', 'EMEA', 'FR', 'FR-dev', 'ES')),
  // Read only, for everyone.
  ...forEach(['BRAND_ADMIN@G', 'ANALYST@EMEA'], 'update', [], metrics('FR')),
];

describe('defineAbilityFor: Metrics', () => {
  it.each(METRICS_TABLE)('$name', (row) => {
    expect(check(ABILITIES[row.who], ACTORS[row.who], row)).toBe(row.may);
  });

  it('lets the admin tell, before any page is loaded, who has an Insights screen at all', () => {
    const anyMetrics = (who: keyof typeof ABILITIES) => ABILITIES[who].can('read', 'Metrics');
    expect(['PLATFORM_ADMIN', 'BRAND_ADMIN@G', 'ANALYST@EMEA'].every((who) => anyMetrics(who as keyof typeof ABILITIES))).toBe(true);
    expect(['MARKET_MANAGER@FR', 'PUBLISHER@FR', 'MODERATOR@FR'].some((who) => anyMetrics(who as keyof typeof ABILITIES))).toBe(false);
  });

  it('gives every role rules that follow the tree (by brand or by scope, none taken back): a subtree figure is the same for each of its readers', () => {
    expect(Object.values(ABILITIES).every((ability) => metricsFollowTheTree(ability))).toBe(true);
  });

  it('says so no longer once a rule reads metrics by another field or takes some back', () => {
    const analyst = ABILITIES['ANALYST@EMEA'];
    const byCountry = defineAbilityFor(ACTORS['ANALYST@EMEA']);
    byCountry.update([...analyst.rules, { action: 'read', subject: 'Metrics', conditions: { country: 'FR' } }]);
    const takenBack = defineAbilityFor(ACTORS['ANALYST@EMEA']);
    takenBack.update([...analyst.rules, { action: 'read', subject: 'Metrics', inverted: true, conditions: { scopeIds: 'FR' } }]);
    expect([metricsFollowTheTree(analyst), metricsFollowTheTree(byCountry), metricsFollowTheTree(takenBack)]).toEqual([true, false, false]);
  });
});
