import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CONVERSATION_STATES, REPLY_PRIORITIES, type ConversationState, type ReplyPriority } from '@pivot/domain';
import { ConnectionType } from '../../graphql/connection';
import { asEnum } from '../../graphql/enum-type';

export const ConversationStateEnum = asEnum(CONVERSATION_STATES);
registerEnumType(ConversationStateEnum, { name: 'ConversationState' });
export const ReplyPriorityEnum = asEnum(REPLY_PRIORITIES);
registerEnumType(ReplyPriorityEnum, { name: 'ReplyPriority' });

@ObjectType('Conversation', { description: "One author's items in one thread of one page (a post's comments, or a message thread)." })
export class ConversationType {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  network: string;

  @Field(() => ID)
  brandId: string;

  @Field(() => ID)
  pageId: string;

  @Field(() => String, { description: "The network's id of the post, or of the message thread." })
  threadId: string;

  @Field(() => String, { description: "The network's id of the author." })
  authorId: string;

  @Field(() => String, { nullable: true })
  authorName: string | null;

  @Field(() => ConversationStateEnum)
  state: ConversationState;

  @Field(() => ID, { nullable: true, description: 'null until the conversation is routed to a queue.' })
  queueId: string | null;

  @Field(() => ReplyPriorityEnum)
  priority: ReplyPriority;

  @Field(() => [String])
  tags: string[];

  @Field(() => ID, { nullable: true, description: 'The routing rule that picked the queue; null for a default queue.' })
  ruleId: string | null;

  @Field(() => String, { nullable: true, description: 'BCP 47 tag of the latest item whose language is known.' })
  language: string | null;

  @Field(() => ID, { nullable: true, description: 'Who holds it: only they may reply while leaseExpiresAt is in the future.' })
  assigneeId: string | null;

  @Field(() => Date, { nullable: true })
  leaseExpiresAt: Date | null;

  @Field(() => Boolean, { description: 'Escalated to the market manager rather than to another queue.' })
  escalatedToManager: boolean;

  @Field(() => Date, { nullable: true })
  snoozedUntil: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the reply owed is due by the SLA; null when none is owed.' })
  responseDueAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the SLA sweep found the reply owed overdue; cleared by that reply.' })
  slaBreachedAt: Date | null;

  @Field(() => Date, { nullable: true })
  firstRespondedAt: Date | null;

  @Field(() => Int)
  itemCount: number;

  @Field(() => Date)
  firstItemAt: Date;

  @Field(() => Date)
  lastItemAt: Date;
}

export const ConversationConnection = ConnectionType(ConversationType, 'Conversation');

@InputType()
export class ConversationFilterInput {
  @Field(() => ID, { nullable: true, description: 'Conversations of this page and the pages under it.' })
  pageId?: string | null;

  @Field(() => String, { nullable: true })
  network?: string | null;

  @Field(() => [ConversationStateEnum], { nullable: true })
  states?: ConversationState[] | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only those not routed to a queue yet; false: only routed ones.' })
  unrouted?: boolean | null;
}
