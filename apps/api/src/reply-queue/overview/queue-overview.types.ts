import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../graphql/connection';
import { ConversationType } from '../conversations/conversation.types';

@ObjectType('QueueStateCounts', { description: 'Conversations of a queue by state, as the caller may read them.' })
export class QueueStateCountsType {
  @Field(() => Int)
  open: number;

  @Field(() => Int, { description: 'Held by a moderator (a lapsed lease counts until the sweep releases it).' })
  assigned: number;

  @Field(() => Int)
  waitingCustomer: number;

  @Field(() => Int)
  snoozed: number;

  @Field(() => Int)
  escalated: number;

  @Field(() => Int)
  resolved: number;
}

@ObjectType('QueueOverview', { description: "One queue's row of the admin's overview." })
export class QueueOverviewType {
  @Field(() => ID)
  queueId: string;

  @Field(() => String)
  queueName: string;

  @Field(() => ID)
  brandId: string;

  @Field(() => ID)
  scopePageId: string;

  @Field(() => ID, { nullable: true, description: "The market the queue serves (its scope page's nearest market); null for a brand-wide queue." })
  marketPageId: string | null;

  @Field(() => String, { nullable: true })
  marketName: string | null;

  @Field(() => QueueStateCountsType)
  counts: QueueStateCountsType;

  @Field(() => Int, { description: 'Waiting to be claimed: open, escalated, or held on a lapsed lease.' })
  waiting: number;

  @Field(() => Date, { nullable: true, description: 'First item time of the oldest conversation waiting to be claimed.' })
  oldestWaitingAt: Date | null;

  @Field(() => Int, { description: 'Owed a reply in the last 20% of the SLA budget (business minutes), not yet due.' })
  slaAtRisk: number;

  @Field(() => Int, { description: 'Owed a reply past its due time (marked by the sweep, or due already).' })
  slaBreached: number;
}

export const QueueOverviewConnection = ConnectionType(QueueOverviewType, 'QueueOverview');

@ObjectType('ConversationClaimChange', { description: "A conversation's holder or lease expiry, as it changed." })
export class ConversationClaimChangeType {
  @Field(() => ID)
  conversationId: string;

  @Field(() => ID, { nullable: true })
  queueId: string | null;

  @Field(() => ID, { nullable: true, description: 'Who holds it now; null when nobody does (released, lapsed, escalated, resolved).' })
  holderId: string | null;

  @Field(() => Date, { nullable: true })
  leaseExpiresAt: Date | null;

  @Field(() => ConversationType, {
    description: 'The conversation as it is now (its state says whether it went back to the queue), so a client updates its lists without asking again.',
  })
  conversation: ConversationType;
}
