import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type ResolvedConfig } from '../../config/app-config';
import { DatabaseOutage } from '../../database/database-outage';
import { JobQueue } from '../../jobs/job-queue';
import { publishJobExpirySeconds, QUEUES } from '../../jobs/queues';
import { PUBLISH_QUEUE, PublisherService, type PublishJob } from './publisher.service';
import { safeErrorMessage } from '../../http/safe-error-log';


/**
 * Works the pg-boss publish queue: every PUBLISH_POLL_INTERVAL_MS each instance fetches due
 * jobs, PUBLISH_CONCURRENCY at a time, until none is left, and every PUBLISH_SWEEP_INTERVAL_MS
 * (and once at boot) gives a job to due sends that have none (written before pg-boss, or whose
 * job pg-boss gave up on).
 *
 * Fetched here rather than with `boss.work`: pg-boss 10's worker waits its polling interval
 * (500 ms at least) after every batch, even with more due, so 10,000 sends due at once would
 * trickle out a batch per half second; a drain loop also lets tests publish what is due now
 * (`poll()`) through the same path. A job whose send threw (the database, not the network: the
 * network's answers are recorded on the row) goes back to pg-boss for its retry.
 */
@Injectable()
export class PublishWorker implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Publishing');
  private readonly timers: NodeJS.Timeout[] = [];
  private running: Promise<void> | null = null;
  private sweeping: Promise<number> | null = null;
  private stopped = false;

  constructor(
    private readonly publisher: PublisherService,
    private readonly jobs: JobQueue,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
    private readonly outage: DatabaseOutage,
  ) {}

  async onModuleInit(): Promise<void> {
    // Created by the owner at migrate time (jobs/queues.ts); here its expiry follows this instance's
    // HTTP timeout (an UPDATE of pg-boss's queue row, which the application's role may do).
    const expireInSeconds = publishJobExpirySeconds(this.config.publishing.httpTimeoutMs);
    await this.jobs.createQueue(PUBLISH_QUEUE, { ...QUEUES[PUBLISH_QUEUE], expireInSeconds });
  }

  onApplicationBootstrap(): void {
    const { pollIntervalMs, sweepIntervalMs } = this.config.publishing;
    if (pollIntervalMs > 0) this.every(pollIntervalMs, () => this.poll());
    if (sweepIntervalMs > 0) {
      this.every(sweepIntervalMs, () => this.sweep());
      void this.sweep();
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearInterval(timer);
    await Promise.all([this.running, this.sweeping]);
  }

  /** Publishes every job due now; a poll while one runs joins it rather than starting a second. */
  poll(): Promise<void> {
    this.running ??= this.drain().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Jobs for due sends that have none waiting; how many it gave one. A sweep while one runs joins it. */
  sweep(): Promise<number> {
    this.sweeping ??= this.dataSource
      .transaction((tx) => this.publisher.enqueueOwed(tx, null))
      .catch((error: unknown) => {
        if (!this.outage.report(error)) this.logger.error(`publish sweep failed: ${safeErrorMessage(error)}`);
        return 0;
      })
      .finally(() => {
        this.sweeping = null;
      });
    return this.sweeping;
  }

  /**
   * Fetches a few jobs per worker at a time and runs them PUBLISH_CONCURRENCY at once: each fetch
   * sorts the queue's due jobs (pg-boss orders by creation), so with 10,000 due a fetch per
   * handful of sends would cost more than the sends. The sandbox's sends are inserts, eight per
   * worker; the Graph API's may each take the HTTP timeout, one per worker, so no fetched job
   * waits behind another's timeout past its expiry.
   */
  private async drain(): Promise<void> {
    const { concurrency, connector } = this.config.publishing;
    const perWorker = connector === 'sandbox' ? 8 : 1;
    try {
      while (!this.stopped) {
        const batch = await this.jobs.fetch<PublishJob>(PUBLISH_QUEUE, concurrency * perWorker);
        if (batch.length === 0) return;
        const done: string[] = [];
        const lane = async (): Promise<void> => {
          for (let job = batch.shift(); job; job = batch.shift()) {
            try {
              await this.publisher.publishOne(job.data.postId, job.data.pageId);
              done.push(job.id);
            } catch (error) {
              if (!this.outage.report(error)) this.logger.warn(`publish job ${job.id} failed: ${safeErrorMessage(error)}`);
              await this.jobs.fail(PUBLISH_QUEUE, job.id, error);
            }
          }
        };
        await Promise.all(Array.from({ length: concurrency }, lane));
        await this.jobs.complete(PUBLISH_QUEUE, done);
      }
    } catch (error) {
      if (!this.outage.report(error)) this.logger.error(`publishing failed: ${safeErrorMessage(error)}`);
    }
  }

  private every(ms: number, run: () => Promise<unknown>): void {
    const timer = setInterval(() => void run(), ms);
    timer.unref();
    this.timers.push(timer);
  }
}
