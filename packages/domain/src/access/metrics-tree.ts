import type { PivotAbility } from './define-ability';

/**
 * Whether every rule by which `ability` reads Metrics is by brand or by scope (a page and every page
 * under it), and none takes any back. Then whoever reads a page's metrics reads those of its whole
 * subtree, and a figure of that subtree is the same for every such reader: the API may keep it and
 * share it (insights' distinct author counts).
 */
export function metricsFollowTheTree(ability: PivotAbility): boolean {
  return ability
    .rulesFor('read', 'Metrics')
    .every((rule) => !rule.inverted && !rule.fields && Object.keys(rule.conditions ?? {}).every((key) => key === 'brandId' || key === 'scopeIds'));
}
