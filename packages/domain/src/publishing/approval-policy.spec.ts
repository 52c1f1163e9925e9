import type { Grant } from '../access/define-ability';
import { northwindTree, PageTreeBuilder } from '../testing/page-tree-builder';
import { scopeIdsOf } from '../tree/page-ancestry';
import type { TreePage } from '../tree/page.types';
import {
  approvalEvent,
  approvalPath,
  approvalTargetsOf,
  effectivePolicy,
  isFullyApproved,
  mayApproveStep,
  nextPendingStep,
  policyIssues,
  type ApprovalDecision,
  type ApprovalPolicy,
  type ApprovalStep,
  type Approver,
  type MarketPolicyOverride,
  type PostUnderApproval,
} from './approval-policy';

const { pages: fb, tree } = northwindTree();
// The same brand on Instagram: France there is another page of the same market.
const ig = new PageTreeBuilder('instagram');
const igGlobal = ig.global('Northwind IG', { id: 'ig-global' });
const igFrance = ig.market(igGlobal, 'FR', 'Northwind France IG', ['fr'], { id: 'ig-france' });
const allPages: TreePage[] = [...tree.pages, ...ig.pages];

const post = (authorId: string, ...targets: TreePage[]): PostUnderApproval => ({
  brandId: 'B1',
  authorId,
  targets: approvalTargetsOf(
    allPages,
    targets.map((page) => page.id),
  ),
});

const marketStep: ApprovalStep = { id: 'market', name: 'Market manager', approvers: { role: 'MARKET_MANAGER', scope: 'post-market' }, mode: 'any', when: 'always' };
const brandStep: ApprovalStep = {
  id: 'brand',
  name: 'Brand team',
  approvers: { role: 'BRAND_ADMIN', scope: 'brand' },
  mode: 'any',
  when: ['targets-global-page', 'has-guardrail-warnings'],
};
const legalStep: ApprovalStep = { id: 'legal', name: 'Legal', approvers: { userIds: ['u-legal1', 'u-legal2'] }, mode: 'all', when: 'has-guardrail-warnings' };
const brandDefault: ApprovalPolicy = { steps: [marketStep, brandStep, legalStep] };
const franceLead: ApprovalPolicy = { steps: [{ id: 'fr-lead', name: 'FR lead', approvers: { userIds: ['u-fr-lead'] }, mode: 'any', when: 'always' }] };
const belgium: ApprovalPolicy = { steps: [{ ...marketStep, id: 'be' }] };
const overrides: MarketPolicyOverride[] = [
  { country: 'FR', policy: franceLead },
  { country: 'be', policy: belgium },
];

type PathContext = Parameters<typeof approvalPath>[2];
const NO_ISSUES: PathContext = { guardrailIssues: [] };
const WARNED: PathContext = { guardrailIssues: [{ severity: 'warning' }] };
const stepIds = (path: { step: ApprovalStep }[]) => path.map((pathStep) => pathStep.step.id);

const grantAt = (role: string, page: TreePage, brandId = 'B1'): Grant => ({
  role,
  brandId,
  scopePageId: page.id,
  scopeIds: scopeIdsOf(allPages, page.id),
});
const user = (id: string, ...grants: Grant[]): Approver => ({ id, grants });

describe('approvalTargetsOf', () => {
  it('gives each target its market country and its scope, root first', () => {
    expect(approvalTargetsOf(allPages, [fb.franceDeveloper.id, fb.global.id, fb.emea.id, fb.globalDeveloper.id, 'missing'])).toEqual([
      { pageId: fb.franceDeveloper.id, kind: 'SEGMENT', country: 'FR', scopeIds: [fb.global.id, fb.emea.id, fb.france.id, fb.franceDeveloper.id] },
      { pageId: fb.global.id, kind: 'GLOBAL', country: null, scopeIds: [fb.global.id] },
      { pageId: fb.emea.id, kind: 'REGION', country: null, scopeIds: [fb.global.id, fb.emea.id] },
      { pageId: fb.globalDeveloper.id, kind: 'SEGMENT', country: null, scopeIds: [fb.global.id, fb.globalDeveloper.id] },
    ]);
  });
});

