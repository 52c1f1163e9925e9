import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ConversationMetricsJob } from './conversation-metrics.job';
import { ConversationMetricsResolver } from './conversation-metrics.resolver';
import { ConversationMetricsService } from './conversation-metrics.service';

/** Conversation metrics (DESIGN §7): daily rollups of the reply queues' raw rows, kept current by a pg-boss job. */
@Module({
  imports: [AuditModule],
  providers: [ConversationMetricsService, ConversationMetricsJob, ConversationMetricsResolver],
  exports: [ConversationMetricsService],
})
export class ConversationMetricsModule {}
