import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { NAME_MAX_LENGTH, validateName, type ApprovalStep, type BrandGuardrails } from '@pivot/domain';
import { CurrentActor } from '../../auth/current-actor.decorator';
import type { Actor } from '../../auth/request-context';
import { AppError, assertUuid } from '../../errors/app-error';
import type { ApprovalPolicyEntity } from './approval-policy.entity';
import { MediaRefType } from '../posts/post.types';
import {
  ApprovalPolicyType,
  ApprovalStepInput,
  BrandGuardrailsInput,
  BrandGuardrailsType,
  conditionFromGraphql,
  conditionToGraphql,
  GuardrailReportType,
  SetApprovalPolicyInput,
} from './publishing-rules.types';
import { PublishingRulesService } from './publishing-rules.service';

@Resolver(() => ApprovalPolicyType)
export class PublishingRulesResolver {
  constructor(private readonly rules: PublishingRulesService) {}

  @Query(() => BrandGuardrailsType, { description: "The brand's banned terms, required hashtags and allowed link domains." })
  async brandGuardrails(@CurrentActor() actor: Actor, @Args('brandId', { type: () => ID }) brandId: string): Promise<BrandGuardrailsType> {
    return guardrailsType(brandId, await this.rules.guardrails(actor, brandId));
  }

  @Mutation(() => BrandGuardrailsType, { description: 'Replaces the brand guardrails (brand team).' })
  async setBrandGuardrails(
    @CurrentActor() actor: Actor,
    @Args('brandId', { type: () => ID }) brandId: string,
    @Args('input', { type: () => BrandGuardrailsInput }) input: BrandGuardrailsInput,
  ): Promise<BrandGuardrailsType> {
    const saved = await this.rules.setGuardrails(actor, brandId, { ...input, missingHashtagSeverity: input.missingHashtagSeverity ?? undefined });
    return guardrailsType(brandId, saved);
  }

  @Query(() => GuardrailReportType, { description: "The composer's live check: the brand's guardrails and the network's limits, with positions in the body." })
  checkGuardrails(
    @CurrentActor() actor: Actor,
    @Args('brandId', { type: () => ID }) brandId: string,
    @Args('network', { type: () => String }) network: string,
    @Args('body', { type: () => String }) body: string,
    @Args('link', { type: () => String, nullable: true }) link?: string | null,
    @Args('media', { type: () => [MediaRefType], nullable: true }) media?: MediaRefType[] | null,
  ) {
    return this.rules.check(actor, brandId, network, { body, link: link ?? null, media: media ?? [] });
  }

  @Query(() => [ApprovalPolicyType], { description: "The brand default (the built-in one, version 0, until the brand saves its own) and each market's override." })
  async approvalPolicies(@CurrentActor() actor: Actor, @Args('brandId', { type: () => ID }) brandId: string): Promise<ApprovalPolicyType[]> {
    return (await this.rules.policies(actor, brandId)).map(policyType);
  }

  @Mutation(() => ApprovalPolicyType, { nullable: true, description: 'Saves the brand default or a market override; null when an override is removed.' })
  async setApprovalPolicy(@CurrentActor() actor: Actor, @Args('input', { type: () => SetApprovalPolicyInput }) input: SetApprovalPolicyInput) {
    const saved = await this.rules.setPolicy(actor, input.brandId, input.country ?? null, input.steps.map(stepFrom));
    return saved ? policyType(saved) : null;
  }
}

function guardrailsType(brandId: string, guardrails: BrandGuardrails): BrandGuardrailsType {
  return {
    brandId,
    bannedTerms: [...guardrails.bannedTerms],
    requiredHashtags: [...guardrails.requiredHashtags],
    missingHashtagSeverity: guardrails.missingHashtagSeverity,
    allowedLinkDomains: guardrails.allowedLinkDomains ? [...guardrails.allowedLinkDomains] : null,
  };
}

function stepFrom(input: ApprovalStepInput, index: number): ApprovalStep {
  const field = `steps[${index}]`;
  const byRole = input.role != null;
  const byUsers = input.userIds != null;
  if (byRole === byUsers || (byRole && input.scope == null)) {
    throw AppError.badInput(`${field}: name either a role with its scope or users`, [{ field, message: 'needs either role and scope, or userIds' }]);
  }
  const id = input.id.trim();
  const name = input.name.trim();
  if (!/^[a-z0-9][a-z0-9-]{0,59}$/u.test(id)) throw AppError.badInput(`${field}.id: lower-case letters, digits and -`, [{ field: `${field}.id`, message: 'must be 1–60 of a-z, 0-9, -' }]);
  if (validateName(name).length) throw AppError.badInput(`${field}.name: 1–${NAME_MAX_LENGTH} characters`, [{ field: `${field}.name`, message: `must be 1–${NAME_MAX_LENGTH} characters` }]);
  return {
    id,
    name,
    approvers: byRole
      ? { role: input.role!, scope: input.scope === 'BRAND' ? 'brand' : 'post-market' }
      : { userIds: [...new Set(input.userIds!.map((userId) => assertUuid(userId, `${field}.userIds`)))] },
    mode: input.mode === 'ALL' ? 'all' : 'any',
    when: [...new Set(input.when.map(conditionFromGraphql))],
  };
}

function policyType(policy: ApprovalPolicyEntity): ApprovalPolicyType {
  return {
    id: policy.id,
    brandId: policy.brandId,
    country: policy.country,
    version: policy.version,
    steps: policy.steps.map((step) => ({
      id: step.id,
      name: step.name,
      role: 'role' in step.approvers ? step.approvers.role : null,
      scope: 'role' in step.approvers ? (step.approvers.scope === 'brand' ? 'BRAND' : 'POST_MARKET') : null,
      userIds: 'userIds' in step.approvers ? [...step.approvers.userIds] : null,
      mode: step.mode === 'all' ? 'ALL' : 'ANY',
      when: (typeof step.when === 'string' ? [step.when] : [...step.when]).map(conditionToGraphql),
    })),
  };
}