describe('effectivePolicy', () => {
  it.each<[string, TreePage[], ApprovalPolicy]>([
    ['one French page', [fb.france], franceLead],
    ['a French segment page', [fb.franceDeveloper], franceLead],
    ['France on two networks', [fb.france, igFrance], franceLead],
    ['both Belgian language variants (override keyed in lower case)', [fb.belgiumFr, fb.belgiumNl], belgium],
    ['a market without an override', [fb.germany], brandDefault],
    ['two markets', [fb.france, fb.germany], brandDefault],
    ['a market and the global page', [fb.france, fb.global], brandDefault],
    ['a region page', [fb.emea], brandDefault],
    ['the global segment page', [fb.globalDeveloper], brandDefault],
    ['no target at all', [], brandDefault],
  ])('a post on %s follows the right policy', (_case, targets, expected) => {
    expect(effectivePolicy(brandDefault, overrides, post('u-author', ...targets))).toBe(expected);
  });
});

describe('approvalPath', () => {
  it.each<[string, TreePage[], PathContext, string[]]>([
    ['a market post with no warnings needs only the always step', [fb.germany], NO_ISSUES, ['market']],
    ['a post on the global page goes to the brand team, not to a market manager no one could be', [fb.global], NO_ISSUES, ['brand']],
    ['guardrail warnings add the brand team and legal', [fb.germany], WARNED, ['market', 'brand', 'legal']],
    ['a step applying for two reasons appears once', [fb.global, fb.germany], WARNED, ['brand', 'legal']],
    ['a post on the same market on two networks keeps its market step', [fb.france, igFrance], NO_ISSUES, ['market']],
    ['a post spanning two markets has no market step, and here no step at all', [fb.france, fb.germany], NO_ISSUES, []],
    ['a post on a region page has no market step', [fb.emea], WARNED, ['brand', 'legal']],
  ])('%s', (_case, targets, context, expected) => {
    expect(stepIds(approvalPath(post('u-author', ...targets), brandDefault, context))).toEqual(expected);
  });

  const spanningPolicy: ApprovalPolicy = { steps: [marketStep, { ...brandStep, when: ['targets-global-page', 'spans-markets'] }] };
  it.each<[string, TreePage[], string[]]>([
    ['two markets go to the brand team', [fb.france, fb.germany], ['brand']],
    ['a region page goes to the brand team', [fb.emea], ['brand']],
    ['the global segment page goes to the brand team', [fb.globalDeveloper], ['brand']],
    ['one market on two networks stays with its manager', [fb.france, igFrance], ['market']],
    ['both language variants of one market stay with its manager', [fb.belgiumFr, fb.belgiumNl], ['market']],
  ])('with a spans-markets step, %s', (_case, targets, expected) => {
    expect(stepIds(approvalPath(post('u-author', ...targets), spanningPolicy, NO_ISSUES))).toEqual(expected);
  });

  it('ignores errors for the warnings condition (a post with errors is never submitted)', () => {
    const path = approvalPath(post('u-author', fb.germany), brandDefault, { guardrailIssues: [{ severity: 'error' }] });
    expect(stepIds(path)).toEqual(['market']);
  });

  it('follows a market override for a post on that market', () => {
    const target = post('u-author', fb.france);
    expect(stepIds(approvalPath(target, effectivePolicy(brandDefault, overrides, target), WARNED))).toEqual(['fr-lead']);
  });

  it('describes who may approve each step', () => {
    const path = approvalPath(post('u-author', fb.germany, fb.germanyConsumer), brandDefault, WARNED);
    expect(path.map((pathStep) => pathStep.approvers)).toEqual(['any MARKET_MANAGER of DE', 'any BRAND_ADMIN of the brand', 'each of u-legal1, u-legal2']);
    const byNamedUsers = { steps: [{ ...marketStep, approvers: { role: 'PUBLISHER' as const, scope: 'brand' as const } }] };
    expect(approvalPath(post('u-author', fb.france, fb.germany), byNamedUsers, NO_ISSUES)[0]!.approvers).toBe('any PUBLISHER of the brand');
  });

  it('leaves the author out of the users an "all" step waits for', () => {
    const [, , legal] = approvalPath(post('u-legal1', fb.germany), brandDefault, WARNED);
    expect(legal).toMatchObject({ requiredUserIds: ['u-legal2'], problem: null });
  });

  it('flags a step whose only named approver is the author, since nobody could complete it', () => {
    const policy = { steps: [{ ...legalStep, approvers: { userIds: ['u-author'] }, when: 'always' as const }] };
    expect(approvalPath(post('u-author', fb.germany), policy, NO_ISSUES)[0]!.problem).not.toBeNull();
  });
});

