import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import type { ReplyPriority } from '@pivot/domain';
import { ConnectionType } from '../../graphql/connection';
import { PatchType } from '../../graphql/patch-type';
import { ReplyPriorityEnum } from '../conversations/conversation.types';

@ObjectType('RoutingPattern')
@InputType('RoutingPatternInput')
export class RoutingPatternType {
  @Field(() => String)
  source: string;

  @Field(() => String, { nullable: true, description: 'Any of i, m, s, u.' })
  flags?: string | null;
}

@ObjectType('RoutingConditions')
@InputType('RoutingConditionsInput')
export class RoutingConditionsType {
  @Field(() => [String], { nullable: true })
  networks?: string[] | null;

  @Field(() => [String], { nullable: true })
  countries?: string[] | null;

  @Field(() => [String], { nullable: true })
  segments?: string[] | null;

  @Field(() => [String], { nullable: true })
  languages?: string[] | null;

  @Field(() => [String], { nullable: true })
  keywords?: string[] | null;

  @Field(() => RoutingPatternType, { nullable: true })
  pattern?: RoutingPatternType | null;

  @Field(() => [String], { nullable: true })
  authorFlags?: string[] | null;
}

@ObjectType('RoutingRule')
export class RoutingRuleType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  brandId: string;

  @Field(() => ID, { description: 'The rule covers items of this page and its subtree.' })
  scopePageId: string;

  @Field(() => String)
  name: string;

  @Field(() => Int, { description: '0-based rank in its scope page list.' })
  position: number;

  @Field(() => RoutingConditionsType)
  conditions: RoutingConditionsType;

  @Field(() => ID)
  queueId: string;

  @Field(() => ReplyPriorityEnum)
  priority: ReplyPriority;

  @Field(() => [String])
  tags: string[];

  @Field(() => Boolean)
  enabled: boolean;

  @Field(() => Int)
  version: number;
}

export const RoutingRuleConnection = ConnectionType(RoutingRuleType, 'RoutingRule');

@InputType()
export class CreateRoutingRuleInput {
  @Field(() => ID)
  scopePageId: string;

  @Field(() => String)
  name: string;

  @Field(() => RoutingConditionsType, { nullable: true })
  conditions?: RoutingConditionsType | null;

  @Field(() => ID)
  queueId: string;

  @Field(() => ReplyPriorityEnum, { nullable: true, defaultValue: 'NORMAL' })
  priority?: ReplyPriority;

  @Field(() => [String], { nullable: true, defaultValue: [] })
  tags?: string[];

  @Field(() => Boolean, { nullable: true, defaultValue: true })
  enabled?: boolean;

  @Field(() => Int, { nullable: true, description: 'Where to insert it in its scope page list; the end when omitted.' })
  position?: number | null;
}

@InputType()
export class UpdateRoutingRuleInput extends PatchType(CreateRoutingRuleInput, ['scopePageId', 'position']) {}

@InputType()
export class TestRoutingInput {
  @Field(() => ID)
  pageId: string;

  @Field(() => String)
  text: string;

  @Field(() => String, { nullable: true })
  language?: string | null;

  @Field(() => [String], { nullable: true, defaultValue: [] })
  authorFlags?: string[];

  @Field(() => String, { nullable: true, description: "The page's network when omitted." })
  network?: string | null;
}

@ObjectType('RoutingTest')
export class RoutingTestType {
  @Field(() => ID, { nullable: true, description: 'null when no rule matched and no page in scope has a default queue.' })
  queueId: string | null;

  @Field(() => String, { nullable: true })
  queueName: string | null;

  @Field(() => ID, { nullable: true, description: 'The rule that fired; null for a default queue.' })
  ruleId: string | null;

  @Field(() => String, { nullable: true })
  ruleName: string | null;

  @Field(() => ID, { nullable: true, description: 'The page the rule that fired is defined on; null for a default queue.' })
  ruleScopePageId: string | null;

  @Field(() => ReplyPriorityEnum)
  priority: ReplyPriority;

  @Field(() => [String])
  tags: string[];

  @Field(() => [String], { description: 'Why: one line per rule considered, then the outcome.' })
  trail: string[];
}

@InputType()
export class SetAuthorFlagsInput {
  @Field(() => ID)
  brandId: string;

  @Field(() => String, { description: 'facebook, instagram…' })
  network: string;

  @Field(() => String, { description: "The network's id of the author." })
  authorId: string;

  @Field(() => [String], { description: 'e.g. VIP, journalist; empty clears them.' })
  flags: string[];
}

@ObjectType('AuthorFlags')
export class AuthorFlagsType {
  @Field(() => ID)
  brandId: string;

  @Field(() => String)
  network: string;

  @Field(() => String)
  authorId: string;

  @Field(() => [String])
  flags: string[];
}
