import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { HEALTH_KEYS, scorePageHealth, type HealthKeyScore, type PageHealth, type PageHealthSignals } from '@pivot/domain';
import type { DataSource } from 'typeorm';
import type { Brand } from '../hierarchy/brand.entity';
import type { Page } from '../hierarchy/page.entity';
import { PivotService } from '../pivot/pivot.service';
import { figureKey, HEALTH_FIGURES, loadFigures, ownGroup, type FigureMap } from './insights-figures';
import { PageHealthReasonStatus, type PageHealthRowType } from './insights.types';

/** Reasons of the last metrics fetch that say the page's token no longer works. */
const TOKEN_REASONS = new Set(['TOKEN_EXPIRED', 'NO_TOKEN']);

interface StatusRow {
  pageId: string;
  lastSuccessAt: Date | null;
  reasons: string[];
}

/**
 * Page health's signals, gathered for many pages at once (a few statements, never one per
 * page), then scored by the domain's scorePageHealth. A signal Pivot does not have stays
 * undefined and reads as unknown: recommendations (the Graph API gives none), the last post of a
 * page that never posted through Pivot (it may post elsewhere), the real key before any fetch.
 */
@Injectable()
export class InsightsHealth {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pivot: PivotService,
  ) {}

  /** Each page's health over the range (pages already authorized by the caller); `figures`: their own figures (ownGroup), when already read. */
  async score(brand: Brand, pages: Page[], from: string, to: string, options: { figures?: Promise<FigureMap>; now?: Date } = {}): Promise<Map<string, PageHealth>> {
    const { now = new Date() } = options;
    const out = new Map<string, PageHealth>();
    if (pages.length === 0) return out;
    const ids = pages.map((page) => page.id);
    const [figures, statuses, posts, slas] = await Promise.all([
      options.figures ?? loadFigures(this.dataSource, { brandId: brand.id, nodes: ids, parts: ['OWN'], from, to, granularity: null, want: HEALTH_FIGURES }),
      this.dataSource.query(`SELECT page_id AS "pageId", last_success_at AS "lastSuccessAt", reasons FROM page_metric_status WHERE page_id = ANY($1::uuid[])`, [ids]) as Promise<StatusRow[]>,
      this.dataSource.query(
        `SELECT page_id AS "pageId", max(published_at) AS "lastPostAt" FROM post_publications WHERE page_id = ANY($1::uuid[]) AND published_at IS NOT NULL GROUP BY page_id`,
        [ids],
      ) as Promise<Array<{ pageId: string; lastPostAt: Date }>>,
      // The first-response SLA of the nearest queue on the page's trail (the page's own, else its market's…).
      this.dataSource.query(
        `SELECT p.id AS "pageId", q.minutes FROM pages p
           CROSS JOIN LATERAL (SELECT r.first_response_minutes AS minutes FROM reply_queues r
                                WHERE r.brand_id = p.brand_id AND r.scope_page_id = ANY(p.scope_ids)
                                ORDER BY cardinality(r.scope_ids) DESC, r.first_response_minutes LIMIT 1) q
          WHERE p.id = ANY($1::uuid[])`,
        [ids],
      ) as Promise<Array<{ pageId: string; minutes: number }>>,
    ]);
    const status = new Map(statuses.map((row) => [row.pageId, row]));
    const lastPost = new Map(posts.map((row) => [row.pageId, new Date(row.lastPostAt)]));
    const sla = new Map(slas.map((row) => [row.pageId, Number(row.minutes) * 60]));
    const guardrails = brand.guardrails;
    for (const page of pages) {
      const f = figures.get(figureKey(ownGroup(page.id)));
      const fetched = status.get(page.id);
      const signals: PageHealthSignals = {
        now,
        connectorTokenHealthy: fetched ? !fetched.reasons.some((reason) => TOKEN_REASONS.has(reason)) : undefined,
        lastSuccessfulCallAt: fetched ? fetched.lastSuccessAt && new Date(fetched.lastSuccessAt) : undefined,
        pivotSendsCountryHere: this.pivotSendsCountryHere(brand, page),
        followerGrowth: f?.followerGrowth ?? undefined,
        lastPostAt: lastPost.get(page.id),
        // The SLA is counted in the queue's business hours: compare like with like.
        firstResponseP90Seconds: f?.firstResponseBusinessP90Seconds ?? undefined,
        firstResponseSlaSeconds: sla.get(page.id),
        backlog: f?.backlog ?? 0,
      };
      out.set(page.id, scorePageHealth(page, { name: brand.name, allowedLinkDomains: guardrails?.allowedLinkDomains ?? undefined }, signals));
    }
    return out;
  }

  /** Whether a visitor of the page's country (no language, no segment) lands on one of that country's market pages. */
  private pivotSendsCountryHere(brand: Brand, page: Page): boolean | undefined {
    if (page.kind !== 'MARKET' || !page.country || page.status !== 'ACTIVE') return undefined;
    try {
      const answer = this.pivot.resolve(brand.slug, { country: page.country, network: page.network });
      return answer.page.id === page.id || (answer.page.kind === 'MARKET' && answer.page.country === page.country);
    } catch {
      // The snapshot does not hold the brand or its network yet: unknown, not failing.
      return undefined;
    }
  }
}

/** A health as the API shows it: keys in a fixed order (operating last), reasons flattened with their key. */
export function healthRow(page: Page, health: PageHealth): PageHealthRowType {
  const keyed: Array<[string, HealthKeyScore]> = [...HEALTH_KEYS.map((key) => [key, health.keys[key]] as [string, HealthKeyScore]), ['operating', health.operating]];
  return {
    page,
    score: health.score,
    keys: keyed.map(([key, value]) => ({ key, score: value.score })),
    reasons: keyed.flatMap(([key, value]) =>
      value.reasons.map((reason) => ({ key, code: reason.code, status: reason.status === 'fail' ? PageHealthReasonStatus.FAIL : PageHealthReasonStatus.UNKNOWN })),
    ),
  };
}