describe('progress along the path', () => {
  const target = post('u-author', fb.germany);
  const path = approvalPath(target, brandDefault, WARNED);
  const approve = (stepId: string, userId: string): ApprovalDecision => ({ stepId, userId });

  it.each<[string, ApprovalDecision[], string | null]>([
    ['waits for the first step before any decision', [], 'market'],
    ['moves on once one approver of an "any" step approves', [approve('market', 'u-fr-manager')], 'brand'],
    ['ignores the author approving their own post', [approve('market', 'u-author')], 'market'],
    ['ignores an approval recorded on another step', [approve('brand', 'u-brand')], 'market'],
    ['keeps an "all" step pending until every named user approves', [approve('market', 'm'), approve('brand', 'b'), approve('legal', 'u-legal1')], 'legal'],
    ['ignores someone not named on a named-users step', [approve('market', 'm'), approve('brand', 'b'), approve('legal', 'u-legal1'), approve('legal', 'u-other')], 'legal'],
    ['is done when every step is complete', [approve('market', 'm'), approve('brand', 'b'), approve('legal', 'u-legal1'), approve('legal', 'u-legal2')], null],
  ])('%s', (_case, decisions, expected) => {
    expect(nextPendingStep(path, decisions, target)?.step.id ?? null).toBe(expected);
    expect(isFullyApproved(path, decisions, target)).toBe(expected === null);
  });

  it('fires approveStep for an intermediate approval and approve for the one that completes the path', () => {
    const before = [approve('market', 'm'), approve('brand', 'b'), approve('legal', 'u-legal1')];
    expect(approvalEvent(path, [], approve('market', 'm'), target)).toBe('approveStep');
    expect(approvalEvent(path, before, approve('legal', 'u-legal2'), target)).toBe('approve');
  });

  it('treats an empty path as approved', () => {
    expect(isFullyApproved([], [], target)).toBe(true);
  });

  it('never completes a step with a problem', () => {
    const broken = approvalPath(post('u-author', fb.germany), { steps: [{ ...marketStep, mode: 'all' }] }, NO_ISSUES);
    expect(nextPendingStep(broken, [approve('market', 'm')], target)?.step.id).toBe('market');
  });
});

