import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type ResolvedConfig } from '../config/app-config';
import { DatabaseOutage } from '../database/database-outage';
import { JobQueue } from '../jobs/job-queue';
import { CONVERSATION_METRICS_QUEUE } from '../jobs/queues';
import { ConversationMetricsService } from './conversation-metrics.service';
import { safeErrorMessage } from '../http/safe-error-log';
import { refreshInsightsRollups } from '../insights/insights-rollups';

const MAX_BATCHES_PER_JOB = 50;

/**
 * Every CONVERSATION_METRICS_INTERVAL_MS each instance queues a rollup job on pg-boss (`stately`:
 * one waiting at most, however many instances ask) and works what is due. The run is idempotent
 * (marks) and serialized (an advisory lock), so a job delivered twice adds nothing twice.
 */
@Injectable()
export class ConversationMetricsJob implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('ConversationMetrics');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
    private readonly metrics: ConversationMetricsService,
    private readonly outage: DatabaseOutage,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.conversationMetrics.intervalMs <= 0) return;
    this.timer = setInterval(() => void this.tick(), this.config.conversationMetrics.intervalMs);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Queues a run and works the due ones; a tick while one runs is skipped. */
  tick(): Promise<void> {
    if (this.stopped || this.running) return this.running ?? Promise.resolve();
    this.running = this.work().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async work(): Promise<void> {
    try {
      await this.dataSource.transaction((tx) =>
        this.jobs.add(tx, CONVERSATION_METRICS_QUEUE, [{ data: {}, startAfter: new Date(), singletonKey: CONVERSATION_METRICS_QUEUE }]),
      );
      for (const job of await this.jobs.fetch(CONVERSATION_METRICS_QUEUE, 1)) {
        try {
          // After a pause the backlog of events comes in batches, each its own transaction.
          let batches = 1;
          while ((await this.metrics.runOnce()).more && batches++ < MAX_BATCHES_PER_JOB) {
            // next batch
          }
          // The insights' wide rows of the days this run changed, before a reader has to.
          await refreshInsightsRollups(this.dataSource, null);
          await this.jobs.complete(CONVERSATION_METRICS_QUEUE, [job.id]);
        } catch (error) {
          await this.jobs.fail(CONVERSATION_METRICS_QUEUE, job.id, error);
          throw error;
        }
      }
    } catch (error) {
      if (!this.outage.report(error)) this.logger.error(`conversation metrics rollup failed: ${safeErrorMessage(error)}`);
    }
  }
}
