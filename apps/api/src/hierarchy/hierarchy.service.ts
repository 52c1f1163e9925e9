import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_AUDIENCES, scopeIdsOf, validatePage, type TreePage } from '@pivot/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { abilityToSql, SUBJECT_FIELDS } from '../access/ability-sql';
import { authorize, authorizeType, canRead } from '../access/authorize';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/request-context';
import { rescopePostsOn } from '../publishing/posts/post-scope';
import { translateDatabaseError } from '../database/database-errors';
import { AppError, assertUuid } from '../errors/app-error';
import { Brand } from './brand.entity';
import type { CreateBrandInput, CreatePageInput, SetMarketAliasInput, UpdatePageInput } from './hierarchy.types';
import { MarketAlias } from './market-alias.entity';
import { Page } from './page.entity';
import { toTreePage } from './page.mapper';
import { brandProblems, normalizeAliasCountry, pageDraftFrom, profileProblems, type PageWrite } from './page-input';
import { announceTreeChanged } from './tree-events';

const PAGE_FIELDS = [
  'parentId', 'kind', 'network', 'name', 'url', 'externalId', 'handle', 'country', 'languages', 'segment', 'status',
  'defaultVariant', 'regionCountries', 'pictureUrl', 'description', 'keywords', 'website',
] as const;

/**
 * The page tree's use cases: the only place that writes brands, pages and aliases. Each
 * write checks the caller's ability on the exact rows, locks its brand row (two editors of
 * one brand are judged one after the other against the same tree), writes its audit entry
 * in the same transaction, and announces the change to every instance's pivot snapshot.
 */
