import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { WEEKDAYS, type ReplyPriority, type Weekday } from '@pivot/domain';
import { ConnectionType } from '../../graphql/connection';
import { ASSIGNMENT_MODES, BREACH_ESCALATIONS, type AssignmentMode, type BreachEscalation } from './reply-queue.entity';
import { ReplyPriorityEnum } from '../conversations/conversation.types';

const asEnum = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;
export const AssignmentModeEnum = asEnum(ASSIGNMENT_MODES);
registerEnumType(AssignmentModeEnum, {
  name: 'AssignmentMode',
  description: 'PULL: moderators claim the next conversation; ROUND_ROBIN and LEAST_LOADED: routing assigns one.',
});
export const BreachEscalationEnum = asEnum(BREACH_ESCALATIONS);
registerEnumType(BreachEscalationEnum, {
  name: 'BreachEscalation',
  description: 'What happens to a conversation past its SLA: FLAG raises its priority in its queue; QUEUE escalates it to breachQueueId; MANAGER escalates it to the market manager.',
});
export const WeekdayEnum = asEnum(WEEKDAYS);
registerEnumType(WeekdayEnum, { name: 'Weekday' });

@ObjectType('OpeningInterval')
@InputType('OpeningIntervalInput')
export class OpeningIntervalType {
  @Field(() => String, { description: 'HH:MM, local time.' })
  start: string;

  @Field(() => String, { description: 'HH:MM, local time; 24:00 for midnight.' })
  end: string;
}

@ObjectType('OpeningDay')
@InputType('OpeningDayInput')
export class OpeningDayType {
  @Field(() => WeekdayEnum)
  day: Weekday;

  @Field(() => [OpeningIntervalType])
  intervals: OpeningIntervalType[];
}

@ObjectType('BusinessHours')
@InputType('BusinessHoursInput')
export class BusinessHoursType {
  @Field(() => String, { description: 'IANA time zone, e.g. Europe/Paris.' })
  timeZone: string;

  @Field(() => [OpeningDayType], { description: 'Days not listed are closed.' })
  days: OpeningDayType[];

  @Field(() => [String], { description: 'Closed days, YYYY-MM-DD in the time zone.' })
  holidays: string[];
}

@ObjectType('QueueMember')
export class QueueMemberType {
  @Field(() => ID)
  userId: string;

  @Field(() => String)
  displayName: string;

  @Field(() => Int, { description: 'Conversations held at once in this queue.' })
  capacity: number;

  @Field(() => [String], { description: 'Languages answered (primary subtags); empty: any.' })
  languages: string[];
}

@ObjectType('ReplyQueue')
export class ReplyQueueType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  brandId: string;

  @Field(() => ID, { description: 'The page whose subtree the queue serves.' })
  scopePageId: string;

  @Field(() => [ID])
  scopeIds: string[];

  @Field(() => String)
  name: string;

  @Field(() => Boolean, { description: 'Where items of the scope go when no routing rule matches.' })
  isDefault: boolean;

  @Field(() => Int)
  firstResponseMinutes: number;

  @Field(() => Int)
  nextResponseMinutes: number;

  @Field(() => BusinessHoursType)
  businessHours: BusinessHoursType;

  @Field(() => AssignmentModeEnum)
  assignmentMode: AssignmentMode;

  @Field(() => BreachEscalationEnum)
  breachEscalation: BreachEscalation;

  @Field(() => ID, { nullable: true, description: 'Where breached conversations go when breachEscalation is QUEUE.' })
  breachQueueId: string | null;

  @Field(() => [QueueMemberType])
  members: QueueMemberType[];

  @Field(() => Int, { description: 'Conversations waiting to be claimed (open, escalated, or with a lapsed lease).' })
  waitingCount: number;

  @Field(() => Int)
  version: number;
}

export const ReplyQueueConnection = ConnectionType(ReplyQueueType, 'ReplyQueue');

@InputType()
export class CreateReplyQueueInput {
  @Field(() => ID)
  scopePageId: string;

  @Field(() => String)
  name: string;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  isDefault?: boolean;

  @Field(() => Int)
  firstResponseMinutes: number;

  @Field(() => Int)
  nextResponseMinutes: number;

  @Field(() => BusinessHoursType)
  businessHours: BusinessHoursType;

  @Field(() => AssignmentModeEnum, { nullable: true, defaultValue: 'PULL' })
  assignmentMode?: AssignmentMode;

  @Field(() => BreachEscalationEnum, { nullable: true, defaultValue: 'FLAG' })
  breachEscalation?: BreachEscalation;

  @Field(() => ID, { nullable: true, description: 'Required with breachEscalation QUEUE: another queue of the brand.' })
  breachQueueId?: string | null;
}

@InputType()
export class UpdateReplyQueueInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => Boolean, { nullable: true })
  isDefault?: boolean | null;

  @Field(() => Int, { nullable: true })
  firstResponseMinutes?: number | null;

  @Field(() => Int, { nullable: true })
  nextResponseMinutes?: number | null;

  @Field(() => BusinessHoursType, { nullable: true })
  businessHours?: BusinessHoursType | null;

  @Field(() => AssignmentModeEnum, { nullable: true })
  assignmentMode?: AssignmentMode | null;

  @Field(() => BreachEscalationEnum, { nullable: true, description: 'Changing it to something other than QUEUE clears breachQueueId.' })
  breachEscalation?: BreachEscalation | null;

  @Field(() => ID, { nullable: true })
  breachQueueId?: string | null;
}

@InputType()
export class SetQueueMemberInput {
  @Field(() => ID)
  queueId: string;

  @Field(() => ID)
  userId: string;

  @Field(() => Int)
  capacity: number;

  @Field(() => [String], { nullable: true, defaultValue: [] })
  languages?: string[];
}

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
export class UpdateRoutingRuleInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => RoutingConditionsType, { nullable: true })
  conditions?: RoutingConditionsType | null;

  @Field(() => ID, { nullable: true })
  queueId?: string | null;

  @Field(() => ReplyPriorityEnum, { nullable: true })
  priority?: ReplyPriority | null;

  @Field(() => [String], { nullable: true })
  tags?: string[] | null;

  @Field(() => Boolean, { nullable: true })
  enabled?: boolean | null;
}

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
