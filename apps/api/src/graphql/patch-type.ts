import type { Type } from '@nestjs/common';
import { OmitType, PartialType } from '@nestjs/graphql';

/**
 * An update input from its create input: the same fields minus `omit`, each one optional, and
 * none of the create input's defaults (an absent field leaves the stored value as it is). Typed
 * as GraphQL hands it over: a field may be absent or null.
 */
export function PatchType<T, K extends keyof T = never>(create: Type<T>, omit: readonly K[] = []): Type<{ [P in Exclude<keyof T, K>]?: T[P] | null }> {
  return PartialType(OmitType(create, omit), { omitDefaultValues: true }) as Type<{ [P in Exclude<keyof T, K>]?: T[P] | null }>;
}
