export * from './roles';
export * from './define-ability';
export * from './metrics-tree';
export * from './subjects';
export { packRules, unpackRules } from '@casl/ability/extra';
export { abilityFromPackedRules } from './packed-ability';
