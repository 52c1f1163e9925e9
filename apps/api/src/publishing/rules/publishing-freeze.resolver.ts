import { Args, Field, ID, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor } from '../../auth/current-actor.decorator';
import type { Actor } from '../../auth/request-context';
import { PublishingFreezeService } from './publishing-freeze.service';

@ObjectType('PublishingFreeze', { description: 'Publishing stopped for the brand (no market page) or one market and its pages.' })
export class PublishingFreezeType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  brandId: string;

  @Field(() => ID, { nullable: true, description: 'null: the whole brand.' })
  marketPageId: string | null;

  @Field(() => String, { nullable: true })
  reason: string | null;

  @Field(() => ID, { nullable: true })
  frozenById: string | null;

  @Field(() => Date)
  createdAt: Date;
}

@Resolver(() => PublishingFreezeType)
export class PublishingFreezeResolver {
  constructor(private readonly freezes: PublishingFreezeService) {}

  @Query(() => [PublishingFreezeType], { description: "The brand's publishing freezes, brand-wide first." })
  publishingFreezes(@CurrentActor() actor: Actor, @Args('brandId', { type: () => ID }) brandId: string) {
    return this.freezes.list(actor, brandId);
  }

  @Mutation(() => [PublishingFreezeType], {
    description: 'Freezes or unfreezes publishing brand-wide (no marketPageId) or for one market (brand admins). Due posts wait while frozen and go out once unfrozen. Answers the freezes now in force.',
  })
  setPublishingFreeze(
    @CurrentActor() actor: Actor,
    @Args('brandId', { type: () => ID }) brandId: string,
    @Args('frozen', { type: () => Boolean }) frozen: boolean,
    @Args('marketPageId', { type: () => ID, nullable: true }) marketPageId?: string | null,
    @Args('reason', { type: () => String, nullable: true }) reason?: string | null,
  ) {
    return this.freezes.set(actor, brandId, marketPageId ?? null, frozen, reason ?? null);
  }
}