describe('mayApproveStep', () => {
  const frManager = user('u-fr-manager', grantAt('MARKET_MANAGER', fb.france));
  const deManager = user('u-de-manager', grantAt('MARKET_MANAGER', fb.germany));
  const igFrManager = user('u-ig-fr-manager', grantAt('MARKET_MANAGER', igFrance));
  const bothFr = user('u-fr-both', grantAt('MARKET_MANAGER', fb.france), grantAt('MARKET_MANAGER', igFrance));
  const brandAdmin = user('u-brand', grantAt('BRAND_ADMIN', fb.global));
  const otherBrandAdmin = user('u-other-brand', grantAt('BRAND_ADMIN', fb.global, 'B2'));
  const frPublisher = user('u-fr-publisher', grantAt('PUBLISHER', fb.france));
  const legal = user('u-legal1');

  it.each<[string, ApprovalStep, Approver, PostUnderApproval, boolean]>([
    ['FR manager approves a FR post', marketStep, frManager, post('u-author', fb.france), true],
    ['FR manager approves a post on a FR segment page', marketStep, frManager, post('u-author', fb.franceDeveloper), true],
    ['FR manager cannot approve a DE post', marketStep, frManager, post('u-author', fb.germany), false],
    ['DE manager cannot approve a post spanning FR and DE', marketStep, deManager, post('u-author', fb.france, fb.germany), false],
    ['FR manager on facebook cannot approve the Instagram FR page', marketStep, frManager, post('u-author', fb.france, igFrance), false],
    ['FR manager on both networks approves a post on both', marketStep, bothFr, post('u-author', fb.france, igFrance), true],
    ['Instagram FR manager approves an Instagram FR post', marketStep, igFrManager, post('u-author', igFrance), true],
    ['FR manager cannot approve their own FR post', marketStep, frManager, post('u-fr-manager', fb.france), false],
    ['FR publisher cannot approve a manager step', marketStep, frPublisher, post('u-author', fb.france), false],
    ['a brand admin does not stand in for a market manager step', marketStep, brandAdmin, post('u-author', fb.france), false],
    ['a brand admin approves the brand step', brandStep, brandAdmin, post('u-author', fb.global), true],
    ['another brand admin cannot approve the brand step', brandStep, otherBrandAdmin, post('u-author', fb.global), false],
    ['a market manager cannot approve the brand step', brandStep, frManager, post('u-author', fb.france), false],
    ['a named user approves their step', legalStep, legal, post('u-author', fb.france), true],
    ['someone not named cannot approve a named-users step', legalStep, brandAdmin, post('u-author', fb.france), false],
    ['a named user cannot approve their own post', legalStep, legal, post('u-legal1', fb.france), false],
    ['nobody approves a market step of a post without targets', marketStep, frManager, post('u-author'), false],
  ])('%s', (_case, step, approver, target, expected) => {
    expect(mayApproveStep(step, approver, target)).toBe(expected);
  });
});

describe('policyIssues', () => {
  it('finds nothing wrong with the brand default', () => {
    expect(policyIssues(brandDefault)).toEqual([]);
  });

  it.each<[string, ApprovalPolicy, string[]]>([
    ['no steps', { steps: [] }, ['NO_ALWAYS_STEP']],
    ['no step that always applies', { steps: [brandStep] }, ['NO_ALWAYS_STEP']],
    ['two steps with one id', { steps: [marketStep, { ...marketStep }] }, ['DUPLICATE_STEP_ID']],
    ['a step naming nobody', { steps: [marketStep, { ...legalStep, approvers: { userIds: [] } }] }, ['NO_APPROVERS']],
    ['"all" of a role', { steps: [{ ...marketStep, mode: 'all' }] }, ['ALL_NEEDS_NAMED_USERS']],
    ['a market role at brand scope', { steps: [{ ...marketStep, approvers: { role: 'MARKET_MANAGER', scope: 'brand' } }] }, ['ROLE_NEVER_AT_SCOPE']],
    ['the platform admin', { steps: [{ ...marketStep, approvers: { role: 'PLATFORM_ADMIN', scope: 'post-market' } }] }, ['ROLE_NEVER_AT_SCOPE']],
    ['a step with an empty condition list', { steps: [marketStep, { ...brandStep, when: [] }] }, ['NO_CONDITION']],
  ])('flags %s', (_case, policy, expected) => {
    expect(policyIssues(policy).map((issue) => issue.code)).toEqual(expected);
  });
});
