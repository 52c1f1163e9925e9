import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor } from '../../auth/current-actor.decorator';
import type { Actor } from '../../auth/request-context';
import { ClaimService } from './claim.service';
import { ConversationHistoryService } from './conversation-history.service';
import { ConversationWorkService } from './conversation-work.service';
import { InboundItemConnection } from '../inbound/inbound.types';
import { ConversationNoteConnection, ConversationNoteType, EscalateConversationInput, ReplyToConversationInput } from './conversation-work.types';
import { ConversationType } from './conversation.types';

/** A moderator's actions on conversations. */
@Resolver(() => ConversationType)
export class ConversationWorkResolver {
  constructor(
    private readonly claims: ClaimService,
    private readonly work: ConversationWorkService,
    private readonly history: ConversationHistoryService,
  ) {}

  @Query(() => InboundItemConnection, { description: "The customer's items of a conversation, oldest first." })
  conversationItems(
    @CurrentActor() actor: Actor,
    @Args('conversationId', { type: () => ID }) conversationId: string,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ) {
    return this.history.items(actor, conversationId, first, after);
  }

  @Query(() => ConversationNoteConnection, { description: 'Internal notes of a conversation, oldest first (for those who may work it).' })
  conversationNotes(
    @CurrentActor() actor: Actor,
    @Args('conversationId', { type: () => ID }) conversationId: string,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ) {
    return this.history.notes(actor, conversationId, first, after);
  }

  @Mutation(() => ConversationType, { nullable: true, description: 'The next conversation of the queue for the caller, under a lease; null when none is waiting.' })
  claimNext(@CurrentActor() actor: Actor, @Args('queueId', { type: () => ID }) queueId: string) {
    return this.claims.claimNext(actor, queueId);
  }

  @Mutation(() => ConversationType, { description: "The holder's heartbeat: pushes the lease out." })
  renewLease(@CurrentActor() actor: Actor, @Args('conversationId', { type: () => ID }) conversationId: string) {
    return this.claims.renewLease(actor, conversationId);
  }

  @Mutation(() => ConversationType, { description: 'Sends a reply through the connector; only the holder, while the lease holds.' })
  replyToConversation(@CurrentActor() actor: Actor, @Args('input', { type: () => ReplyToConversationInput }) input: ReplyToConversationInput) {
    return this.work.reply(actor, input);
  }

  @Mutation(() => ConversationNoteType)
  addConversationNote(@CurrentActor() actor: Actor, @Args('conversationId', { type: () => ID }) conversationId: string, @Args('text', { type: () => String }) text: string) {
    return this.work.addNote(actor, conversationId, text);
  }

  @Mutation(() => ConversationType)
  escalateConversation(@CurrentActor() actor: Actor, @Args('input', { type: () => EscalateConversationInput }) input: EscalateConversationInput) {
    return this.work.escalate(actor, input);
  }

  @Mutation(() => ConversationType)
  snoozeConversation(@CurrentActor() actor: Actor, @Args('conversationId', { type: () => ID }) conversationId: string, @Args('until', { type: () => Date }) until: Date) {
    return this.work.snooze(actor, conversationId, until);
  }

  @Mutation(() => ConversationType)
  resolveConversation(@CurrentActor() actor: Actor, @Args('conversationId', { type: () => ID }) conversationId: string) {
    return this.work.resolve(actor, conversationId);
  }
}
