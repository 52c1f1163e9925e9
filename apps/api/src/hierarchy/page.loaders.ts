import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { Brand } from './brand.entity';
import { MarketAlias } from './market-alias.entity';
import { Page } from './page.entity';

/** Shallow first (by scope length), then by name: a stable, readable order for trees and lists. */
function treeOrder(pages: Page[]): Page[] {
  return pages.sort((a, b) => a.scopeIds.length - b.scopeIds.length || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/**
 * Per-request batching and caching of tree reads, so nested selections cost one statement
 * per kind of record rather than one per row. Loading a brand's pages primes the parent and
 * children caches: a whole tree, however deep the selection, is two or three statements.
 */
export class PageLoaders {
  readonly brandById: DataLoader<string, Brand | null>;
  readonly pageById: DataLoader<string, Page | null>;
  readonly childrenOf: DataLoader<string, Page[]>;
  readonly pagesOfBrand: DataLoader<string, Page[]>;
  readonly aliasesOfBrand: DataLoader<string, MarketAlias[]>;

  readonly brandBySlug: DataLoader<string, Brand | null>;

  constructor(dataSource: DataSource) {
    this.brandBySlug = new DataLoader(async (slugs) => {
      const rows = await dataSource.getRepository(Brand).findBy({ slug: In([...slugs]) });
      for (const row of rows) this.brandById.prime(row.id, row);
      return slugs.map((slug) => rows.find((row) => row.slug === slug) ?? null);
    });
    this.brandById = new DataLoader(async (ids) => {
      const rows = await dataSource.getRepository(Brand).findBy({ id: In([...ids]) });
      return ids.map((id) => rows.find((row) => row.id === id) ?? null);
    });
    this.pageById = new DataLoader(async (ids) => {
      const rows = await dataSource.getRepository(Page).findBy({ id: In([...ids]) });
      return ids.map((id) => rows.find((row) => row.id === id) ?? null);
    });
    this.childrenOf = new DataLoader(async (parentIds) => {
      const rows = treeOrder(await dataSource.getRepository(Page).findBy({ parentId: In([...parentIds]) }));
      return parentIds.map((id) => rows.filter((row) => row.parentId === id));
    });
    this.pagesOfBrand = new DataLoader(async (brandIds) => {
      const rows = treeOrder(await dataSource.getRepository(Page).findBy({ brandId: In([...brandIds]) }));
      for (const brandId of new Set(brandIds)) this.primeTree(rows.filter((row) => row.brandId === brandId));
      return brandIds.map((id) => rows.filter((row) => row.brandId === id));
    });
    this.aliasesOfBrand = new DataLoader(async (brandIds) => {
      const rows = await dataSource
        .getRepository(MarketAlias)
        .find({ where: { brandId: In([...brandIds]) }, order: { country: 'ASC' } });
      return brandIds.map((id) => rows.filter((row) => row.brandId === id));
    });
  }

  /** A brand's full page list answers every parent and children lookup inside it. */
  private primeTree(pages: Page[]): void {
    const children = new Map<string, Page[]>(pages.map((page) => [page.id, []]));
    for (const page of pages) {
      this.pageById.prime(page.id, page);
      if (page.parentId) children.get(page.parentId)?.push(page);
    }
    for (const [id, list] of children) this.childrenOf.clear(id).prime(id, list);
  }
}

/** Hands each HTTP request its own loaders (a WeakMap, so they die with the request). */
@Injectable()
export class PageLoadersFactory {
  private readonly perRequest = new WeakMap<object, PageLoaders>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  for(request: object): PageLoaders {
    let loaders = this.perRequest.get(request);
    if (!loaders) {
      loaders = new PageLoaders(this.dataSource);
      this.perRequest.set(request, loaders);
    }
    return loaders;
  }
}
