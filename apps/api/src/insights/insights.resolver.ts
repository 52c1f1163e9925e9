import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { Actor } from '../auth/request-context';
import { InsightsService } from './insights.service';
import {
  InsightsRangeInput,
  InsightsType,
  MarketComparisonRowType,
  PageHealthRowType,
  PivotDemandRowType,
} from './insights.types';

const RANGE = { name: 'range', type: () => InsightsRangeInput } as const;
const SCOPE = { name: 'scopePageId', type: () => ID } as const;

/** Insights (DESIGN §7): read by the brand team (the whole brand) and analysts (under their scope). */
@Resolver()
export class InsightsResolver {
  constructor(private readonly service: InsightsService) {}

  @Query(() => InsightsType, {
    description: "A scope's figures (its subtree) over a range: totals, the previous period, a DAY/WEEK/MONTH series and the funnel. A scope out of reach is NOT_FOUND; bad dates BAD_USER_INPUT.",
  })
  insights(@CurrentActor() actor: Actor, @Args(SCOPE) scopePageId: string, @Args(RANGE) range: InsightsRangeInput) {
    return this.service.insights(actor, scopePageId, range);
  }

  @Query(() => [MarketComparisonRowType], { description: 'One row per market under the scope, its figures over its subtree; the scope page itself when the scope is below a market.' })
  marketComparison(@CurrentActor() actor: Actor, @Args(SCOPE) scopePageId: string, @Args(RANGE) range: InsightsRangeInput) {
    return this.service.marketComparison(actor, scopePageId, range);
  }

  @Query(() => [PageHealthRowType], { description: 'Every active page under the scope with its health score and reasons, worst first.' })
  pageHealth(@CurrentActor() actor: Actor, @Args(SCOPE) scopePageId: string, @Args(RANGE) range: InsightsRangeInput) {
    return this.service.pageHealth(actor, scopePageId, range);
  }

  @Query(() => [PivotDemandRowType], {
    description:
      "Visitors the public pivot served per country and outcome, most first. The caller's brand (brandId when they read several); an ANALYST below the global page sees the countries of the market pages under its scope only.",
  })
  pivotDemand(@CurrentActor() actor: Actor, @Args(RANGE) range: InsightsRangeInput, @Args('brandId', { type: () => ID, nullable: true }) brandId?: string | null) {
    return this.service.pivotDemand(actor, range, brandId ?? null);
  }
}
