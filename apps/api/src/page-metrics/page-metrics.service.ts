import { addDays, daysBetween } from '@pivot/domain';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { authorize, canRead } from '../access/authorize';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/request-context';
import { METRICS_CONNECTOR, type MetricsConnector, type MetricsProblem } from '../connectors/metrics-connector';
import { AppError, assertUuid } from '../errors/app-error';
import { Brand } from '../hierarchy/brand.entity';
import { Page } from '../hierarchy/page.entity';
import { JobQueue } from '../jobs/job-queue';
import { PAGE_METRICS_FETCH_QUEUE } from '../jobs/queues';
import { MAX_RANGE_DAYS, utcDay, validDayRange } from './day-range';
import { recordMetricsAttempt, upsertMetricDays, type MetricsPage } from './page-metrics-store';

/** The networks whose page insights a connector reads (the Graph API's pages). */
export const METRICS_NETWORKS = ['facebook'];
/** The longest back-fill: two years of days (a leap year included). */
export const MAX_BACKFILL_DAYS = MAX_RANGE_DAYS;

export interface PageMetricsJob {
  pageId: string;
  from: string;
  to: string;
}

export interface BackfillRequest {
  brandId?: string | null;
  pageId?: string | null;
  from: string;
  to: string;
}

export interface FetchOutcome {
  written: number;
  problems: MetricsProblem[];
}

/**
 * Page metrics from the networks (issue 10, item 1): fetches a page's days through the metrics
 * connector into page_metric_daily, records how it went for page health, and queues fetches:
 * yesterday for every active page (the daily cron) or a range (a brand admin's back-fill).
 */
@Injectable()
export class PageMetricsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(METRICS_CONNECTOR) private readonly connector: MetricsConnector,
    private readonly jobs: JobQueue,
    private readonly audit: AuditService,
  ) {}

  /** Fetches and stores one page's days; null when the page is gone or archived. The network call runs outside any transaction. */
  async fetchPage(job: PageMetricsJob): Promise<FetchOutcome | null> {
    const [page] = (await this.dataSource.query(
      `SELECT id, brand_id AS "brandId", network, external_id AS "externalId" FROM pages WHERE id = $1 AND status = 'ACTIVE'`,
      [job.pageId],
    )) as MetricsPage[];
    if (!page) return null;
    const result = await this.connector.fetchPageMetrics({ pageId: page.id, network: page.network, pageExternalId: page.externalId, from: job.from, to: job.to });
    return this.dataSource.transaction(async (tx) => {
      const written = await upsertMetricDays(tx, page, result.points);
      await recordMetricsAttempt(tx, page, result.answered, result.problems);
      return { written, problems: result.problems };
    });
  }

  /** The daily run: one fetch of `day` for every active page of every brand. */
  async enqueueDay(tx: EntityManager, day: string): Promise<number> {
    const pages = (await tx.query(`SELECT id FROM pages WHERE status = 'ACTIVE' AND network = ANY($1)`, [METRICS_NETWORKS])) as Array<{ id: string }>;
    await this.enqueue(tx, pages.map((p) => p.id), day, day);
    return pages.length;
  }

  /** A brand admin's back-fill of a range, for the brand or a page's subtree: how many pages were queued. */
  async backfill(actor: Actor, input: BackfillRequest): Promise<{ pages: number; days: number; from: string; to: string }> {
    const { from, to } = validDayRange(input.from, input.to);
    const brandId = input.brandId ? assertUuid(input.brandId, 'brandId') : null;
    const pageId = input.pageId ? assertUuid(input.pageId, 'pageId') : null;
    if (!brandId && !pageId) throw AppError.invalidFields([{ field: 'brandId', message: 'give a brand or a page' }]);
    return this.dataSource.transaction(async (tx) => {
      let scope: Page | null = null;
      if (pageId) {
        scope = await tx.findOneBy(Page, { id: pageId });
        // Out of reach reads like missing; a page of another brand than the one named too.
        if (!scope || !canRead(actor, 'Page', scope) || (brandId && scope.brandId !== brandId)) throw AppError.notFound('Page');
      }
      const brand = await tx.findOneBy(Brand, { id: scope?.brandId ?? brandId! });
      if (!brand || !canRead(actor, 'Brand', brand)) throw AppError.notFound('Brand');
      // Calls to the network on the brand's tokens, for any page of it: the brand team's (update on the brand).
      authorize(actor, 'update', 'Brand', brand);
      const pages = (await tx.query(
        `SELECT id FROM pages WHERE brand_id = $1 AND status = 'ACTIVE' AND network = ANY($2) AND ($3::uuid IS NULL OR scope_ids @> ARRAY[$3::uuid])`,
        [brand.id, METRICS_NETWORKS, scope?.id ?? null],
      )) as Array<{ id: string }>;
      await this.enqueue(tx, pages.map((p) => p.id), from, to);
      await this.audit.record(tx, actor, {
        action: 'pageMetrics.backfill',
        subjectType: scope ? 'Page' : 'Brand',
        subjectId: scope?.id ?? brand.id,
        brandId: brand.id,
        scopeIds: scope?.scopeIds ?? [],
        after: { from, to, pages: pages.length },
      });
      return { pages: pages.length, days: daysBetween(from, to), from, to };
    });
  }

  private async enqueue(tx: EntityManager, pageIds: string[], from: string, to: string): Promise<void> {
    await this.jobs.add<PageMetricsJob>(
      tx,
      PAGE_METRICS_FETCH_QUEUE,
      pageIds.map((pageId) => ({ data: { pageId, from, to }, startAfter: new Date(), singletonKey: `${pageId}:${from}:${to}` })),
    );
  }
}
