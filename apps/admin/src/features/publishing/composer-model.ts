import {
  approvalPath,
  approvalTargetsOf,
  asSubject,
  checkDraft,
  effectivePolicy,
  type ApprovalPathStep,
  type ApprovalPolicy,
  type ApprovalStep,
  type BrandGuardrails,
  type GuardrailIssue,
  type GuardrailReport,
  type MarketPolicyOverride,
  type PageKind,
  type PivotAbility,
  type Role,
  type StepCondition,
} from '@pivot/domain';
import type { PublishingRulesQuery } from '../../gql/graphql';

/** A page as the composer needs it: to offer it as a target and to find its market. */
export interface ComposerPage {
  id: string;
  brandId: string;
  parentId: string | null;
  scopeIds: readonly string[];
  kind: PageKind;
  country: string | null;
  network: string;
  name: string;
  status: string;
}

/**
 * The active pages the user may create a post for, widest first: the same `create Post` rule the
 * API applies, asked with the page's scope (a post's scope is its targets' common ancestor).
 */
export function targetablePages<P extends ComposerPage>(ability: PivotAbility, pages: readonly P[], userId: string): P[] {
  return pages
    .filter((page) => page.status === 'ACTIVE')
    .filter((page) => ability.can('create', asSubject('Post', { brandId: page.brandId, scopeIds: [...page.scopeIds], authorId: userId })))
    .sort((a, b) => a.scopeIds.length - b.scopeIds.length || a.name.localeCompare(b.name) || a.network.localeCompare(b.network));
}

type RulesData = PublishingRulesQuery;

export function guardrailsOf(data: RulesData['brandGuardrails']): BrandGuardrails {
  return {
    bannedTerms: data.bannedTerms,
    requiredHashtags: data.requiredHashtags,
    missingHashtagSeverity: data.missingHashtagSeverity,
    allowedLinkDomains: data.allowedLinkDomains ?? null,
  };
}

const conditionOf = (condition: string): StepCondition => condition.toLowerCase().replace(/_/g, '-') as StepCondition;

function stepOf(step: RulesData['approvalPolicies'][number]['steps'][number]): ApprovalStep {
  return {
    id: step.id,
    name: step.name,
    mode: step.mode === 'ALL' ? 'all' : 'any',
    when: step.when.map(conditionOf),
    approvers: step.role ? { role: step.role as Role, scope: step.scope === 'BRAND' ? 'brand' : 'post-market' } : { userIds: step.userIds ?? [] },
  };
}

/** The API's policies as the domain's: the brand default (always listed by the API) and the market overrides. */
export function policiesOf(data: RulesData['approvalPolicies']): { brandDefault: ApprovalPolicy; overrides: MarketPolicyOverride[] } {
  const brandDefault = { steps: (data.find((policy) => policy.country === null)?.steps ?? []).map(stepOf) };
  const overrides = data.filter((policy) => policy.country !== null).map((policy) => ({ country: policy.country!, policy: { steps: policy.steps.map(stepOf) } }));
  return { brandDefault, overrides };
}

export interface ComposerDraft {
  body: string;
  link: string;
  targetPageIds: readonly string[];
}

export interface LiveReview {
  report: GuardrailReport;
  /** Who must approve if submitted now; empty until a target is picked. */
  path: ApprovalPathStep[];
}

/** What the API will say on submit, computed as the user types: the same domain functions, on the same inputs. */
export function reviewDraft(
  draft: ComposerDraft,
  context: { pages: readonly ComposerPage[]; guardrails: BrandGuardrails; policies: ReturnType<typeof policiesOf>; authorId: string; brandId: string },
): LiveReview {
  const targets = context.pages.filter((page) => draft.targetPageIds.includes(page.id));
  const report = checkDraft(
    { body: draft.body, link: draft.link.trim() === '' ? null : draft.link },
    { guardrails: context.guardrails, networks: targets.map((page) => page.network) },
  );
  if (targets.length === 0) return { report, path: [] };
  const underApproval = { brandId: context.brandId, authorId: context.authorId, targets: approvalTargetsOf(context.pages, draft.targetPageIds) };
  const policy = effectivePolicy(context.policies.brandDefault, context.policies.overrides, underApproval);
  return { report, path: approvalPath(underApproval, policy, { guardrailIssues: report.issues }) };
}

export interface BodySegment {
  text: string;
  /** The worst issue covering this text, or null. */
  severity: 'error' | 'warning' | null;
  messages: string[];
}

/** The body cut into runs of text, each marked with the issues that cover it (errors win over warnings). */
export function bodySegments(body: string, issues: readonly Pick<GuardrailIssue, 'start' | 'end' | 'severity' | 'message'>[]): BodySegment[] {
  const spans = issues.filter((issue) => issue.start !== null && issue.end !== null && issue.end > issue.start);
  const cuts = new Set([0, body.length]);
  for (const span of spans) {
    cuts.add(Math.min(span.start!, body.length));
    cuts.add(Math.min(span.end!, body.length));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: BodySegment[] = [];
  for (let i = 0; i < points.length - 1; i += 1) {
    const [from, to] = [points[i]!, points[i + 1]!];
    if (from === to) continue;
    const covering = spans.filter((span) => span.start! <= from && span.end! >= to);
    const severity = covering.some((span) => span.severity === 'error') ? 'error' : covering.length > 0 ? 'warning' : null;
    const previous = segments[segments.length - 1];
    const messages = covering.map((span) => span.message);
    if (previous && previous.severity === severity && previous.messages.join() === messages.join()) previous.text += body.slice(from, to);
    else segments.push({ text: body.slice(from, to), severity, messages });
  }
  return segments;
}

/** An ISO time as a `datetime-local` input shows it: the user's local wall clock, to the minute. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/** A `datetime-local` value (local wall clock) as the ISO time the API takes; null when empty or not a time. */
export function fromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}
