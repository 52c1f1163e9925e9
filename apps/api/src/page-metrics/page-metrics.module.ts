import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ConnectorsModule } from '../connectors/connectors.module';
import { PageMetricsResolver } from './page-metrics.resolver';
import { PageMetricsService } from './page-metrics.service';
import { PageMetricsWorker } from './page-metrics.worker';

/** Page metrics from the networks' page insights (issue 10, item 1): the daily fetch, back-fills, and their storage. */
@Module({
  imports: [AuditModule, ConnectorsModule],
  providers: [PageMetricsService, PageMetricsWorker, PageMetricsResolver],
  exports: [PageMetricsService, PageMetricsWorker],
})
export class PageMetricsModule {}
