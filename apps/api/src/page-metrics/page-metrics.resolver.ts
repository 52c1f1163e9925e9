import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { Actor } from '../auth/request-context';
import { PageMetricsService } from './page-metrics.service';
import { BackfillPageMetricsInput, PageMetricsBackfillType } from './page-metrics.types';

@Resolver()
export class PageMetricsResolver {
  constructor(private readonly metrics: PageMetricsService) {}

  @Mutation(() => PageMetricsBackfillType, {
    description: "Queues a fetch of the network's page metrics over a range, for a brand or a page's subtree (the brand team only). Bad dates, a reversed range or one over two years: BAD_USER_INPUT.",
  })
  backfillPageMetrics(@CurrentActor() actor: Actor, @Args('input', { type: () => BackfillPageMetricsInput }) input: BackfillPageMetricsInput) {
    return this.metrics.backfill(actor, input);
  }
}
