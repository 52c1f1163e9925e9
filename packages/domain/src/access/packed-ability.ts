import { createMongoAbility } from '@casl/ability';
import { unpackRules, type PackRule } from '@casl/ability/extra';
import type { PivotAbility } from './define-ability';

/** The admin app's copy of the caller's ability, from the packed rules the API sends in `me.abilities`. */
export function abilityFromPackedRules(packed: string | null | undefined): PivotAbility {
  const rules = packed ? unpackRules(JSON.parse(packed) as PackRule<never>[]) : [];
  return createMongoAbility(rules as never);
}
