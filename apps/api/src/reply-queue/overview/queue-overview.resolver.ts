import { Args, Context, ID, Int, Query, Resolver, Subscription } from '@nestjs/graphql';
import { isLeaseHeld } from '@pivot/domain';
import { canRead } from '../../access/authorize';
import { CurrentActor } from '../../auth/current-actor.decorator';
import type { Actor, PivotRequest } from '../../auth/request-context';
import { assertUuid } from '../../errors/app-error';
import { SubscriptionStreams } from '../../realtime/subscription-streams';
import { leaseOf } from '../conversations/conversation.entity';
import { ConversationQueryService } from '../conversations/conversation-query.service';
import { QueueOverviewService } from './queue-overview.service';
import { ConversationClaimChangeType, QueueOverviewConnection, QueueOverviewType } from './queue-overview.types';

/** The admin's queue overview, and its live updates (authorized per event like the queries). */
@Resolver(() => QueueOverviewType)
export class QueueOverviewResolver {
  constructor(
    private readonly overview: QueueOverviewService,
    private readonly conversations: ConversationQueryService,
    private readonly streams: SubscriptionStreams,
  ) {}

  @Query(() => QueueOverviewConnection, { description: 'Per queue of the brand the caller may read, by name: counts by state, oldest waiting, SLA at risk and breached.' })
  queueOverview(
    @CurrentActor() actor: Actor,
    @Args('brandId', { type: () => ID }) brandId: string,
    @Args('marketPageId', { type: () => ID, nullable: true, description: 'Only the queues of this market and the pages under it.' }) marketPageId?: string | null,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ) {
    return this.overview.list(actor, brandId, marketPageId, first, after);
  }

  @Subscription(() => QueueOverviewType, {
    description: "A queue's overview row, whenever a conversation enters it, changes state, is claimed or released in it, on any API instance.",
    resolve: (row: QueueOverviewType) => row,
  })
  queueCountsChanged(
    @CurrentActor() actor: Actor,
    @Context('req') req: PivotRequest,
    @Args('queueId', { type: () => ID, nullable: true, description: 'Only this queue.' }) queueId?: string | null,
  ) {
    const only = queueId ? assertUuid(queueId, 'queueId') : null;
    return this.streams.stream(req, actor, 'queue.countsChanged', async (current, event) => {
      if ((only && event.id !== only) || !canRead(current, 'ReplyQueue', event)) return null;
      // The row as the overview query computes it for this subscriber.
      const [row] = await this.overview.byQueueIds(current, [event.id]);
      return row ?? null;
    });
  }

  @Subscription(() => ConversationClaimChangeType, {
    description: "A conversation's holder or lease expiry changed (claimed, renewed, released, escalated, resolved…), on any API instance.",
    resolve: (change: ConversationClaimChangeType) => change,
  })
  conversationClaimChanged(
    @CurrentActor() actor: Actor,
    @Context('req') req: PivotRequest,
    @Args('queueId', { type: () => ID, nullable: true, description: 'Only conversations of this queue.' }) queueId?: string | null,
  ) {
    const only = queueId ? assertUuid(queueId, 'queueId') : null;
    return this.streams.stream(req, actor, 'conversation.claimChanged', async (current, event) => {
      if ((only && event.queueId !== only) || !canRead(current, 'Conversation', event)) return null;
      const [conversation] = await this.conversations.byIds(current, [event.id]);
      if (!conversation) return null;
      const held = isLeaseHeld(leaseOf(conversation), new Date());
      return {
        conversationId: conversation.id,
        queueId: conversation.queueId,
        holderId: held ? conversation.assigneeId : null,
        leaseExpiresAt: held ? conversation.leaseExpiresAt : null,
        conversation,
      };
    });
  }
}
