import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor } from '../../auth/current-actor.decorator';
import type { Actor } from '../../auth/request-context';
import { CannedResponseService } from './canned-response.service';
import { CannedResponseConnection, CannedResponseType, CreateCannedResponseInput, UpdateCannedResponseInput } from './canned-response.types';

@Resolver(() => CannedResponseType)
export class CannedResponseResolver {
  constructor(private readonly canned: CannedResponseService) {}

  @Query(() => CannedResponseConnection, { description: 'Canned responses the caller may read, by name.' })
  cannedResponses(
    @CurrentActor() actor: Actor,
    @Args('pageId', { type: () => ID, nullable: true, description: 'Only those usable on this page (its own and its ancestors’).' }) pageId?: string | null,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ) {
    return this.canned.list(actor, pageId, first, after);
  }

  @Mutation(() => CannedResponseType)
  createCannedResponse(@CurrentActor() actor: Actor, @Args('input', { type: () => CreateCannedResponseInput }) input: CreateCannedResponseInput) {
    return this.canned.create(actor, input.scopePageId, input);
  }

  @Mutation(() => CannedResponseType)
  updateCannedResponse(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string, @Args('input', { type: () => UpdateCannedResponseInput }) input: UpdateCannedResponseInput) {
    return this.canned.update(actor, id, input);
  }

  @Mutation(() => ID, { description: 'The id of the deleted canned response.' })
  deleteCannedResponse(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.canned.delete(actor, id);
  }
}
