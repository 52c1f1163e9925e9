import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { indexPivotTree, toTreePage, type PivotIndex } from '@pivot/domain';
import { PinoLogger } from 'nestjs-pino';
import { In, type DataSource } from 'typeorm';
import { Brand } from '../hierarchy/brand.entity';
import { MarketAlias } from '../hierarchy/market-alias.entity';
import { Page } from '../hierarchy/page.entity';
import { PgListener } from '../database/pg-listener.service';
import { TREE_CHANGED_CHANNEL } from '../hierarchy/tree-events';

export interface BrandSnapshot {
  brand: Pick<Brand, 'id' | 'slug' | 'name' | 'audiences' | 'defaultNetwork' | 'segmentFallback'>;
  /** One indexed tree per network. */
  trees: Map<string, PivotIndex>;
  /** The market country a segment page serves (segment pages carry no country of their own). */
  marketCountryOf: Map<string, string>;
}

/**
 * Every brand's tree, indexed in memory: the public pivot answers from here and never
 * queries per request. A dedicated connection LISTENs for tree changes committed by any
 * API instance and reloads just that brand; after a lost connection everything is reloaded.
 */
@Injectable()
export class PivotSnapshotService implements OnModuleInit {
  private bySlug = new Map<string, BrandSnapshot>();
  private pending = new Set<string>();
  private pendingAll = false;
  private draining: Promise<void> | null = null;
  private generation = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly listener: PgListener,
    private readonly logger: PinoLogger,
  ) {
    logger.setContext(PivotSnapshotService.name);
  }

  async onModuleInit(): Promise<void> {
    await this.listen();
    await this.reloadAll();
  }

  brand(slug: string): BrandSnapshot | undefined {
    return this.bySlug.get(slug);
  }

  /** How many times a tree was (re)loaded: lets tests see a change arrive. */
  get loadedGeneration(): number {
    return this.generation;
  }

  /** Reloads every brand (at boot and after the listener reconnects). */
  reloadAll(): Promise<void> {
    this.pendingAll = true;
    return this.drain();
  }

  /** Reloads one brand; bursts coalesce, and reloads never overlap. */
  reloadBrand(brandId: string): Promise<void> {
    this.pending.add(brandId);
    return this.drain();
  }

  /**
   * One reload at a time: two reloads building from the same old map would each drop the
   * other's result (a change to brand A lost while brand B reloads).
   */
  private drain(): Promise<void> {
    this.draining ??= this.runPending().finally(() => {
      this.draining = null;
      if (this.pendingAll || this.pending.size) void this.drain();
    });
    return this.draining;
  }

  private async runPending(): Promise<void> {
    while (this.pendingAll || this.pending.size) {
      if (this.pendingAll) {
        this.pendingAll = false;
        this.pending.clear();
        await this.loadAll();
        continue;
      }
      const brandIds = [...this.pending];
      this.pending.clear();
      for (const brandId of brandIds) {
        await this.loadBrand(brandId).catch((error) => this.logger.error({ err: error, brandId }, 'pivot snapshot reload failed'));
      }
    }
  }

  private async loadAll(): Promise<void> {
    const brands = await this.dataSource.getRepository(Brand).find();
    const built = await this.build(brands);
    this.bySlug = new Map(built.map((snapshot) => [snapshot.brand.slug, snapshot]));
    this.generation += 1;
  }

  private async loadBrand(brandId: string): Promise<void> {
    const brand = await this.dataSource.getRepository(Brand).findOneBy({ id: brandId });
    const built = brand ? (await this.build([brand]))[0] : undefined;
    // Copy and swap with no await in between.
    const next = new Map(this.bySlug);
    for (const [slug, snapshot] of next) if (snapshot.brand.id === brandId) next.delete(slug);
    if (built) next.set(built.brand.slug, built);
    this.bySlug = next;
    this.generation += 1;
  }

  private async build(brands: Brand[]): Promise<BrandSnapshot[]> {
    if (brands.length === 0) return [];
    const ids = brands.map((b) => b.id);
    const [pages, aliases] = await Promise.all([
      this.dataSource.getRepository(Page).find({ where: { brandId: In(ids) }, order: { createdAt: 'ASC', id: 'ASC' } }),
      this.dataSource.getRepository(MarketAlias).find({ where: { brandId: In(ids) } }),
    ]);
    return brands.map((brand) => {
      const networks = new Set(pages.filter((p) => p.brandId === brand.id).map((p) => p.network));
      const trees = new Map<string, PivotIndex>();
      for (const network of networks) {
        const treePages = pages.filter((p) => p.brandId === brand.id && p.network === network).map(toTreePage);
        if (!treePages.some((p) => p.kind === 'GLOBAL' && p.status === 'ACTIVE')) continue;
        trees.set(
          network,
          indexPivotTree({
            brandSlug: brand.slug,
            segmentFallback: brand.segmentFallback,
            pages: treePages,
            aliases: aliases
              .filter((a) => a.brandId === brand.id && a.network === network)
              .map((a) => ({ country: a.country, marketPageId: a.marketPageId })),
          }),
        );
      }
      const marketCountryOf = new Map<string, string>();
      const countryById = new Map(pages.filter((p) => p.brandId === brand.id && p.country).map((p) => [p.id, p.country!]));
      for (const page of pages) {
        const country = page.kind === 'SEGMENT' && page.parentId ? countryById.get(page.parentId) : undefined;
        if (page.brandId === brand.id && country) marketCountryOf.set(page.id, country);
      }
      const { id, slug, name, audiences, defaultNetwork, segmentFallback } = brand;
      return { brand: { id, slug, name, audiences, defaultNetwork, segmentFallback }, trees, marketCountryOf };
    });
  }

  private listen(): Promise<void> {
    return this.listener.listen(TREE_CHANGED_CHANNEL, {
      onMessage: (brandId) => {
        if (brandId) void this.reloadBrand(brandId);
      },
      // Changes committed while we were deaf are unknown: reload everything.
      onReconnect: () => void this.reloadAll(),
    });
  }
}
