import { useAbility as useCaslAbility } from '@casl/react';
import type { PivotAbility } from '@pivot/domain';

export { AbilityProvider } from '@casl/react';

/**
 * The signed-in user's CASL ability: the same rules the API enforces (unpacked from
 * `me.abilities`), so screens hide or disable what would only earn a FORBIDDEN.
 * Provided by the shell; a new ability arrives whenever the Shell query is refetched.
 */
export function useAbility(): PivotAbility {
  return useCaslAbility<PivotAbility>();
}
