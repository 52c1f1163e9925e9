import { Module } from '@nestjs/common';
import { PivotModule } from '../pivot/pivot.module';
import { InsightsCsvController } from './insights-csv.controller';
import { InsightsHealth } from './insights-health';
import { InsightsResolver } from './insights.resolver';
import { InsightsService } from './insights.service';

/** Insights (issue 10, item 7): figures, market comparison, page health and pivot demand, read from the daily rollups. */
@Module({
  imports: [PivotModule],
  controllers: [InsightsCsvController],
  providers: [InsightsService, InsightsHealth, InsightsResolver],
  exports: [InsightsService],
})
export class InsightsModule {}
