import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type ResolvedConfig } from '../../config/app-config';
import { DatabaseOutage } from '../../database/database-outage';
import { ClaimService } from '../conversations/claim.service';
import { RouterService } from './router.service';
import { SlaBreachService } from './sla-breach.service';
import { safeErrorMessage } from '../../http/safe-error-log';

/**
 * Starts routing after the ingest commits, off its request: `dispatch` queues conversation ids
 * and a microtask drains them, so a webhook is acknowledged before any rule runs. Nothing is
 * lost if the process dies with ids queued: the items stay RECEIVED in the database, and every
 * instance sweeps on start and then every REPLY_SWEEP_INTERVAL_MS (unrouted items, lapsed
 * leases, snoozes due). In-process rather than pg-boss: the database already holds the to-do
 * list (items RECEIVED), so a job queue would only add a second copy of it.
 */
@Injectable()
export class RoutingDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Routing');
  private readonly queued = new Set<string>();
  private running: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly router: RouterService,
    private readonly claims: ClaimService,
    private readonly breaches: SlaBreachService,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
    private readonly outage: DatabaseOutage,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), this.config.replies.sweepIntervalMs);
    this.timer.unref();
    void this.sweep();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Called once the transaction that stored the items has committed. */
  dispatch(conversationIds: string[]): void {
    if (this.stopped || conversationIds.length === 0) return;
    for (const id of conversationIds) this.queued.add(id);
    this.schedule(async () => {
      const ids = [...this.queued];
      this.queued.clear();
      if (ids.length) await this.router.routePending(ids);
    });
  }

  /**
   * Everything a lost dispatch, a dead instance or the clock left behind. SLA breaches are found
   * here too: this sweep is the breach job. A breach is a due time passing, the same kind of
   * clock event as a lease lapsing, and the database already holds the to-do list (conversations
   * with a due time and no breach mark); every instance runs it, and the marking is conditional
   * and SKIP LOCKED, so running it everywhere marks each breach once. Routing goes first so a
   * conversation just routed to a queue is judged by that queue's policy.
   */
  sweep(): Promise<void> {
    return this.schedule(async () => {
      await this.claims.releaseLapsed();
      await this.claims.wakeSnoozed();
      await this.router.routePending();
      await this.breaches.detectBreaches();
    });
  }

  /** One task at a time per instance, chained, so a sweep and a dispatch never race each other here. */
  private schedule(task: () => Promise<void>): Promise<void> {
    const previous = this.running ?? Promise.resolve();
    const next = previous
      .then(() => (this.stopped ? undefined : task()))
      .catch((error: unknown) => {
        if (!this.outage.report(error)) this.logger.error(`routing failed: ${safeErrorMessage(error)}`);
      })
      .finally(() => {
        if (this.running === next) this.running = null;
      });
    this.running = next;
    return next;
  }
}
