import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type ResolvedConfig } from '../config/app-config';
import { PublisherService } from './publisher.service';

/**
 * Every PUBLISH_POLL_INTERVAL_MS, each instance drains what is due with PUBLISH_CONCURRENCY
 * workers. A SKIP LOCKED poller rather than pg-boss: the due sends already live in
 * `post_publications` with their time, so a job queue would hold a second copy of that list,
 * and the claim that makes a send exactly-once has to be that row's lock anyway.
 */
@Injectable()
export class PublishPoller implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Publishing');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly publisher: PublisherService,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.publishing.pollIntervalMs === 0) return;
    this.timer = setInterval(() => void this.poll(), this.config.publishing.pollIntervalMs);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Publishes everything due now; a poll while one runs joins it rather than starting a second. */
  poll(): Promise<void> {
    this.running ??= this.drain().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async drain(): Promise<void> {
    const worker = async (): Promise<void> => {
      while (!this.stopped && (await this.publisher.publishNext())) {
        // next one
      }
    };
    try {
      await Promise.all(Array.from({ length: this.config.publishing.concurrency }, worker));
    } catch (error) {
      this.logger.error(`publishing failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
