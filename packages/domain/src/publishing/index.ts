export * from './post-state';
export type { MediaRef, Post, PostDraft } from './post.types';
export { NETWORK_LIMITS, type NetworkLimits } from './network-limits';
export { hostOf, isHostAllowed, linksInText, normalizeDomain, type TextSpan } from './text-links';
export * from './guardrails';
export * from './approval-policy';
export * from './rollout';
export * from './cascade-eligibility';
