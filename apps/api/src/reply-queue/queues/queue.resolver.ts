import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor } from '../../auth/current-actor.decorator';
import type { Actor } from '../../auth/request-context';
import { CreateReplyQueueInput, ReplyQueueConnection, ReplyQueueType, SetQueueMemberInput, UpdateReplyQueueInput } from './queue.types';
import { QueueService } from './queue.service';

/** Queues and their members. */
@Resolver(() => ReplyQueueType)
export class QueueResolver {
  constructor(private readonly queues: QueueService) {}

  @Query(() => ReplyQueueConnection, { description: 'The queues the caller may read, by name.' })
  replyQueues(
    @CurrentActor() actor: Actor,
    @Args('scopePageId', { type: () => ID, nullable: true, description: 'Queues of this page and the pages under it.' }) scopePageId?: string | null,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ) {
    return this.queues.list(actor, scopePageId, first, after);
  }

  @Query(() => ReplyQueueType)
  replyQueue(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.queues.get(actor, id);
  }

  @Mutation(() => ReplyQueueType)
  createReplyQueue(@CurrentActor() actor: Actor, @Args('input', { type: () => CreateReplyQueueInput }) input: CreateReplyQueueInput) {
    return this.queues.create(actor, input);
  }

  @Mutation(() => ReplyQueueType)
  updateReplyQueue(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string, @Args('input', { type: () => UpdateReplyQueueInput }) input: UpdateReplyQueueInput) {
    return this.queues.update(actor, id, input);
  }

  @Mutation(() => ReplyQueueType, { description: 'Adds a member to a queue, or changes their capacity and languages.' })
  setQueueMember(@CurrentActor() actor: Actor, @Args('input', { type: () => SetQueueMemberInput }) input: SetQueueMemberInput) {
    return this.queues.setMember(actor, input);
  }

  @Mutation(() => ReplyQueueType)
  removeQueueMember(@CurrentActor() actor: Actor, @Args('queueId', { type: () => ID }) queueId: string, @Args('userId', { type: () => ID }) userId: string) {
    return this.queues.removeMember(actor, queueId, userId);
  }
}
