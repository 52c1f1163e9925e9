import { Injectable } from '@nestjs/common';
import { metricsFollowTheTree } from '@pivot/domain';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { abilityToSql, SUBJECT_FIELDS } from '../access/ability-sql';
import { canRead } from '../access/authorize';
import type { Actor } from '../auth/request-context';
import { AppError, assertUuid } from '../errors/app-error';
import { Brand } from '../hierarchy/brand.entity';
import { Page } from '../hierarchy/page.entity';
import { COMPARISON_FIGURES, emptyFigures, figureKey, loadFigures, type PageGroups } from './insights-figures';
import { healthRow, InsightsHealth } from './insights-health';
import { freshInsightsRollups } from './insights-rollups';
import { buckets, insightsRange } from './insights-range';
import {
  PivotDemandOutcome,
  type InsightsRangeInput,
  type InsightsFiguresType,
  type InsightsType,
  type MarketComparisonRowType,
  type PageHealthRowType,
  type PivotDemandRowType,
} from './insights.types';

/**
 * Insights (DESIGN §7), read from the daily rollups only. Every page whose figures count has
 * passed the caller's Metrics rule in SQL (abilityToSql on the page row), on top of the scope
 * check: an ANALYST at FR reads FR's subtree, and never a total that includes other markets.
 */
