/**
 * Approval policies (DESIGN §5): a brand default and per-market overrides, each an ordered list
 * of steps. `approvalPath` answers which steps one post needs; decisions are then recorded per
 * step, in order, by people `mayApproveStep` lets through. Nobody approves their own post.
 */
import type { Grant } from '../access/define-ability';
import { ROLE_SCOPE_KINDS, type Role } from '../access/roles';
import { ancestorsOf, type TreeNode } from '../tree/page-ancestry';
import type { PageKind } from '../tree/page.types';
import type { GuardrailIssue } from './guardrails';

/**
 * `spans-markets`: the post lies in no single market (several markets, a region, the global
 * page), so no market's own roles cover it and the brand team must.
 */
export const STEP_CONDITIONS = ['always', 'targets-global-page', 'has-guardrail-warnings', 'spans-markets'] as const;
export type StepCondition = (typeof STEP_CONDITIONS)[number];

/**
 * Who may approve a step. A role at `post-market`: a holder of that role whose scope page
 * contains every target page (the FR manager for FR pages). A role at `brand`: a holder of that
 * role at the brand's GLOBAL page. Or named users. Roles match exactly, with no "stronger role
 * also counts": a policy names whom it wants, and the brand team can add itself as a step.
 */
export type StepApprovers = { role: Role; scope: 'post-market' | 'brand' } | { userIds: string[] };

export interface ApprovalStep {
  id: string;
  name: string;
  approvers: StepApprovers;
  /**
   * `any`: one approval completes the step. `all`: every named user except the author must
   * approve; only for named users, since "all holders of a role" changes as roles are granted.
   */
  mode: 'any' | 'all';
  /** When the step applies; a list applies when any of its conditions holds. */
  when: StepCondition | readonly StepCondition[];
}

export interface ApprovalPolicy {
  steps: ApprovalStep[];
}

/** A market's own policy, replacing the brand default for posts that target only that market. */
export interface MarketPolicyOverride {
  /** ISO 3166-1 alpha-2: one market spans its pages on every network and its language variants. */
  country: string;
  policy: ApprovalPolicy;
}

/** A target page as approval sees it. */
export interface ApprovalTarget {
  pageId: string;
  kind: PageKind;
  /** The country of the MARKET page at or above this page; null for GLOBAL, REGION and global segment pages. */
  country: string | null;
  /** The page's id and its ancestors' ids (DESIGN §2). */
  scopeIds: readonly string[];
}

export interface PostUnderApproval {
  brandId: string;
  authorId: string;
  targets: readonly ApprovalTarget[];
}

export interface ApprovalPathStep {
  step: ApprovalStep;
  /** Who may approve, in words, for the review screen ("any MARKET_MANAGER of FR"). */
  approvers: string;
  /** For `all` steps: the users who must each approve (the author left out); null for `any`. */
  requiredUserIds: string[] | null;
  /** Why nobody can ever complete this step, or null; the policy needs fixing (see `policyIssues`). */
  problem: string | null;
}

/** One approval already given, for the post's current version (a resubmission starts afresh). */
export interface ApprovalDecision {
  stepId: string;
  userId: string;
}

export interface Approver {
  id: string;
  grants: readonly Grant[];
}

type PolicyPage = TreeNode & { kind: PageKind; country: string | null };

/** Each of `pageIds` as an ApprovalTarget, read from the tree; ids not among `pages` are left out. */
export function approvalTargetsOf(pages: readonly PolicyPage[], pageIds: readonly string[]): ApprovalTarget[] {
  const targets: ApprovalTarget[] = [];
  for (const pageId of pageIds) {
    const page = pages.find((candidate) => candidate.id === pageId);
    if (!page) continue;
    const chain = [...ancestorsOf(pages, pageId), page]; // root first
    const market = [...chain].reverse().find((candidate) => candidate.kind === 'MARKET');
    targets.push({ pageId, kind: page.kind, country: market?.country ?? null, scopeIds: chain.map((node) => node.id) });
  }
  return targets;
}

/**
 * The policy that governs `post`: a market's override when every target page is in that one
 * market, else the brand default. A post that spans markets, or targets the global or a region
 * page, is the brand's business, so the brand's policy decides it.
 */
