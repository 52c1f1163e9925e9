import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor } from '../../auth/current-actor.decorator';
import type { Actor } from '../../auth/request-context';
import { ConversationQueryService } from './conversation-query.service';
import { ConversationConnection, ConversationFilterInput, ConversationType } from './conversation.types';

@Resolver(() => ConversationType)
export class ConversationResolver {
  constructor(private readonly conversationQuery: ConversationQueryService) {}

  @Query(() => ConversationConnection, { description: 'The conversations the caller may read, latest activity first.' })
  conversations(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => ConversationFilterInput, nullable: true }) filter?: ConversationFilterInput | null,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ) {
    return this.conversationQuery.list(actor, filter ?? {}, first, after);
  }

  @Query(() => ConversationType, { description: 'One conversation the caller may read (NOT_FOUND otherwise); its items and notes are conversationItems and conversationNotes.' })
  conversation(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.conversationQuery.get(actor, id);
  }
}
