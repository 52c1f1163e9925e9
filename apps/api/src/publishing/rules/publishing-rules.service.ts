import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  approvalPath,
  approvalTargetsOf,
  checkDraft,
  effectivePolicy,
  isCountryCode,
  normalizeDomain,
  policyIssues,
  type ApprovalPathStep,
  type ApprovalPolicy,
  type ApprovalStep,
  type ApprovalTarget,
  type BrandGuardrails,
  type GuardrailReport,
  type PostDraft,
} from '@pivot/domain';
import { In, IsNull, type DataSource, type EntityManager } from 'typeorm';
import { authorize, canRead } from '../../access/authorize';
import { AuditService } from '../../audit/audit.service';
import type { Actor } from '../../auth/request-context';
import { User } from '../../auth/user.entity';
import { translateDatabaseError } from '../../database/database-errors';
import { AppError, assertUuid } from '../../errors/app-error';
import { Brand } from '../../hierarchy/brand.entity';
import { Page } from '../../hierarchy/page.entity';
import { ApprovalPolicyEntity } from './approval-policy.entity';

/** A brand that has set no guardrails checks only the networks' own limits. */
export const NO_GUARDRAILS: BrandGuardrails = { bannedTerms: [], requiredHashtags: [], missingHashtagSeverity: 'warning', allowedLinkDomains: null };

/**
 * The policy of a brand that has saved none (DESIGN §5): the market's manager approves; the brand
 * team too when the post targets the global page, spans several markets or trips a guardrail
 * warning (alone when no single market's manager covers the post).
 */
export const DEFAULT_APPROVAL_POLICY: ApprovalPolicy = {
  steps: [
    { id: 'market', name: 'Market manager', approvers: { role: 'MARKET_MANAGER', scope: 'post-market' }, mode: 'any', when: 'always' },
    { id: 'brand', name: 'Brand team', approvers: { role: 'BRAND_ADMIN', scope: 'brand' }, mode: 'any', when: ['targets-global-page', 'spans-markets', 'has-guardrail-warnings'] },
  ],
};

const MAX_TERMS = 500;

type ReviewedPost = { brandId: string; authorId: string } & PostDraft;

export interface PostReview {
  report: GuardrailReport;
  targets: ApprovalTarget[];
  path: ApprovalPathStep[];
}

