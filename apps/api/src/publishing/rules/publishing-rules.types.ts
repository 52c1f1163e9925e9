import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GUARDRAIL_CODES, STEP_CONDITIONS, type GuardrailCode, type Role, type StepCondition } from '@pivot/domain';
import { RoleEnum } from '../../access/access.types';
import { asEnum } from '../../graphql/enum-type';

export const GuardrailCodeEnum = asEnum(GUARDRAIL_CODES);
export const GuardrailSeverityEnum = asEnum(['error', 'warning'] as const);
export const StepConditionEnum = asEnum(STEP_CONDITIONS.map((c) => c.toUpperCase().replace(/-/g, '_')) as Uppercased[]);
export const ApproverScopeEnum = asEnum(['POST_MARKET', 'BRAND'] as const);
export const StepModeEnum = asEnum(['ANY', 'ALL'] as const);
type Uppercased = 'ALWAYS' | 'TARGETS_GLOBAL_PAGE' | 'HAS_GUARDRAIL_WARNINGS' | 'SPANS_MARKETS';
registerEnumType(GuardrailCodeEnum, { name: 'GuardrailCode' });
registerEnumType(GuardrailSeverityEnum, { name: 'GuardrailSeverity', description: 'error blocks submission; warning may add approval steps.' });
registerEnumType(StepConditionEnum, { name: 'StepCondition', description: 'When an approval step applies.' });
registerEnumType(ApproverScopeEnum, { name: 'ApproverScope', description: "POST_MARKET: a holder whose scope covers every target; BRAND: a holder at the brand's global page." });
registerEnumType(StepModeEnum, { name: 'StepMode', description: 'ANY: one approval completes the step; ALL: every named user must approve.' });

export const conditionToGraphql = (condition: StepCondition): Uppercased => condition.toUpperCase().replace(/-/g, '_') as Uppercased;
export const conditionFromGraphql = (condition: Uppercased): StepCondition => condition.toLowerCase().replace(/_/g, '-') as StepCondition;

@ObjectType('GuardrailIssue')
export class GuardrailIssueType {
  @Field(() => GuardrailCodeEnum)
  code: GuardrailCode;

  @Field(() => GuardrailSeverityEnum)
  severity: 'error' | 'warning';

  @Field(() => String)
  message: string;

  @Field(() => String, { nullable: true, description: 'body, link or media; null for the whole post.' })
  field: string | null;

  @Field(() => Int, { nullable: true, description: 'UTF-16 offset in the body.' })
  start: number | null;

  @Field(() => Int, { nullable: true })
  end: number | null;

  @Field(() => String, { nullable: true })
  network: string | null;
}

@ObjectType('GuardrailReport')
export class GuardrailReportType {
  @Field(() => [GuardrailIssueType])
  issues: GuardrailIssueType[];

  @Field(() => Boolean, { description: 'True when an issue is an error: submitting is refused.' })
  blocking: boolean;
}

@ObjectType('BrandGuardrails')
export class BrandGuardrailsType {
  @Field(() => ID)
  brandId: string;

  @Field(() => [String])
  bannedTerms: string[];

  @Field(() => [String])
  requiredHashtags: string[];

  @Field(() => GuardrailSeverityEnum)
  missingHashtagSeverity: 'error' | 'warning';

  @Field(() => [String], { nullable: true, description: 'null: any domain; empty: no links at all.' })
  allowedLinkDomains: string[] | null;
}

@InputType()
export class BrandGuardrailsInput {
  @Field(() => [String])
  bannedTerms: string[];

  @Field(() => [String])
  requiredHashtags: string[];

  @Field(() => GuardrailSeverityEnum, { nullable: true, description: 'Defaults to warning.' })
  missingHashtagSeverity?: 'error' | 'warning' | null;

  @Field(() => [String], { nullable: true, description: 'null: any domain; empty: no links at all.' })
  allowedLinkDomains?: string[] | null;
}

@ObjectType('ApprovalStep')
export class ApprovalStepType {
  @Field(() => String)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => RoleEnum, { nullable: true, description: 'Set when a role approves.' })
  role: Role | null;

  @Field(() => ApproverScopeEnum, { nullable: true })
  scope: 'POST_MARKET' | 'BRAND' | null;

  @Field(() => [ID], { nullable: true, description: 'Set when named users approve.' })
  userIds: string[] | null;

  @Field(() => StepModeEnum)
  mode: 'ANY' | 'ALL';

  @Field(() => [StepConditionEnum], { description: 'The step applies when any of these holds.' })
  when: Uppercased[];
}

@ObjectType('ApprovalPolicy')
export class ApprovalPolicyType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  brandId: string;

  @Field(() => String, { nullable: true, description: "The market's country; null for the brand default." })
  country: string | null;

  @Field(() => [ApprovalStepType])
  steps: ApprovalStepType[];

  @Field(() => Int)
  version: number;
}

@InputType()
export class ApprovalStepInput {
  @Field(() => String)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => RoleEnum, { nullable: true, description: 'Either a role (with scope) or userIds.' })
  role?: Role | null;

  @Field(() => ApproverScopeEnum, { nullable: true })
  scope?: 'POST_MARKET' | 'BRAND' | null;

  @Field(() => [ID], { nullable: true })
  userIds?: string[] | null;

  @Field(() => StepModeEnum)
  mode: 'ANY' | 'ALL';

  @Field(() => [StepConditionEnum])
  when: Uppercased[];
}

@InputType()
export class SetApprovalPolicyInput {
  @Field(() => ID)
  brandId: string;

  @Field(() => String, { nullable: true, description: "A market's country for an override; null for the brand default." })
  country?: string | null;

  @Field(() => [ApprovalStepInput], { description: 'An empty list removes a market override (the brand default applies again).' })
  steps: ApprovalStepInput[];
}
