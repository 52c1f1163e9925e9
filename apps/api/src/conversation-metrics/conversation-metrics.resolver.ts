import { Args, Field, ID, InputType, Int, Mutation, ObjectType, Resolver } from '@nestjs/graphql';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { Actor } from '../auth/request-context';
import { ConversationMetricsService } from './conversation-metrics.service';

@InputType()
export class RecomputeConversationMetricsDayInput {
  @Field(() => ID, { nullable: true, description: "Defaults to the caller's brand when they have roles in one brand only." })
  brandId?: string | null;

  @Field(() => String, { description: 'A UTC calendar day, YYYY-MM-DD, from 2000-01-01 to today.' })
  day: string;
}

@ObjectType('ConversationMetricsDay', { description: 'A day of conversation metric rollups, rebuilt from the raw rows.' })
export class ConversationMetricsDayType {
  @Field(() => ID)
  brandId: string;

  @Field(() => String)
  day: string;

  @Field(() => Int, { description: 'Rollup rows written for the day (every page, queue and moderator grain).' })
  rows: number;
}

@Resolver()
export class ConversationMetricsResolver {
  constructor(private readonly metrics: ConversationMetricsService) {}

  @Mutation(() => ConversationMetricsDayType, {
    description: "Rebuilds one day of a brand's conversation metric rollups from the raw rows, in one transaction (brand admins).",
  })
  recomputeConversationMetricsDay(@CurrentActor() actor: Actor, @Args('input') input: RecomputeConversationMetricsDayInput) {
    return this.metrics.recomputeDay(actor, input);
  }
}
