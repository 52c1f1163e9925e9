/** A GraphQL enum object (`{ A: 'A', … }`) from a list of values, for `registerEnumType`. */
export const asEnum = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;
