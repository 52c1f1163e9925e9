import { asSubject, ROLE_SCOPE_KINDS, ROLES, type PivotAbility, type Role } from '@pivot/domain';

/** A page a role could be granted at, as the brand tree gives it. */
export interface ScopePage {
  id: string;
  name: string;
  kind: string;
  network: string;
  status: string;
  brandId: string;
  scopeIds: readonly string[];
}

export interface GrantChoice {
  role: Role;
  page: ScopePage;
}

/** Stands for the account an invitation will create: no rule names it, so only scope and role decide. */
export const NEW_USER_ID = '__new__';

/**
 * Every (role, scope page) the caller may grant to `userId`: each active page they can read,
 * each role granted at that kind of page, kept when the same CASL rule the API checks says yes.
 * PLATFORM_ADMIN has no scope page and is not offered here.
 */
export function grantableChoices(ability: PivotAbility, pages: readonly ScopePage[], userId: string): GrantChoice[] {
  const choices: GrantChoice[] = [];
  for (const role of ROLES) {
    const kinds = ROLE_SCOPE_KINDS[role];
    if (kinds.length === 0) continue;
    for (const page of pages) {
      if (page.status !== 'ACTIVE' || !kinds.includes(page.kind)) continue;
      if (canGrantChoice(ability, { role, page }, userId)) choices.push({ role, page });
    }
  }
  return choices;
}

/**
 * The choices (computed once for a new user) that also hold for an existing one: the rules
 * only single users out to forbid granting to oneself, so re-checking is cheaper than recomputing.
 */
export function choicesForUser(ability: PivotAbility, choices: readonly GrantChoice[], userId: string): GrantChoice[] {
  return choices.filter((choice) => canGrantChoice(ability, choice, userId));
}

/** Whether any of the choices may go to this user (stops at the first). */
export function canGrantToUser(ability: PivotAbility, choices: readonly GrantChoice[], userId: string): boolean {
  return choices.some((choice) => canGrantChoice(ability, choice, userId));
}

function canGrantChoice(ability: PivotAbility, { role, page }: GrantChoice, userId: string): boolean {
  return ability.can('grant', asSubject('RoleAssignment', { brandId: page.brandId, scopeIds: [...page.scopeIds], scopePageId: page.id, role, userId }));
}

/** The roles offered, strongest first (the order of ROLES). */
export function rolesOf(choices: readonly GrantChoice[]): Role[] {
  return ROLES.filter((role) => choices.some((choice) => choice.role === role));
}

/** The scope pages offered for one role, widest first (global, region, market, segment), then by name. */
export function scopePagesFor(choices: readonly GrantChoice[], role: Role | null): ScopePage[] {
  return choices
    .filter((choice) => choice.role === role)
    .map((choice) => choice.page)
    .sort((a, b) => a.scopeIds.length - b.scopeIds.length || a.name.localeCompare(b.name) || a.network.localeCompare(b.network));
}

/** The label of a scope page in a picker: several networks can carry the same name. */
export function scopePageLabel(page: Pick<ScopePage, 'name' | 'kind' | 'network'>): string {
  return `${page.name} · ${page.kind.toLowerCase()} · ${page.network}`;
}

/** A user as the `User` rules see it: the brands and scopes of their (visible) role assignments. */
export function userSubject(user: { id: string; roles: readonly { brandId?: string | null; scopeIds: readonly string[] }[] }) {
  return asSubject('User', {
    id: user.id,
    brandIds: [...new Set(user.roles.map((role) => role.brandId).filter((id): id is string => !!id))],
    assignmentScopeIds: [...new Set(user.roles.flatMap((role) => role.scopeIds))],
  });
}

/**
 * Disabling is global: the API refuses it unless the caller may disable the user and revoke
 * every role they hold, so the button follows the same two checks.
 */
export function canDisable(
  ability: PivotAbility,
  user: { id: string; disabled: boolean; roles: readonly { brandId?: string | null; scopeIds: readonly string[]; role: string; userId: string }[] },
): boolean {
  if (user.disabled) return false;
  if (!ability.can('disable', userSubject(user))) return false;
  return user.roles.every((role) => ability.can('revoke', asSubject('RoleAssignment', { ...role, scopeIds: [...role.scopeIds] })));
}
