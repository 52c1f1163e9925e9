import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GUARDRAIL_CODES, POST_EVENTS, POST_STATES, STEP_CONDITIONS, type GuardrailCode, type PostState, type Role, type StepCondition } from '@pivot/domain';
import { RoleEnum } from '../../access/access.types';
import { ConnectionType } from '../../graphql/connection';
import { POST_EVENT_KINDS, type PostEventKind } from './post-event.entity';

const asEnum = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;

export const PostStateEnum = asEnum(POST_STATES);
export const PostActionEnum = asEnum(POST_EVENTS);
export const PostEventKindEnum = asEnum(POST_EVENT_KINDS);
export const GuardrailCodeEnum = asEnum(GUARDRAIL_CODES);
export const GuardrailSeverityEnum = asEnum(['error', 'warning'] as const);
export const MediaKindEnum = asEnum(['image', 'video'] as const);
export const StepConditionEnum = asEnum(STEP_CONDITIONS.map((c) => c.toUpperCase().replace(/-/g, '_')) as Uppercased[]);
export const ApproverScopeEnum = asEnum(['POST_MARKET', 'BRAND'] as const);
export const StepModeEnum = asEnum(['ANY', 'ALL'] as const);
export const ApprovalStepStatusEnum = asEnum(['APPROVED', 'CURRENT', 'WAITING'] as const);
type Uppercased = 'ALWAYS' | 'TARGETS_GLOBAL_PAGE' | 'HAS_GUARDRAIL_WARNINGS' | 'SPANS_MARKETS';
registerEnumType(PostStateEnum, { name: 'PostState', description: 'DESIGN §5: DRAFT → IN_REVIEW → APPROVED → SCHEDULED → PUBLISHED, and the side states.' });
registerEnumType(PostActionEnum, { name: 'PostAction', description: 'The moves of the post state machine.' });
registerEnumType(PostEventKindEnum, { name: 'PostEventKind' });
registerEnumType(GuardrailCodeEnum, { name: 'GuardrailCode' });
registerEnumType(GuardrailSeverityEnum, { name: 'GuardrailSeverity', description: 'error blocks submission; warning may add approval steps.' });
registerEnumType(MediaKindEnum, { name: 'MediaKind' });
registerEnumType(StepConditionEnum, { name: 'StepCondition', description: 'When an approval step applies.' });
registerEnumType(ApproverScopeEnum, { name: 'ApproverScope', description: "POST_MARKET: a holder whose scope covers every target; BRAND: a holder at the brand's global page." });
registerEnumType(StepModeEnum, { name: 'StepMode', description: 'ANY: one approval completes the step; ALL: every named user must approve.' });
registerEnumType(ApprovalStepStatusEnum, { name: 'ApprovalStepStatus' });

export const conditionToGraphql = (condition: StepCondition): Uppercased => condition.toUpperCase().replace(/-/g, '_') as Uppercased;
export const conditionFromGraphql = (condition: Uppercased): StepCondition => condition.toLowerCase().replace(/_/g, '-') as StepCondition;

@ObjectType('MediaRef', { description: 'A picture or video of the media library.' })
export class MediaRefType {
  @Field(() => ID)
  id: string;

  @Field(() => MediaKindEnum)
  kind: 'image' | 'video';
}

@InputType()
export class MediaRefInput {
  @Field(() => ID)
  id: string;

  @Field(() => MediaKindEnum)
  kind: 'image' | 'video';
}

@ObjectType('Post', { description: 'A post for one or more pages of one brand.' })
export class PostType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  brandId: string;

  @Field(() => [ID], { description: 'The scope of the lowest common ancestor of the targets: who may see the post.' })
  scopeIds: string[];

  @Field(() => String)
  body: string;

  @Field(() => String, { nullable: true })
  link: string | null;

  @Field(() => [MediaRefType])
  media: MediaRefType[];

  @Field(() => String, { description: 'BCP 47 tag of the body.' })
  locale: string;

  @Field(() => Date, { nullable: true })
  publishAt: Date | null;

  @Field(() => ID)
  authorId: string;

  @Field(() => PostStateEnum)
  state: PostState;

  @Field(() => Int, { description: 'Pass it back with every change: a stale one is refused with CONFLICT.' })
  version: number;

  @Field(() => ID, { nullable: true })
  parentPostId: string | null;

  @Field(() => Date, { nullable: true })
  submittedAt: Date | null;

  @Field(() => ID, { nullable: true, description: 'Who submitted the current round: the author, or for a cascade child whoever localized it in the market. They may not approve it.' })
  submittedById: string | null;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date)
  updatedAt: Date;
}

