import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor } from '../../auth/current-actor.decorator';
import type { Actor } from '../../auth/request-context';
import { RoutingRuleService } from './routing-rule.service';
import {
  AuthorFlagsType,
  CreateRoutingRuleInput,
  RoutingRuleConnection,
  RoutingRuleType,
  RoutingTestType,
  SetAuthorFlagsInput,
  TestRoutingInput,
  UpdateRoutingRuleInput,
} from './routing.types';

/** The routing rules that fill the queues, the author flags they match, and the rule tester. */
@Resolver(() => RoutingRuleType)
export class RoutingRuleResolver {
  constructor(private readonly rules: RoutingRuleService) {}

  @Query(() => RoutingRuleConnection, { description: 'Routing rules the caller may read, by scope page then position.' })
  routingRules(
    @CurrentActor() actor: Actor,
    @Args('scopePageId', { type: () => ID, nullable: true, description: "Only this page's own list." }) scopePageId?: string | null,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ) {
    return this.rules.list(actor, scopePageId, first, after);
  }

  @Mutation(() => RoutingRuleType)
  createRoutingRule(@CurrentActor() actor: Actor, @Args('input', { type: () => CreateRoutingRuleInput }) input: CreateRoutingRuleInput) {
    return this.rules.create(actor, input);
  }

  @Mutation(() => RoutingRuleType)
  updateRoutingRule(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string, @Args('input', { type: () => UpdateRoutingRuleInput }) input: UpdateRoutingRuleInput) {
    return this.rules.update(actor, id, input);
  }

  @Mutation(() => ID, { description: 'The id of the deleted rule.' })
  deleteRoutingRule(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.rules.delete(actor, id);
  }

  @Mutation(() => [RoutingRuleType], { description: "Moves a rule within its scope page's list; answers the list in its new order." })
  moveRoutingRule(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string, @Args('position', { type: () => Int }) position: number) {
    return this.rules.move(actor, id, position);
  }

  @Mutation(() => AuthorFlagsType, { description: "Sets the brand's flags on an author (VIP…), which routing rules match." })
  setAuthorFlags(@CurrentActor() actor: Actor, @Args('input', { type: () => SetAuthorFlagsInput }) input: SetAuthorFlagsInput) {
    return this.rules.setAuthorFlags(actor, input);
  }

  @Query(() => RoutingTestType, { description: 'Which rule would fire for this text on this page, which queue, and why.' })
  testRouting(@CurrentActor() actor: Actor, @Args('input', { type: () => TestRoutingInput }) input: TestRoutingInput) {
    return this.rules.test(actor, input);
  }
}
