import { Module } from '@nestjs/common';
import { InsightsResolver } from './insights.resolver';
import { InsightsService } from './insights.service';

/** Insights (issue 10, item 7): figures, market comparison, page health and pivot demand, read from the daily rollups. */
@Module({
  providers: [InsightsService, InsightsResolver],
})
export class InsightsModule {}