export function effectivePolicy(
  brandDefault: ApprovalPolicy,
  marketOverrides: readonly MarketPolicyOverride[],
  post: Pick<PostUnderApproval, 'targets'>,
): ApprovalPolicy {
  const countries = new Set(post.targets.map((target) => target.country));
  if (countries.size !== 1) return brandDefault;
  const [country] = countries;
  if (country === null || country === undefined) return brandDefault;
  return marketOverrides.find((override) => override.country.toUpperCase() === country.toUpperCase())?.policy ?? brandDefault;
}

function conditionsOf(step: ApprovalStep): readonly StepCondition[] {
  return typeof step.when === 'string' ? [step.when] : step.when;
}

/** True when every target lies in one market (one country): the only posts a market's own roles can cover. */
export function isInOneMarket(post: Pick<PostUnderApproval, 'targets'>): boolean {
  const countries = new Set(post.targets.map((target) => target.country?.toUpperCase() ?? null));
  return countries.size === 1 && !countries.has(null);
}

/**
 * The steps of `policy` that apply to `post`, in policy order. A step asking for a role at the
 * post's market is left out for a post that lies in no single market (the global page, a region,
 * several markets): no market's holder covers it, so it is the brand's business and the policy's
 * brand steps decide it. A path left empty that way means nobody could approve the post: the API
 * refuses to submit it rather than let it through unapproved.
 */
export function approvalPath(
  post: PostUnderApproval,
  policy: ApprovalPolicy,
  context: { guardrailIssues: readonly Pick<GuardrailIssue, 'severity'>[] },
): ApprovalPathStep[] {
  const inOneMarket = isInOneMarket(post);
  const facts: Record<StepCondition, boolean> = {
    always: true,
    'targets-global-page': post.targets.some((target) => target.kind === 'GLOBAL'),
    'has-guardrail-warnings': context.guardrailIssues.some((issue) => issue.severity === 'warning'),
    'spans-markets': !inOneMarket,
  };
  return policy.steps
    .filter((step) => conditionsOf(step).some((condition) => facts[condition]))
    .filter((step) => inOneMarket || !('role' in step.approvers && step.approvers.scope === 'post-market'))
    .map((step) => resolveStep(step, post));
}

function resolveStep(step: ApprovalStep, post: PostUnderApproval): ApprovalPathStep {
  const { approvers } = step;
  if ('userIds' in approvers) {
    const eligible = [...new Set(approvers.userIds)].filter((id) => id !== post.authorId);
    return {
      step,
      approvers: `${step.mode === 'all' ? 'each' : 'any'} of ${approvers.userIds.join(', ')}`,
      requiredUserIds: step.mode === 'all' ? eligible : null,
      problem: eligible.length === 0 ? 'the only named approver is the author, or nobody is named' : null,
    };
  }
  return {
    step,
    approvers: `any ${approvers.role} ${approvers.scope === 'brand' ? 'of the brand' : marketWords(post.targets)}`,
    requiredUserIds: null,
    problem: step.mode === 'all' ? '"all" needs named users, not a role' : null,
  };
}

function marketWords(targets: readonly ApprovalTarget[]): string {
  const countries = [...new Set(targets.map((target) => target.country ?? 'the global page'))];
  // Spanning markets: one approver's scope must cover them all (usually a region or the brand).
  return countries.length <= 1 ? `of ${countries[0] ?? 'the post'}` : `whose scope covers ${countries.join(' and ')}`;
}

/** The approvals of `pathStep` that count: on that step, by an eligible user, never the author. */
function countingApprovals(pathStep: ApprovalPathStep, decisions: readonly ApprovalDecision[], authorId: string): Set<string> {
  const { approvers } = pathStep.step;
  return new Set(
    decisions
      .filter((decision) => decision.stepId === pathStep.step.id && decision.userId !== authorId)
      .filter((decision) => !('userIds' in approvers) || approvers.userIds.includes(decision.userId))
      .map((decision) => decision.userId),
  );
}

function isStepComplete(pathStep: ApprovalPathStep, decisions: readonly ApprovalDecision[], authorId: string): boolean {
  if (pathStep.problem !== null) return false;
  const approvals = countingApprovals(pathStep, decisions, authorId);
  return pathStep.requiredUserIds === null ? approvals.size > 0 : pathStep.requiredUserIds.every((id) => approvals.has(id));
}

