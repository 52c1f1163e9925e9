import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor } from '../../auth/current-actor.decorator';
import type { Actor } from '../../auth/request-context';
import { ConversationQueryService } from './conversation-query.service';
import { InboundService } from '../inbound/inbound.service';
import {
  ConversationConnection,
  ConversationFilterInput,
  ConversationType,
  ImportInboundItemsInput,
  InboundImportResultType,
} from './conversation.types';

@Resolver(() => ConversationType)
export class ReplyQueueResolver {
  constructor(
    private readonly inbound: InboundService,
    private readonly conversationQuery: ConversationQueryService,
  ) {}

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

  @Query(() => Int, { description: 'Inbound items kept aside because no page matched them: platform administrators only, as they belong to no brand.' })
  unmatchedInboundCount(@CurrentActor() actor: Actor, @Args('network', { type: () => String, nullable: true }) network?: string | null) {
    return this.inbound.unmatchedCount(actor, network);
  }

  @Mutation(() => InboundImportResultType, {
    description: 'Stores comments, replies and messages as the webhook would (once per network and external id), for back-fills and tests.',
  })
  importInboundItems(@CurrentActor() actor: Actor, @Args('input', { type: () => ImportInboundItemsInput }) input: ImportInboundItemsInput) {
    const items = input.items.map((item) => ({
      ...item,
      parentExternalId: item.parentExternalId ?? null,
      authorName: item.authorName ?? null,
      language: item.language ?? null,
    }));
    return this.inbound.import(actor, input.network, items);
  }
}
