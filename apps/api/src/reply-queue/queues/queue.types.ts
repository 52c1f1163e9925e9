import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { WEEKDAYS, type Weekday } from '@pivot/domain';
import { ConnectionType } from '../../graphql/connection';
import { asEnum } from '../../graphql/enum-type';
import { PatchType } from '../../graphql/patch-type';
import { ASSIGNMENT_MODES, BREACH_ESCALATIONS, type AssignmentMode, type BreachEscalation } from './reply-queue.entity';

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
export class UpdateReplyQueueInput extends PatchType(CreateReplyQueueInput, ['scopePageId']) {
  @Field(() => BreachEscalationEnum, { nullable: true, description: 'Changing it to something other than QUEUE clears breachQueueId.' })
  breachEscalation?: BreachEscalation | null;
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