/** The first step still waiting for approval, or null when every step is complete. */
export function nextPendingStep(
  path: readonly ApprovalPathStep[],
  decisions: readonly ApprovalDecision[],
  post: Pick<PostUnderApproval, 'authorId'>,
): ApprovalPathStep | null {
  return path.find((pathStep) => !isStepComplete(pathStep, decisions, post.authorId)) ?? null;
}

/**
 * True when every step of the path is complete. An empty path is complete: the policy asks for
 * nobody (`policyIssues` flags a policy without an `always` step so that stays deliberate).
 */
export function isFullyApproved(
  path: readonly ApprovalPathStep[],
  decisions: readonly ApprovalDecision[],
  post: Pick<PostUnderApproval, 'authorId'>,
): boolean {
  return nextPendingStep(path, decisions, post) === null;
}

/**
 * The post event a new approval fires: `approve` when it completes the path (IN_REVIEW →
 * APPROVED), else `approveStep` (stays IN_REVIEW).
 */
export function approvalEvent(
  path: readonly ApprovalPathStep[],
  decisions: readonly ApprovalDecision[],
  decision: ApprovalDecision,
  post: Pick<PostUnderApproval, 'authorId'>,
): 'approve' | 'approveStep' {
  return isFullyApproved(path, [...decisions, decision], post) ? 'approve' : 'approveStep';
}

/**
 * Whether `user` may approve `step` of `post`: named in it, or holding its role at a scope that
 * contains every target page (`post-market`) or at the brand's GLOBAL page (`brand`); never the
 * author. Whether the step is the pending one is `nextPendingStep`'s question.
 */
export function mayApproveStep(step: ApprovalStep, user: Approver, post: PostUnderApproval): boolean {
  if (user.id === '' || user.id === post.authorId) return false;
  const { approvers } = step;
  if ('userIds' in approvers) return approvers.userIds.includes(user.id);
  const grants = user.grants.filter((grant) => grant.role === approvers.role && grant.brandId === post.brandId && grant.scopePageId);
  if (approvers.scope === 'brand') {
    // The brand's GLOBAL page is a root: its scope is itself alone.
    return grants.some((grant) => grant.scopeIds.length === 1);
  }
  return post.targets.length > 0 && post.targets.every((target) => grants.some((grant) => target.scopeIds.includes(grant.scopePageId!)));
}

export interface PolicyIssue {
  stepId: string | null;
  code: 'NO_ALWAYS_STEP' | 'DUPLICATE_STEP_ID' | 'NO_APPROVERS' | 'ALL_NEEDS_NAMED_USERS' | 'ROLE_NEVER_AT_SCOPE' | 'NO_CONDITION';
  message: string;
}

/** What is wrong with a policy a brand or market team is saving; empty when nothing is. */
export function policyIssues(policy: ApprovalPolicy): PolicyIssue[] {
  const issues: PolicyIssue[] = [];
  if (!policy.steps.some((step) => conditionsOf(step).includes('always'))) {
    issues.push({ stepId: null, code: 'NO_ALWAYS_STEP', message: 'Some posts would need no approval: add a step that always applies' });
  }
  const seen = new Set<string>();
  for (const step of policy.steps) {
    const add = (code: PolicyIssue['code'], message: string) => issues.push({ stepId: step.id, code, message });
    if (seen.has(step.id)) add('DUPLICATE_STEP_ID', `Two steps have the id ${step.id}`);
    seen.add(step.id);
    if (conditionsOf(step).length === 0) add('NO_CONDITION', `Step "${step.name}" never applies`);
    const { approvers } = step;
    if ('userIds' in approvers) {
      if (approvers.userIds.length === 0) add('NO_APPROVERS', `Step "${step.name}" names nobody`);
      continue;
    }
    if (step.mode === 'all') add('ALL_NEEDS_NAMED_USERS', `Step "${step.name}": "all" needs named users, not a role`);
    // A brand-scope step needs a role granted at the GLOBAL page; PLATFORM_ADMIN belongs to no brand.
    const kinds = ROLE_SCOPE_KINDS[approvers.role];
    if (kinds.length === 0 || (approvers.scope === 'brand' && !kinds.includes('GLOBAL'))) {
      add('ROLE_NEVER_AT_SCOPE', `Step "${step.name}": ${approvers.role} is never granted at the ${approvers.scope === 'brand' ? 'brand' : "post's market"}`);
    }
  }
  return issues;
}