@Injectable()
export class HierarchyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  listBrands(actor: Actor): Promise<Brand[]> {
    const readable = abilityToSql(actor.ability, 'read', 'Brand', SUBJECT_FIELDS.Brand('brand'));
    return this.dataSource.getRepository(Brand).createQueryBuilder('brand').where(readable.sql, readable.params).orderBy('brand.name', 'ASC').getMany();
  }

  async createBrand(actor: Actor, input: CreateBrandInput): Promise<Brand> {
    authorizeType(actor, 'create', 'Brand');
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
        await this.audit.record(tx, actor, {
          action: 'brand.create',
          subjectType: 'Brand',
          subjectId: saved.id,
          brandId: saved.id,
          scopeIds: [],
          after: { slug: saved.slug, name: saved.name, audiences: saved.audiences, segmentFallback: saved.segmentFallback, defaultNetwork: saved.defaultNetwork },
        });
        await announceTreeChanged(tx, saved.id);
        return saved;
      })
      .catch((error) => translateDatabaseError(error, `A brand with slug "${brand.slug}" already exists`));
  }

  async createPage(actor: Actor, input: CreatePageInput): Promise<Page> {
    const brandId = assertUuid(input.brandId, 'brandId');
    return this.inBrand(actor, brandId, async (tx, brand, pages) => {
      const parentId = input.parentId ? assertUuid(input.parentId, 'parentId') : null;
      const parent = parentId ? pages.find((p) => p.id === parentId) : undefined;
      // A parent the caller cannot see is reported like a missing one.
      if (parentId && (!parent || !canRead(actor, 'Page', parent))) throw unknownParent();
      // A new page takes its parent's network, and a segment page its market's languages.
      const inherited = { id: randomUUID(), network: parent?.network ?? brand.defaultNetwork, languages: input.kind === 'SEGMENT' && parent ? parent.languages : [] };
      const draft = pageDraftFrom({ ...input, languages: input.languages ?? inherited.languages }, inherited);
      const scopeIds = scopeIdsOf([...pages.map(toTreePage), draft], draft.id);
      // Judged like an update of the page it would otherwise be: every field named beyond what it
      // inherits is checked (a market manager names no external id, country or picture).
      const named = differingFields(pageDraftFrom({ kind: input.kind, parentId, languages: inherited.languages }, inherited), draft);
      // The caller sees the parent (or the brand, for a global page): a refusal says so.
      authorize(actor, 'create', 'Page', { ...draft, brandId, scopeIds }, named, true);
      this.check(draft, brand, pages);
      const page = await tx.save(tx.create(Page, { ...draft, brandId, scopeIds, status: 'ACTIVE' }));
      await this.auditPage(tx, actor, 'page.create', null, page);
      return page;
    });
  }

  async updatePage(actor: Actor, id: string, input: UpdatePageInput): Promise<Page> {
    const pageId = assertUuid(id, 'id');
    const brandId = await this.brandIdOfPage(actor, pageId);
    return this.inBrand(actor, brandId, async (tx, brand, pages) => {
      const current = pages.find((p) => p.id === pageId)!;
      if (input.parentId !== undefined && input.parentId !== null) assertUuid(input.parentId, 'parentId');
      const before = { ...current };
      const draft = pageDraftFrom({ ...current, ...definedOnly(input), kind: current.kind }, current);
      const changed = differingFields(before, draft);
      // The whole update is refused when any one field is not the caller's to change.
      authorize(actor, 'update', 'Page', before, changed);
      if (input.expectedVersion != null && input.expectedVersion !== current.version) {
        throw AppError.conflict(`The page changed since you opened it (version ${current.version}, yours ${input.expectedVersion})`);
      }
      if (changed.length === 0) return current;
      const newParent = pages.find((p) => p.id === draft.parentId);
      if (draft.parentId && (!newParent || !canRead(actor, 'Page', newParent))) throw unknownParent();
      this.check(draft, brand, pages);
      const moved = draft.parentId !== current.parentId;
      Object.assign(current, draft);
      if (moved) {
        await this.rewriteScopes(tx, pages, current);
        // Moving a page must keep it inside what the caller governs.
        authorize(actor, 'update', 'Page', current, ['parentId'], true);
      }
      const saved = await tx.save(current);
      await this.auditPage(tx, actor, 'page.update', before, saved);
      return saved;
    });
  }

  /** Archives the page and everything under it: an archived market takes its segments with it. */
  async archivePage(actor: Actor, id: string): Promise<Page> {
    const pageId = assertUuid(id, 'id');
    const brandId = await this.brandIdOfPage(actor, pageId);
    return this.inBrand(actor, brandId, async (tx, _brand, pages) => {
      const page = pages.find((p) => p.id === pageId)!;
      authorize(actor, 'archive', 'Page', page);
      if (page.kind === 'GLOBAL') {
        throw AppError.badInput('The global page cannot be archived: every pivot falls back to it', [{ field: 'id', message: 'is the global page' }]);
      }
      const subtree = pages.filter((p) => p.scopeIds.includes(page.id) && p.status === 'ACTIVE');
      for (const member of subtree) {
        const before = { ...member };
        member.status = 'ARCHIVED';
        await tx.update(Page, { id: member.id }, { status: 'ARCHIVED' });
        await this.auditPage(tx, actor, 'page.archive', before, member);
      }
      return subtree.length ? tx.findOneByOrFail(Page, { id: page.id }) : page;
    });
  }

  /** Restores the page alone; its parent must be active. Children archived with it stay archived. */
  async restorePage(actor: Actor, id: string): Promise<Page> {
    const pageId = assertUuid(id, 'id');
    const brandId = await this.brandIdOfPage(actor, pageId);
    return this.inBrand(actor, brandId, async (tx, brand, pages) => {
      const page = pages.find((p) => p.id === pageId)!;
      authorize(actor, 'archive', 'Page', page);
      if (page.status === 'ACTIVE') return page;
      const parent = pages.find((p) => p.id === page.parentId);
      if (parent && parent.status !== 'ACTIVE') {
        throw AppError.badInput('Restore the parent page first', [{ field: 'id', message: 'has an archived parent' }]);
      }
      // A restored market must still fit the tree (another FR page may have taken its place).
      this.check({ ...pageDraftFrom(page, page), status: 'ACTIVE' }, brand, pages);
      const before = { ...page };
      page.status = 'ACTIVE';
      const saved = await tx.save(page);
      await this.auditPage(tx, actor, 'page.restore', before, saved);
      return saved;
    });
  }

  async setMarketAlias(actor: Actor, input: SetMarketAliasInput): Promise<MarketAlias | null> {
    const brandId = assertUuid(input.brandId, 'brandId');
    return this.inBrand(actor, brandId, async (tx, brand, pages) => {
      const network = (input.network ?? brand.defaultNetwork).trim().toLowerCase();
      const country = normalizeAliasCountry(input.country);
      const existing = await tx.findOneBy(MarketAlias, { brandId, network, country });
      if (existing) authorize(actor, 'update', 'MarketAlias', existing);
      if (!input.marketPageId) {
        if (!existing) return null;
        await tx.remove(MarketAlias, { ...existing });
        await this.auditAlias(tx, actor, 'alias.remove', existing, null);
        return null;
      }
      const marketPageId = assertUuid(input.marketPageId, 'marketPageId');
      const market = pages.find((p) => p.id === marketPageId && canRead(actor, 'Page', p));
      if (!market || market.kind !== 'MARKET' || market.network !== network) {
        throw AppError.badInput('marketPageId must be a market page of this brand on this network', [
          { field: 'marketPageId', message: 'is not a market page of this brand on this network' },
        ]);
      }
      authorize(actor, 'update', 'MarketAlias', { brandId, scopeIds: market.scopeIds });
      if (market.status !== 'ACTIVE') throw AppError.badInput('The market page is archived', [{ field: 'marketPageId', message: 'is archived' }]);
      if (market.country === country) {
        throw AppError.badInput(`${country} cannot be aliased to its own market`, [{ field: 'country', message: 'is the market’s own country' }]);
      }
      if (pages.some((p) => p.kind === 'MARKET' && p.network === network && p.country === country && p.status === 'ACTIVE')) {
        throw AppError.badInput(`${country} has a market page of its own`, [{ field: 'country', message: 'has its own market page' }]);
      }
      if (existing && existing.marketPageId === market.id) return existing;
      const before = existing ? { ...existing } : null;
      const alias = existing ?? tx.create(MarketAlias, { id: randomUUID(), brandId, network, country });
      alias.marketPageId = market.id;
      alias.scopeIds = market.scopeIds;
      const saved = await tx.save(alias);
      await this.auditAlias(tx, actor, before ? 'alias.update' : 'alias.create', before, saved);
      return saved;
    });
  }

  private check(draft: PageWrite, brand: Brand, pages: Page[]): void {
    const problems = [...validatePage(draft, { audiences: brand.audiences, pages: pages.map(toTreePage) }), ...profileProblems(draft)];
    if (problems.length) throw AppError.invalidFields(problems);
  }

  /** Runs a tree write with the brand locked, its pages loaded, and the change announced. */
  private async inBrand<T>(actor: Actor, brandId: string, work: (tx: EntityManager, brand: Brand, pages: Page[]) => Promise<T>): Promise<T> {
    return this.dataSource
      .transaction(async (tx) => {
        const brand = await tx.findOne(Brand, { where: { id: brandId }, lock: { mode: 'pessimistic_write' } });
        if (!brand || !canRead(actor, 'Brand', brand)) throw AppError.notFound('Brand');
        const pages = await tx.find(Page, { where: { brandId } });
        const result = await work(tx, brand, pages);
        await announceTreeChanged(tx, brandId);
        return result;
      })
      .catch((error) => translateDatabaseError(error, 'Another change to this tree conflicts with yours; reload and retry'));
  }

  private async brandIdOfPage(actor: Actor, pageId: string): Promise<string> {
    const page = await this.dataSource.getRepository(Page).findOne({ where: { id: pageId }, select: { id: true, brandId: true, scopeIds: true } });
    if (!page || !canRead(actor, 'Page', page)) throw AppError.notFound('Page');
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
    await rescopePostsOn(tx, [moved.id, ...subtree.map((p) => p.id)], pages.map((p) => (p.id === moved.id ? moved : p)));
  }

  private auditPage(tx: EntityManager, actor: Actor, action: string, before: Page | null, after: Page): Promise<void> {
    return this.audit.record(tx, actor, {
      action,
      subjectType: 'Page',
      subjectId: after.id,
      brandId: after.brandId,
      scopeIds: after.scopeIds,
      before,
      after,
      fields: PAGE_FIELDS,
    });
  }

  private auditAlias(tx: EntityManager, actor: Actor, action: string, before: MarketAlias | null, after: MarketAlias | null): Promise<void> {
    const subject = (after ?? before)!;
    return this.audit.record(tx, actor, {
      action,
      subjectType: 'MarketAlias',
      subjectId: subject.id,
      brandId: subject.brandId,
      scopeIds: subject.scopeIds,
      before,
      after,
      fields: ['network', 'country', 'marketPageId'],
    });
  }
}

function unknownParent(): AppError {
  return AppError.badInput('parentId does not name a page of this brand', [{ field: 'parentId', message: 'is not a page of this brand' }]);
}

function differingFields(before: Pick<PageWrite, (typeof PAGE_FIELDS)[number]>, after: PageWrite): (typeof PAGE_FIELDS)[number][] {
  return PAGE_FIELDS.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}

function definedOnly<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([key, value]) => value !== undefined && key !== 'expectedVersion')) as Partial<T>;
}
