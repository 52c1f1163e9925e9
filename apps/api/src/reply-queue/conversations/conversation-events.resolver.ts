import { Args, Context, ID, Resolver, Subscription } from '@nestjs/graphql';
import { canRead } from '../../access/authorize';
import { CurrentActor } from '../../auth/current-actor.decorator';
import type { Actor, PivotRequest } from '../../auth/request-context';
import { assertUuid } from '../../errors/app-error';
import { SubscriptionStreams } from '../../realtime/subscription-streams';
import { ConversationQueryService } from './conversation-query.service';
import { ConversationType } from './conversation.types';

/** Live conversations for the queue screens: what the caller could list, as it arrives. */
@Resolver(() => ConversationType)
export class ConversationEventsResolver {
  constructor(
    private readonly streams: SubscriptionStreams,
    private readonly conversations: ConversationQueryService,
  ) {}

  @Subscription(() => ConversationType, {
    description: 'A conversation the caller may read got a new item (a new conversation, or a new message in one), on any API instance.',
    // The stream yields the conversation itself, not a { conversationReceived } envelope.
    resolve: (conversation: ConversationType) => conversation,
  })
  conversationReceived(
    @CurrentActor() actor: Actor,
    @Context('req') req: PivotRequest,
    @Args('pageId', { type: () => ID, nullable: true, description: 'Only conversations of this page and the pages under it.' }) pageId?: string | null,
  ) {
    const under = pageId ? assertUuid(pageId, 'pageId') : null;
    return this.streams.stream(req, actor, 'conversation.received', async (current, event) => {
      if (under && !event.scopeIds.includes(under)) return null;
      if (!canRead(current, 'Conversation', event)) return null;
      // Read through the scoped query: the subscriber sees exactly what a list would show.
      const [conversation] = await this.conversations.byIds(current, [event.id]);
      return conversation ?? null;
    });
  }
}
