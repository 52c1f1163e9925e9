import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_AUDIENCES, scopeIdsOf, validatePage, type TreePage } from '@pivot/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/request-context';
import { translateDatabaseError } from '../database/database-errors';
import { AppError, assertUuid } from '../errors/app-error';
import { Brand } from './brand.entity';
import type { CreateBrandInput, CreatePageInput, SetMarketAliasInput, UpdatePageInput } from './hierarchy.types';
import { MarketAlias } from './market-alias.entity';
import { Page } from './page.entity';
import { toTreePage } from './page.mapper';
import { brandProblems, normalizeAliasCountry, pageDraftFrom, profileProblems, type PageWrite } from './page-input';
import { announceTreeChanged } from './tree-events';

/**
 * The page tree's use cases: the only place that writes brands, pages and aliases. Each
 * write locks its brand row first, so two editors of one brand are checked one after the
 * other against the same tree, then announces the change to every instance's pivot snapshot.
 */
@Injectable()
export class HierarchyService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  listBrands(_actor: Actor): Promise<Brand[]> {
    return this.dataSource.getRepository(Brand).find({ order: { name: 'ASC' } });
  }

  async createBrand(_actor: Actor, input: CreateBrandInput): Promise<Brand> {
    const brand: Brand = Object.assign(new Brand(), {
      id: randomUUID(),
      slug: input.slug.trim().toLowerCase(),
      name: input.name.trim(),
      audiences: (input.audiences ?? [...DEFAULT_AUDIENCES]).map((a) => a.trim().toLowerCase()),
      segmentFallback: input.segmentFallback ?? 'MARKET_PAGE',
      defaultNetwork: (input.defaultNetwork ?? 'facebook').trim().toLowerCase(),
    });
    const problems = brandProblems(brand);
    if (problems.length) throw AppError.invalidFields(problems);
    return this.dataSource
      .transaction(async (tx) => {
        if (await tx.existsBy(Brand, { slug: brand.slug })) {
          throw AppError.conflict(`A brand with slug "${brand.slug}" already exists`);
        }
        const saved = await tx.save(brand);
        await announceTreeChanged(tx, saved.id);
        return saved;
      })
      .catch((error) => translateDatabaseError(error, `A brand with slug "${brand.slug}" already exists`));
  }

  async createPage(_actor: Actor, input: CreatePageInput): Promise<Page> {
    const brandId = assertUuid(input.brandId, 'brandId');
    return this.inBrand(brandId, async (tx, brand, pages) => {
      const parent = input.parentId ? pages.find((p) => p.id === assertUuid(input.parentId!, 'parentId')) : undefined;
      const draft = pageDraftFrom(input, {
        id: randomUUID(),
        network: parent?.network ?? brand.defaultNetwork,
      });
      this.check(draft, brand, pages);
      const page = tx.create(Page, {
        ...draft,
        brandId,
        scopeIds: scopeIdsOf([...pages.map(toTreePage), draft], draft.id),
        status: 'ACTIVE',
      });
      return tx.save(page);
    });
  }

  async updatePage(_actor: Actor, id: string, input: UpdatePageInput): Promise<Page> {
    const pageId = assertUuid(id, 'id');
    const brandId = await this.brandIdOfPage(pageId);
    return this.inBrand(brandId, async (tx, brand, pages) => {
      const current = pages.find((p) => p.id === pageId)!;
      if (input.expectedVersion != null && input.expectedVersion !== current.version) {
        throw AppError.conflict(`The page changed since you opened it (version ${current.version}, yours ${input.expectedVersion})`);
      }
      if (input.parentId !== undefined && input.parentId !== null) assertUuid(input.parentId, 'parentId');
      const draft = pageDraftFrom({ ...current, ...definedOnly(input), kind: current.kind }, current);
      this.check(draft, brand, pages);
      const moved = draft.parentId !== current.parentId;
      Object.assign(current, draft);
      if (moved) await this.rewriteScopes(tx, pages, current);
      else current.scopeIds = scopeIdsOf(pages.map(toTreePage), current.id);
      return tx.save(current);
    });
  }

  /** Archives the page and everything under it: an archived market takes its segments with it. */
  async archivePage(_actor: Actor, id: string): Promise<Page> {
    const pageId = assertUuid(id, 'id');
    const brandId = await this.brandIdOfPage(pageId);
    return this.inBrand(brandId, async (tx, _brand, pages) => {
      const page = pages.find((p) => p.id === pageId)!;
      if (page.kind === 'GLOBAL') {
        throw AppError.badInput('The global page cannot be archived: every pivot falls back to it', [
          { field: 'id', message: 'is the global page' },
        ]);
      }
      const subtree = pages.filter((p) => p.scopeIds.includes(page.id) && p.status === 'ACTIVE');
      if (subtree.length === 0) return page;
      await tx.update(Page, subtree.map((p) => p.id), { status: 'ARCHIVED' });
      return tx.findOneByOrFail(Page, { id: page.id });
    });
  }

  /** Restores the page alone; its parent must be active. Children archived with it stay archived. */
  async restorePage(_actor: Actor, id: string): Promise<Page> {
    const pageId = assertUuid(id, 'id');
    const brandId = await this.brandIdOfPage(pageId);
    return this.inBrand(brandId, async (tx, brand, pages) => {
      const page = pages.find((p) => p.id === pageId)!;
      if (page.status === 'ACTIVE') return page;
      const parent = pages.find((p) => p.id === page.parentId);
      if (parent && parent.status !== 'ACTIVE') {
        throw AppError.badInput('Restore the parent page first', [{ field: 'id', message: 'has an archived parent' }]);
      }
      // A restored market must still fit the tree (another FR page may have taken its place).
      this.check(pageDraftFrom(page, page), brand, pages);
      page.status = 'ACTIVE';
      return tx.save(page);
    });
  }

  async setMarketAlias(_actor: Actor, input: SetMarketAliasInput): Promise<MarketAlias | null> {
    const brandId = assertUuid(input.brandId, 'brandId');
    return this.inBrand(brandId, async (tx, brand, pages) => {
      const network = (input.network ?? brand.defaultNetwork).trim().toLowerCase();
      const country = normalizeAliasCountry(input.country);
      const existing = await tx.findOneBy(MarketAlias, { brandId, network, country });
      if (!input.marketPageId) {
        if (existing) await tx.remove(existing);
        return null;
      }
      const market = pages.find((p) => p.id === assertUuid(input.marketPageId!, 'marketPageId'));
      if (!market || market.kind !== 'MARKET' || market.network !== network) {
        throw AppError.badInput('marketPageId must be a market page of this brand on this network', [
          { field: 'marketPageId', message: 'is not a market page of this brand on this network' },
        ]);
      }
      if (market.status !== 'ACTIVE') {
        throw AppError.badInput('The market page is archived', [{ field: 'marketPageId', message: 'is archived' }]);
      }
      if (market.country === country) {
        throw AppError.badInput(`${country} cannot be aliased to its own market`, [{ field: 'country', message: 'is the market’s own country' }]);
      }
      if (pages.some((p) => p.kind === 'MARKET' && p.network === network && p.country === country && p.status === 'ACTIVE')) {
        throw AppError.badInput(`${country} has a market page of its own`, [{ field: 'country', message: 'has its own market page' }]);
      }
      const alias = existing ?? tx.create(MarketAlias, { id: randomUUID(), brandId, network, country });
      alias.marketPageId = market.id;
      alias.scopeIds = market.scopeIds;
      return tx.save(alias);
    });
  }

  private check(draft: PageWrite, brand: Brand, pages: Page[]): void {
    const problems = [
      ...validatePage(draft, { audiences: brand.audiences, pages: pages.map(toTreePage) }),
      ...profileProblems(draft),
    ];
    if (problems.length) throw AppError.invalidFields(problems);
  }

  /** Runs a tree write with the brand locked, its pages loaded, and the change announced. */
  private async inBrand<T>(brandId: string, work: (tx: EntityManager, brand: Brand, pages: Page[]) => Promise<T>): Promise<T> {
    return this.dataSource
      .transaction(async (tx) => {
        const brand = await tx.findOne(Brand, { where: { id: brandId }, lock: { mode: 'pessimistic_write' } });
        if (!brand) throw AppError.notFound('Brand');
        const pages = await tx.find(Page, { where: { brandId } });
        const result = await work(tx, brand, pages);
        await announceTreeChanged(tx, brandId);
        return result;
      })
      .catch((error) => translateDatabaseError(error, 'Another change to this tree conflicts with yours; reload and retry'));
  }

  private async brandIdOfPage(pageId: string): Promise<string> {
    const page = await this.dataSource.getRepository(Page).findOne({ where: { id: pageId }, select: { id: true, brandId: true } });
    if (!page) throw AppError.notFound('Page');
    return page.brandId;
  }

  /** Re-parenting: the page and its whole subtree get new scopes, in the same transaction. */
  private async rewriteScopes(tx: EntityManager, pages: Page[], moved: Page): Promise<void> {
    const tree: TreePage[] = pages.map((p) => (p.id === moved.id ? toTreePage(moved) : toTreePage(p)));
    const subtree = pages.filter((p) => p.scopeIds.includes(moved.id) && p.id !== moved.id);
    moved.scopeIds = scopeIdsOf(tree, moved.id);
    for (const page of subtree) {
      page.scopeIds = scopeIdsOf(tree, page.id);
      await tx.update(Page, { id: page.id }, { scopeIds: page.scopeIds });
    }
    for (const market of [moved, ...subtree].filter((p) => p.kind === 'MARKET')) {
      await tx.update(MarketAlias, { marketPageId: market.id }, { scopeIds: market.scopeIds });
    }
  }
}

function definedOnly<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([key, value]) => value !== undefined && key !== 'expectedVersion')) as Partial<T>;
}