/** The brand's publishing rules: guardrails and approval policies, and what they say about one post. */
@Injectable()
export class PublishingRulesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async guardrails(actor: Actor, brandId: string, manager: EntityManager = this.dataSource.manager): Promise<BrandGuardrails> {
    const brand = await manager.findOneBy(Brand, { id: assertUuid(brandId, 'brandId') });
    if (!brand || !canRead(actor, 'BrandGuardrails', { brandId: brand.id })) throw AppError.notFound('Brand');
    return brand.guardrails ?? NO_GUARDRAILS;
  }

  async setGuardrails(actor: Actor, brandId: string, input: Partial<BrandGuardrails>): Promise<BrandGuardrails> {
    const id = assertUuid(brandId, 'brandId');
    const clean = (list: readonly string[] | undefined | null) => [...new Set((list ?? []).map((item) => item.trim()).filter((item) => item !== ''))];
    const guardrails: BrandGuardrails = {
      bannedTerms: clean(input.bannedTerms),
      requiredHashtags: clean(input.requiredHashtags).map((tag) => tag.replace(/^#/u, '')),
      missingHashtagSeverity: input.missingHashtagSeverity ?? 'warning',
      allowedLinkDomains: input.allowedLinkDomains == null ? null : clean(input.allowedLinkDomains.map(normalizeDomain)),
    };
    const problems = [];
    if (guardrails.bannedTerms.length > MAX_TERMS) problems.push({ field: 'bannedTerms', message: `at most ${MAX_TERMS}` });
    if (guardrails.requiredHashtags.some((tag) => !/^[\p{L}\p{M}\p{N}_]+$/u.test(tag))) problems.push({ field: 'requiredHashtags', message: 'must be letters, digits or _' });
    if (guardrails.allowedLinkDomains?.some((domain) => !/^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+$/u.test(domain))) {
      problems.push({ field: 'allowedLinkDomains', message: 'must be domains such as brand.com' });
    }
    if (problems.length) throw AppError.invalidFields(problems);
    return this.dataSource.transaction(async (tx) => {
      const brand = await tx.findOne(Brand, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!brand || !canRead(actor, 'Brand', brand)) throw AppError.notFound('Brand');
      authorize(actor, 'update', 'BrandGuardrails', { brandId: brand.id });
      await tx.update(Brand, { id }, { guardrails });
      await this.audit.record(tx, actor, {
        action: 'brand.guardrails',
        subjectType: 'Brand',
        subjectId: id,
        brandId: id,
        scopeIds: [],
        before: { guardrails: brand.guardrails },
        after: { guardrails },
      });
      return guardrails;
    });
  }

  async policies(actor: Actor, brandId: string): Promise<ApprovalPolicyEntity[]> {
    const id = assertUuid(brandId, 'brandId');
    if (!canRead(actor, 'ApprovalPolicy', { brandId: id })) throw AppError.notFound('Brand');
    const rows = await this.dataSource.getRepository(ApprovalPolicyEntity).find({ where: { brandId: id }, order: { country: { direction: 'ASC', nulls: 'FIRST' } } });
    // The built-in default stands until the brand saves its own.
    return rows.some((row) => row.country === null) ? rows : [this.builtInDefault(id), ...rows];
  }

  async setPolicy(actor: Actor, brandId: string, country: string | null, steps: ApprovalStep[]): Promise<ApprovalPolicyEntity | null> {
    const id = assertUuid(brandId, 'brandId');
    const market = country?.trim() ? country.trim().toUpperCase() : null;
    if (market !== null && !isCountryCode(market)) throw AppError.badInput('country is not a country', [{ field: 'country', message: 'is not an ISO 3166-1 code' }]);
    return this.dataSource
      .transaction(async (tx) => {
        const brand = await tx.findOne(Brand, { where: { id }, lock: { mode: 'pessimistic_write' } });
        if (!brand || !canRead(actor, 'ApprovalPolicy', { brandId: id })) throw AppError.notFound('Brand');
        authorize(actor, 'update', 'ApprovalPolicy', { brandId: id });
        const removing = market !== null && steps.length === 0;
        const issues = removing ? [] : policyIssues({ steps });
        if (issues.length) {
          throw new AppError('BAD_USER_INPUT', issues[0]!.message, { fields: [{ field: 'steps', message: issues[0]!.message }], policyIssues: issues });
        }
        const named = [...new Set(steps.flatMap((step) => ('userIds' in step.approvers ? step.approvers.userIds : [])))];
        if (named.length && (await tx.countBy(User, { id: In(named), disabled: false })) !== named.length) {
          throw AppError.badInput('A step names a user who does not exist or is disabled', [{ field: 'steps', message: 'names an unknown or disabled user' }]);
        }
        const existing = await tx.findOneBy(ApprovalPolicyEntity, { brandId: id, country: market === null ? IsNull() : market });
        const before = existing ? { country: existing.country, steps: existing.steps } : null;
        if (removing) {
          if (!existing) return null;
          await tx.delete(ApprovalPolicyEntity, { id: existing.id });
          await this.auditPolicy(tx, actor, existing.id, id, before, null);
          return null;
        }
        const saved = await tx.save(
          existing
            ? Object.assign(existing, { steps, version: existing.version + 1 })
            : tx.create(ApprovalPolicyEntity, { id: randomUUID(), brandId: id, country: market, steps, version: 1 }),
        );
        await this.auditPolicy(tx, actor, saved.id, id, before, { country: saved.country, steps });
        return saved;
      })
      .catch((error) => translateDatabaseError(error, 'Someone else saved this policy at the same time; reload and retry'));
  }

  /**
   * What the rules say about a post on `targetPageIds`: its guardrail report, its targets as
   * approval sees them, and the path its brand's (or market's) policy gives it.
   */
  async review(manager: EntityManager, post: ReviewedPost, targetPageIds: readonly string[]): Promise<PostReview> {
    return (await this.reviewMany(manager, [{ post, targetPageIds }]))[0]!;
  }

  /** `review` for many posts at once, in four statements whatever their number (lists ask for previews). */
  async reviewMany(manager: EntityManager, items: readonly { post: ReviewedPost; targetPageIds: readonly string[] }[]): Promise<PostReview[]> {
    const { pages, chain } = await this.pagesFor(manager, items.flatMap((item) => item.targetPageIds));
    const brandIds = [...new Set(items.map((item) => item.post.brandId))];
    const brands = await manager.findBy(Brand, { id: inList(brandIds) });
    const policies = await manager.findBy(ApprovalPolicyEntity, { brandId: inList(brandIds) });
    return items.map(({ post, targetPageIds }) => {
      const guardrails = brands.find((brand) => brand.id === post.brandId)?.guardrails ?? NO_GUARDRAILS;
      const networks = targetPageIds.flatMap((id) => pages.filter((page) => page.id === id).map((page) => page.network));
      const report = checkDraft(post, { guardrails, networks });
      const rows = policies.filter((row) => row.brandId === post.brandId);
      const brandDefault = rows.find((row) => row.country === null)?.steps ?? DEFAULT_APPROVAL_POLICY.steps;
      const overrides = rows.filter((row) => row.country !== null).map((row) => ({ country: row.country!, policy: { steps: row.steps } }));
      const underApproval = { brandId: post.brandId, authorId: post.authorId, targets: approvalTargetsOf(chain, targetPageIds) };
      const policy = effectivePolicy({ steps: brandDefault }, overrides, underApproval);
      return { report, targets: underApproval.targets, path: approvalPath(underApproval, policy, { guardrailIssues: report.issues }) };
    });
  }

  /** The targets as approval sees them (market country, scope), without the policy work. */
  async approvalTargets(manager: EntityManager, targetPageIds: readonly string[]): Promise<ApprovalTarget[]> {
    return approvalTargetsOf((await this.pagesFor(manager, targetPageIds)).chain, targetPageIds);
  }

  /** The target pages, and every page on their paths to the root (for their market's country). */
  private async pagesFor(manager: EntityManager, targetPageIds: readonly string[]): Promise<{ pages: Page[]; chain: Page[] }> {
    const pages = await manager.findBy(Page, { id: inList([...new Set(targetPageIds)]) });
    const chain = await manager.find(Page, {
      where: { id: inList([...new Set(pages.flatMap((page) => page.scopeIds))]) },
      select: { id: true, parentId: true, kind: true, country: true },
    });
    return { pages, chain };
  }

  /** A draft's path as it would be if submitted now, outside any transaction. */
  previewMany(items: readonly { post: ReviewedPost; targetPageIds: readonly string[] }[]): Promise<PostReview[]> {
    return this.reviewMany(this.dataSource.manager, items);
  }

  /** The composer's preview: the same check the API makes on submit. */
  async check(actor: Actor, brandId: string, network: string, draft: PostDraft): Promise<GuardrailReport> {
    const guardrails = await this.guardrails(actor, brandId);
    return checkDraft(draft, { guardrails, networks: [network.trim().toLowerCase()] });
  }

  private builtInDefault(brandId: string): ApprovalPolicyEntity {
    return Object.assign(new ApprovalPolicyEntity(), { id: brandId, brandId, country: null, steps: DEFAULT_APPROVAL_POLICY.steps, version: 0 });
  }

  private auditPolicy(tx: EntityManager, actor: Actor, policyId: string, brandId: string, before: object | null, after: object | null): Promise<void> {
    return this.audit.record(tx, actor, { action: 'approvalPolicy.set', subjectType: 'ApprovalPolicy', subjectId: policyId, brandId, scopeIds: [], before, after });
  }
}

function inList(ids: readonly string[]) {
  // TypeORM's In() with an empty list renders "IN ()": an impossible id keeps the SQL valid.
  return In(ids.length ? [...ids] : ['00000000-0000-0000-0000-000000000000']);
}
