import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type ResolvedConfig } from '../../config/app-config';
import { DatabaseOutage } from '../../database/database-outage';
import { CascadeRunner } from './cascade-runner.service';
import { safeErrorMessage } from '../../http/safe-error-log';

/**
 * Runs cascade jobs on every instance: right after a cascade commits on this one (`dispatch`,
 * off the request, so cascadePost answers at once with the QUEUED job), at boot, and every
 * CASCADE_POLL_INTERVAL_MS for jobs queued elsewhere or abandoned by a dead instance (lease
 * lapsed). A SKIP LOCKED claim on `cascade_jobs`, as the routing dispatcher does, rather than
 * pg-boss: the job row already is the to-do list and the progress the
 * admin polls, and a queue would hold a second copy of it. 0: this instance runs no cascades.
 */
@Injectable()
export class CascadeWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Cascade');
  /** Distinct per process, so a lease names the worker that holds it. */
  readonly workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly runner: CascadeRunner,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
    private readonly outage: DatabaseOutage,
  ) {}

  private get enabled(): boolean {
    return this.config.cascade.pollIntervalMs > 0;
  }

  onApplicationBootstrap(): void {
    if (!this.enabled) return;
    this.timer = setInterval(() => void this.poll(), this.config.cascade.pollIntervalMs);
    this.timer.unref();
    void this.poll();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Called once a cascade has committed. */
  dispatch(): void {
    if (this.enabled) void this.poll();
  }

  /**
   * Works every claimable job until none is left. A poll while one runs makes that run look again
   * when it ends, so a job committed just as the last claim came back empty still starts now.
   */
  poll(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.drain().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async drain(): Promise<void> {
    try {
      do {
        this.again = false;
        for (let job = await this.runner.claim(this.workerId); job && !this.stopped; job = await this.runner.claim(this.workerId)) {
          while (!this.stopped && (await this.runner.runBatch(job, this.workerId))) {
            // next batch
          }
        }
      } while (this.again && !this.stopped);
    } catch (error) {
      // The job keeps its lease until it lapses; then this or another instance takes it up again.
      if (!this.outage.report(error)) this.logger.error(`cascade failed: ${safeErrorMessage(error)}`);
    }
  }
}
