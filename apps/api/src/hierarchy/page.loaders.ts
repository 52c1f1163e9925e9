import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PivotAbility, SubjectType } from '@pivot/domain';
import DataLoader from 'dataloader';
import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { abilityToSql, SUBJECT_FIELDS } from '../access/ability-sql';
import { actorOf, type PivotRequest } from '../auth/request-context';
import { Brand } from './brand.entity';
import { MarketAlias } from './market-alias.entity';
import { Page } from './page.entity';

/** Shallow first (by scope length), then by name: a stable, readable order for trees and lists. */
function treeOrder(pages: Page[]): Page[] {
  return pages.sort((a, b) => a.scopeIds.length - b.scopeIds.length || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/**
 * Per-request batching and caching of tree reads, every statement filtered in SQL by the
 * caller's ability (what they may not read is never loaded). Loading a brand's pages primes
 * the parent and children caches: a whole tree, however deep the selection, is two or three
 * statements.
 */
export class PageLoaders {
  readonly brandBySlug: DataLoader<string, Brand | null>;
  readonly brandById: DataLoader<string, Brand | null>;
  readonly pageById: DataLoader<string, Page | null>;
  readonly childrenOf: DataLoader<string, Page[]>;
  readonly pagesOfBrand: DataLoader<string, Page[]>;
  readonly aliasesOfBrand: DataLoader<string, MarketAlias[]>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly ability: PivotAbility,
  ) {
    this.brandBySlug = new DataLoader(async (slugs) => {
      const rows = await this.readable(Brand, 'Brand', 'brand').andWhere('brand.slug = ANY(:slugs)', { slugs }).getMany();
      for (const row of rows) this.brandById.prime(row.id, row);
      return slugs.map((slug) => rows.find((row) => row.slug === slug) ?? null);
    });
    this.brandById = new DataLoader(async (ids) => {
      const rows = await this.readable(Brand, 'Brand', 'brand').andWhere('brand.id = ANY(:ids)', { ids }).getMany();
      return ids.map((id) => rows.find((row) => row.id === id) ?? null);
    });
    this.pageById = new DataLoader(async (ids) => {
      const rows = await this.readable(Page, 'Page', 'page').andWhere('page.id = ANY(:ids)', { ids }).getMany();
      return ids.map((id) => rows.find((row) => row.id === id) ?? null);
    });
    this.childrenOf = new DataLoader(async (parentIds) => {
      const rows = treeOrder(await this.readable(Page, 'Page', 'page').andWhere('page.parent_id = ANY(:parentIds)', { parentIds }).getMany());
      return parentIds.map((id) => rows.filter((row) => row.parentId === id));
    });
    this.pagesOfBrand = new DataLoader(async (brandIds) => {
      const rows = treeOrder(await this.readable(Page, 'Page', 'page').andWhere('page.brand_id = ANY(:brandIds)', { brandIds }).getMany());
      for (const brandId of new Set(brandIds)) this.primeTree(rows.filter((row) => row.brandId === brandId));
      return brandIds.map((id) => rows.filter((row) => row.brandId === id));
    });
    this.aliasesOfBrand = new DataLoader(async (brandIds) => {
      const rows = await this.readable(MarketAlias, 'MarketAlias', 'alias')
        .andWhere('alias.brand_id = ANY(:brandIds)', { brandIds })
        .orderBy('alias.country', 'ASC')
        .getMany();
      return brandIds.map((id) => rows.filter((row) => row.brandId === id));
    });
  }

  private readable<T extends ObjectLiteral>(entity: new () => T, type: SubjectType, alias: string): SelectQueryBuilder<T> {
    const condition = abilityToSql(this.ability, 'read', type, SUBJECT_FIELDS[type](alias));
    return this.dataSource.getRepository(entity).createQueryBuilder(alias).where(condition.sql, condition.params);
  }

  /** A brand's full (readable) page list answers every parent and children lookup inside it. */
  private primeTree(pages: Page[]): void {
    const children = new Map<string, Page[]>(pages.map((page) => [page.id, []]));
    for (const page of pages) {
      this.pageById.prime(page.id, page);
      if (page.parentId) children.get(page.parentId)?.push(page);
    }
    for (const [id, list] of children) this.childrenOf.clear(id).prime(id, list);
  }
}

/** Hands each HTTP request its own loaders, built on its caller's ability (a WeakMap: they die with the request). */
@Injectable()
export class PageLoadersFactory {
  private readonly perRequest = new WeakMap<object, PageLoaders>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  for(request: PivotRequest): PageLoaders {
    let loaders = this.perRequest.get(request);
    if (!loaders) {
      loaders = new PageLoaders(this.dataSource, actorOf(request).ability);
      this.perRequest.set(request, loaders);
    }
    return loaders;
  }
}
