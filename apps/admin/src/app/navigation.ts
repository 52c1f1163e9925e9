import type { PivotAbility } from '@pivot/domain';

/** The areas of the admin, in the order the navigation shows them; `ready` ones have a screen. */
export interface Area {
  path: string;
  label: string;
  ready: boolean;
  /** Shown only to users this says yes for; every area is shown without it. */
  visibleTo?: (ability: PivotAbility) => boolean;
}

/**
 * Whether the user may read some of `type` beyond their own records: everyone may read their
 * own role assignments, which is no reason to show them a Team screen.
 */
export function readsBeyondSelf(ability: PivotAbility, type: 'RoleAssignment' | 'User'): boolean {
  const own = type === 'RoleAssignment' ? 'userId' : 'id';
  return ability
    .rulesFor('read', type)
    .some((rule) => !rule.inverted && !(rule.conditions && Object.keys(rule.conditions).every((key) => key === own)));
}

export const AREAS: readonly Area[] = [
  { path: '/pages', label: 'Pages', ready: true },
  { path: '/coverage', label: 'Coverage map', ready: true },
  { path: '/simulator', label: 'Pivot simulator', ready: true },
  { path: '/content', label: 'Content', ready: true, visibleTo: (ability) => ability.can('read', 'Post') },
  { path: '/reply-queues', label: 'Reply queues', ready: true, visibleTo: (ability) => ability.can('read', 'Conversation') },
  {
    path: '/team',
    label: 'Team',
    ready: true,
    visibleTo: (ability) => readsBeyondSelf(ability, 'RoleAssignment') || ability.can('invite', 'User'),
  },
  { path: '/audit', label: 'Audit', ready: true, visibleTo: (ability) => ability.can('read', 'AuditEntry') },
  { path: '/insights', label: 'Insights', ready: true, visibleTo: (ability) => ability.can('read', 'Metrics') },
];

export function visibleAreas(ability: PivotAbility): Area[] {
  return AREAS.filter((area) => !area.visibleTo || area.visibleTo(ability));
}

/**
 * Where a user lands after sign-in: people whose work is reading figures (they may read metrics
 * but change no page, i.e. analysts) land on Insights; everyone else on the page tree.
 */
export function homePathFor(ability: PivotAbility): string {
  return ability.can('read', 'Metrics') && !ability.can('update', 'Page') ? '/insights' : '/pages';
}