@Injectable()
export class InsightsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly health: InsightsHealth,
  ) {}

  async insights(actor: Actor, scopePageId: string, input: InsightsRangeInput): Promise<InsightsType> {
    const range = insightsRange(input);
    const scope = await this.scope(actor, scopePageId);
    await freshInsightsRollups(this.dataSource, scope.brandId);
    const of = { brandId: scope.brandId, nodes: [scope.id], parts: ['TREE'] as const, pages: this.subtree(actor, scope), sharedAuthors: metricsFollowTheTree(actor.ability) };
    const [totals, previous, series] = await Promise.all([
      loadFigures(this.dataSource, { ...of, from: range.from, to: range.to, granularity: null }),
      loadFigures(this.dataSource, { ...of, from: range.previousFrom, to: range.previousTo, granularity: null }),
      loadFigures(this.dataSource, { ...of, from: range.from, to: range.to, granularity: range.granularity }),
    ]);
    const total = totals.get(figureKey(scope.id)) ?? emptyFigures();
    return {
      scopePage: scope,
      ...range,
      totals: total,
      previous: previous.get(figureKey(scope.id)) ?? emptyFigures(),
      series: buckets(range.from, range.to, range.granularity).map((bucket) => ({
        ...bucket,
        figures: series.get(figureKey(scope.id, bucket.start)) ?? emptyFigures(),
      })),
      funnel: {
        followers: total.followers,
        reached: total.reach,
        engaged: total.engagements,
        conversed: total.conversedAuthors,
        answeredWithinSla: answeredInTime(total),
      },
    };
  }

  async marketComparison(actor: Actor, scopePageId: string, input: InsightsRangeInput): Promise<MarketComparisonRowType[]> {
    const range = insightsRange(input);
    const scope = await this.scope(actor, scopePageId);
    const readable = abilityToSql(actor.ability, 'read', 'Metrics', SUBJECT_FIELDS.Metrics('m'));
    let markets = await this.dataSource.manager
      .createQueryBuilder(Page, 'm')
      .where(`m.brand_id = :brandId AND m.scope_ids @> ARRAY[:scopeId]::uuid[] AND m.kind = 'MARKET' AND m.status = 'ACTIVE' AND ${readable.sql}`, {
        ...readable.params,
        brandId: scope.brandId,
        scopeId: scope.id,
      })
      .orderBy('m.name')
      .addOrderBy('m.id')
      .getMany();
    // Below a market (a segment page): its own row.
    if (markets.length === 0 && scope.kind === 'SEGMENT') markets = [scope];
    if (markets.length === 0) return [];
    const brand = await this.brand(scope.brandId);
    await freshInsightsRollups(this.dataSource, brand.id);
    const pagesReadable = abilityToSql(actor.ability, 'read', 'Metrics', SUBJECT_FIELDS.Metrics('p'));
    // Each market's subtree (its row) and its own figures (its health) in one read.
    const reading = loadFigures(this.dataSource, {
      brandId: scope.brandId,
      sharedAuthors: metricsFollowTheTree(actor.ability),
      nodes: markets.map((m) => m.id),
      parts: ['TREE', 'OWN'],
      pages: {
        // Each page under a market, grouped by the market on its trail (the GIN index finds them).
        sql: `SELECT p.id AS page_id, s.id AS grp FROM pages p CROSS JOIN LATERAL unnest(p.scope_ids) AS s(id)
               WHERE p.scope_ids && :marketIds::uuid[] AND s.id = ANY(:marketIds::uuid[]) AND p.brand_id = :marketsBrand AND ${pagesReadable.sql}`,
        params: { ...pagesReadable.params, marketIds: markets.map((m) => m.id), marketsBrand: scope.brandId },
      },
      from: range.from,
      to: range.to,
      granularity: null,
      want: COMPARISON_FIGURES,
    });
    const [figures, health] = await Promise.all([reading, this.health.score(brand, markets, range.from, range.to, { figures: reading })]);
    return markets.map((page) => {
      const f = figures.get(figureKey(page.id)) ?? emptyFigures();
      return {
        page,
        followers: f.followers,
        followerGrowth: f.followerGrowth,
        conversationRate: f.conversationRate,
        responseRate: f.responseRate,
        firstResponseP50Seconds: f.firstResponseP50Seconds,
        firstResponseP90Seconds: f.firstResponseP90Seconds,
        slaAttainment: f.slaAttainment,
        backlog: f.backlog,
        healthScore: health.get(page.id)!.score,
      };
    });
  }

  async pageHealth(actor: Actor, scopePageId: string, input: InsightsRangeInput): Promise<PageHealthRowType[]> {
    const range = insightsRange(input);
    const scope = await this.scope(actor, scopePageId);
    const readable = abilityToSql(actor.ability, 'read', 'Metrics', SUBJECT_FIELDS.Metrics('p'));
    const pages = await this.dataSource.manager
      .createQueryBuilder(Page, 'p')
      .where(`p.brand_id = :brandId AND p.scope_ids @> ARRAY[:scopeId]::uuid[] AND p.status = 'ACTIVE' AND ${readable.sql}`, {
        ...readable.params,
        brandId: scope.brandId,
        scopeId: scope.id,
      })
      .getMany();
    await freshInsightsRollups(this.dataSource, scope.brandId);
    const health = await this.health.score(await this.brand(scope.brandId), pages, range.from, range.to);
    return pages
      .map((page) => healthRow(page, health.get(page.id)!))
      .sort((a, b) => a.score - b.score || a.page.name.localeCompare(b.page.name) || a.page.id.localeCompare(b.page.id));
  }

  async pivotDemand(actor: Actor, input: InsightsRangeInput, brandIdInput: string | null): Promise<PivotDemandRowType[]> {
    const range = insightsRange(input);
    const brand = await this.demandBrand(actor, brandIdInput);
    const globals = (await this.dataSource.query(`SELECT id FROM pages WHERE brand_id = $1 AND kind = 'GLOBAL'`, [brand.id])) as Array<{ id: string }>;
    const brandWide = globals.some((g) => canRead(actor, 'Metrics', { brandId: brand.id, scopeIds: [g.id] }));
    const readable = abilityToSql(actor.ability, 'read', 'Metrics', SUBJECT_FIELDS.Metrics('p'));
    const market = `p.brand_id = :brandId AND p.kind = 'MARKET' AND p.status = 'ACTIVE' AND ${readable.sql}`;
    const [sql, params] = this.dataSource.driver.escapeQueryWithParameters(
      `WITH demand AS (
         SELECT d.country, d.outcome, sum(d.count)::bigint AS visitors FROM pivot_demand_daily d
          WHERE d.brand_id = :brandId AND d.day BETWEEN :from AND :to
            ${brandWide ? '' : `AND d.country IN (SELECT p.country FROM pages p WHERE ${market} AND p.country IS NOT NULL)`}
          GROUP BY 1, 2)
       SELECT demand.*, coalesce(own.id, aliased.id) AS "pageId" FROM demand
         LEFT JOIN LATERAL (SELECT p.id FROM pages p WHERE ${market} AND p.country = demand.country
                             ORDER BY (p.network = :network) DESC, p.default_variant DESC, p.created_at LIMIT 1) own ON true
         LEFT JOIN LATERAL (SELECT p.id FROM market_aliases a JOIN pages p ON p.id = a.market_page_id
                             WHERE a.brand_id = :brandId AND a.country = demand.country AND ${market}
                             ORDER BY (p.network = :network) DESC, a.created_at LIMIT 1) aliased ON true
        ORDER BY demand.visitors DESC, demand.country, demand.outcome`,
      { ...readable.params, brandId: brand.id, from: range.from, to: range.to, network: brand.defaultNetwork },
    );
    const rows = (await this.dataSource.query(sql, params)) as Array<{ country: string; outcome: string; visitors: string; pageId: string | null }>;
    const ids = [...new Set(rows.flatMap((row) => (row.pageId ? [row.pageId] : [])))];
    const pages = new Map((ids.length ? await this.dataSource.manager.createQueryBuilder(Page, 'p').where('p.id = ANY(:ids::uuid[])', { ids }).getMany() : []).map((p) => [p.id, p]));
    return rows.map((row) => ({
      country: row.country,
      outcome: row.outcome.toUpperCase() as PivotDemandOutcome,
      visitors: Number(row.visitors),
      page: row.pageId ? (pages.get(row.pageId) ?? null) : null,
    }));
  }

  /**
   * The scope page whose metrics the caller reads. A role with metrics (brand team, analyst)
   * asking beyond them, up the trail included, gets NOT_FOUND like a missing page; a role without
   * any metrics gets FORBIDDEN on a page it reads, NOT_FOUND elsewhere.
   */
  async scope(actor: Actor, scopePageId: string): Promise<Page> {
    const page = await this.dataSource.manager.findOneBy(Page, { id: assertUuid(String(scopePageId ?? ''), 'scopePageId') });
    if (!page) throw AppError.notFound('Page');
    if (canRead(actor, 'Metrics', { brandId: page.brandId, scopeIds: page.scopeIds })) return page;
    if (!actor.ability.can('read', 'Metrics') && canRead(actor, 'Page', page)) throw new AppError('FORBIDDEN', 'You may not read the metrics of this page');
    throw AppError.notFound('Page');
  }

  /** The pages under the scope whose metrics the caller reads, all in the scope's group. */
  private subtree(actor: Actor, scope: Page): PageGroups {
    const readable = abilityToSql(actor.ability, 'read', 'Metrics', SUBJECT_FIELDS.Metrics('p'));
    return {
      sql: `SELECT p.id AS page_id, :subtreeScope::uuid AS grp FROM pages p WHERE p.brand_id = :subtreeBrand AND p.scope_ids @> ARRAY[:subtreeScope]::uuid[] AND ${readable.sql}`,
      params: { ...readable.params, subtreeBrand: scope.brandId, subtreeScope: scope.id },
    };
  }

  private async brand(id: string): Promise<Brand> {
    return (await this.dataSource.manager.findOneBy(Brand, { id }))!;
  }

  /**
   * The brand whose pivot demand the caller reads: the one named, else the one brand they read
   * metrics in. Several (or a platform admin): brandId is required.
   */
  private async demandBrand(actor: Actor, brandIdInput: string | null): Promise<Brand> {
    const metricsBrands = new Set(
      actor.grants.filter((g) => g.brandId && g.scopePageId && canRead(actor, 'Metrics', { brandId: g.brandId, scopeIds: g.scopeIds })).map((g) => g.brandId!),
    );
    let brandId = brandIdInput ? assertUuid(brandIdInput, 'brandId') : null;
    if (!brandId) {
      if (metricsBrands.size !== 1) {
        if (metricsBrands.size === 0 && !actor.ability.can('read', 'Metrics')) throw new AppError('FORBIDDEN', 'You may not read metrics');
        throw AppError.invalidFields([{ field: 'brandId', message: 'name the brand: you read the metrics of several' }]);
      }
      [brandId] = [...metricsBrands];
    }
    const brand = await this.dataSource.manager.findOneBy(Brand, { id: brandId! });
    if (!brand || !canRead(actor, 'Brand', brand)) throw AppError.notFound('Brand');
    if (!metricsBrands.has(brand.id) && !canRead(actor, 'Metrics', { brandId: brand.id, scopeIds: [] })) {
      throw new AppError('FORBIDDEN', 'You may not read the metrics of this brand');
    }
    return brand;
  }
}

/** The funnel's last step in people: conversed authors × the share of opened conversations first answered in time. */
function answeredInTime(total: InsightsFiguresType): number {
  if (!total.conversationsOpened) return 0;
  return Math.round(total.conversedAuthors * Math.min(1, total.firstAnsweredWithinSla / total.conversationsOpened));
}