export const PostConnection = ConnectionType(PostType, 'Post');

@ObjectType('PostTimelineEntry', { description: 'One transition, decision or comment on a post.' })
export class PostTimelineEntryType {
  @Field(() => ID)
  id: string;

  @Field(() => PostEventKindEnum)
  kind: PostEventKind;

  @Field(() => ID, { nullable: true, description: 'null for the system.' })
  actorId: string | null;

  @Field(() => Date)
  occurredAt: Date;

  @Field(() => PostStateEnum, { nullable: true })
  fromState: PostState | null;

  @Field(() => PostStateEnum, { nullable: true })
  toState: PostState | null;

  @Field(() => Int)
  version: number;

  @Field(() => String, { nullable: true, description: 'The approval step an approval counts for.' })
  stepId: string | null;

  @Field(() => String, { nullable: true })
  comment: string | null;
}

@ObjectType('ApprovalPathStep')
export class ApprovalPathStepType {
  @Field(() => String)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => String, { description: 'Who may approve, in words ("any MARKET_MANAGER of FR").' })
  approvers: string;

  @Field(() => StepModeEnum)
  mode: 'ANY' | 'ALL';

  @Field(() => [ID], { nullable: true, description: 'ALL steps: the users who must each approve.' })
  requiredUserIds: string[] | null;

  @Field(() => [ID], { description: 'Who approved this step in the current review round.' })
  approvedBy: string[];

  @Field(() => ApprovalStepStatusEnum)
  status: 'APPROVED' | 'CURRENT' | 'WAITING';

  @Field(() => String, { nullable: true, description: 'Why nobody can ever complete this step.' })
  problem: string | null;
}

@ObjectType('ApprovalPath', { description: 'Who must approve this post, and which step is current.' })
export class ApprovalPathType {
  @Field(() => [ApprovalPathStepType])
  steps: ApprovalPathStepType[];

  @Field(() => String, { nullable: true, description: 'null when every step is approved (or nothing is in review).' })
  currentStepId: string | null;

  @Field(() => Boolean, { description: 'True for a draft: what the path would be if submitted now.' })
  preview: boolean;
}

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

@InputType()
export class CreatePostInput {
  @Field(() => ID)
  brandId: string;

  @Field(() => [ID], { description: 'One or more pages of the brand.' })
  targetPageIds: string[];

  @Field(() => String)
  body: string;

  @Field(() => String, { nullable: true })
  link?: string | null;

  @Field(() => [MediaRefInput], { nullable: true })
  media?: MediaRefInput[] | null;

  @Field(() => String)
  locale: string;

  @Field(() => Date, { nullable: true })
  publishAt?: Date | null;
}

@InputType()
export class UpdatePostInput {
  @Field(() => [ID], { nullable: true })
  targetPageIds?: string[] | null;

  @Field(() => String, { nullable: true })
  body?: string | null;

  @Field(() => String, { nullable: true, description: 'An empty string removes the link.' })
  link?: string | null;

  @Field(() => [MediaRefInput], { nullable: true })
  media?: MediaRefInput[] | null;

  @Field(() => String, { nullable: true })
  locale?: string | null;

  @Field(() => Date, { nullable: true })
  publishAt?: Date | null;

  @Field(() => Boolean, { nullable: true, description: 'True removes the publish time.' })
  clearPublishAt?: boolean | null;
}

@InputType()
export class PostFilterInput {
  @Field(() => ID, { nullable: true })
  brandId?: string | null;

  @Field(() => [PostStateEnum], { nullable: true })
  states?: PostState[] | null;

  @Field(() => ID, { nullable: true, description: 'Posts that target this page.' })
  pageId?: string | null;

  @Field(() => ID, { nullable: true })
  authorId?: string | null;

  @Field(() => ID, { nullable: true, description: "Posts with a target in this page's subtree (a market: its page and its segments)." })
  underPageId?: string | null;

  @Field(() => Date, { nullable: true, description: 'Posts whose publish time is at or after this (posts without one are left out).' })
  publishFrom?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Posts whose publish time is before this (posts without one are left out).' })
  publishBefore?: Date | null;
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
