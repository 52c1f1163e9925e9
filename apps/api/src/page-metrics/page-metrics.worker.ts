import { addDays } from '@pivot/domain';
import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type ResolvedConfig } from '../config/app-config';
import { DatabaseOutage } from '../database/database-outage';
import { JobQueue } from '../jobs/job-queue';
import { PAGE_METRICS_DAILY_QUEUE, PAGE_METRICS_FETCH_QUEUE } from '../jobs/queues';
import { utcDay } from './day-range';
import { PageMetricsService, type PageMetricsJob } from './page-metrics.service';
import { safeErrorMessage } from '../http/safe-error-log';

/** Fetches in flight per instance: network calls, mostly waiting. */
const CONCURRENCY = 2;

/**
 * Works the page-metrics queues: pg-boss's cron (PAGE_METRICS_CRON, UTC) sends a daily tick,
 * which queues a fetch of yesterday for every active page; each fetch job (daily or back-fill)
 * reads one page's range through the connector. Polled like the publish queue (a drain loop
 * tests can call: `poll()`); a fetch that threw (the database, not the network: the network's
 * answers become the page's reasons) goes back to pg-boss for its retry.
 */
@Injectable()
export class PageMetricsWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('PageMetrics');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly metrics: PageMetricsService,
    private readonly jobs: JobQueue,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
    private readonly outage: DatabaseOutage,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { cron, pollIntervalMs } = this.config.pageMetrics;
    if (cron) await this.jobs.schedule(PAGE_METRICS_DAILY_QUEUE, cron);
    if (pollIntervalMs > 0) {
      this.timer = setInterval(() => void this.poll(), pollIntervalMs);
      this.timer.unref();
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Works every due tick and fetch; a poll while one runs joins it. */
  poll(): Promise<void> {
    this.running ??= this.drain().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async drain(): Promise<void> {
    try {
      for (let tick = await this.jobs.fetch(PAGE_METRICS_DAILY_QUEUE, 1); tick.length && !this.stopped; tick = await this.jobs.fetch(PAGE_METRICS_DAILY_QUEUE, 1)) {
        // Yesterday of the moment the tick is worked, in UTC: the day the networks have closed.
        const day = addDays(utcDay(new Date()), -1);
        const pages = await this.dataSource.transaction((tx) => this.metrics.enqueueDay(tx, day));
        this.logger.log(`daily page metrics: ${pages} pages queued for ${day}`);
        await this.jobs.complete(PAGE_METRICS_DAILY_QUEUE, tick.map((job) => job.id));
      }
      while (!this.stopped) {
        const batch = await this.jobs.fetch<PageMetricsJob>(PAGE_METRICS_FETCH_QUEUE, CONCURRENCY * 4);
        if (batch.length === 0) return;
        const done: string[] = [];
        const lane = async (): Promise<void> => {
          for (let job = batch.shift(); job; job = batch.shift()) {
            try {
              await this.metrics.fetchPage(job.data);
              done.push(job.id);
            } catch (error) {
              if (!this.outage.report(error)) this.logger.warn(`page metrics job ${job.id} failed: ${safeErrorMessage(error)}`);
              await this.jobs.fail(PAGE_METRICS_FETCH_QUEUE, job.id, error);
            }
          }
        };
        await Promise.all(Array.from({ length: CONCURRENCY }, lane));
        await this.jobs.complete(PAGE_METRICS_FETCH_QUEUE, done);
      }
    } catch (error) {
      if (!this.outage.report(error)) this.logger.error(`page metrics failed: ${safeErrorMessage(error)}`);
    }
  }
}
