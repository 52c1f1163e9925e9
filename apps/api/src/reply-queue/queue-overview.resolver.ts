import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { Actor } from '../auth/request-context';
import { QueueOverviewService } from './queue-overview.service';
import { QueueOverviewConnection, QueueOverviewType } from './queue-overview.types';

/** The admin's queue overview. */
@Resolver(() => QueueOverviewType)
export class QueueOverviewResolver {
  constructor(private readonly overview: QueueOverviewService) {}

  @Query(() => QueueOverviewConnection, { description: 'Per queue of the brand the caller may read, by name: counts by state, oldest waiting, SLA at risk and breached.' })
  queueOverview(
    @CurrentActor() actor: Actor,
    @Args('brandId', { type: () => ID }) brandId: string,
    @Args('marketPageId', { type: () => ID, nullable: true, description: 'Only the queues of this market and the pages under it.' }) marketPageId?: string | null,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ) {
    return this.overview.list(actor, brandId, marketPageId, first, after);
  }
}
