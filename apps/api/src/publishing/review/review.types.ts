import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { asEnum } from '../../graphql/enum-type';
import { StepModeEnum } from '../rules/publishing-rules.types';

export const ApprovalStepStatusEnum = asEnum(['APPROVED', 'CURRENT', 'WAITING'] as const);
registerEnumType(ApprovalStepStatusEnum, { name: 'ApprovalStepStatus' });

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
