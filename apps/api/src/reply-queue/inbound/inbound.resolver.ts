import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor } from '../../auth/current-actor.decorator';
import type { Actor } from '../../auth/request-context';
import { InboundService } from './inbound.service';
import { ImportInboundItemsInput, InboundImportResultType } from './inbound.types';

/** Items taken in outside the webhook: the import, and the count of those no page matched. */
@Resolver(() => InboundImportResultType)
export class InboundResolver {
  constructor(private readonly inbound: InboundService) {}

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
