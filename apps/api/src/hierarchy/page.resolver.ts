import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { Actor, PivotRequest } from '../auth/request-context';
import { AppError, assertUuid } from '../errors/app-error';
import { HierarchyService } from './hierarchy.service';
import { BrandType, CreatePageInput, MarketAliasType, PageType, SetMarketAliasInput, UpdatePageInput } from './hierarchy.types';
import type { MarketAlias } from './market-alias.entity';
import type { Page } from './page.entity';
import { PageLoadersFactory } from './page.loaders';

@Resolver(() => PageType)
export class PageResolver {
  constructor(
    private readonly hierarchy: HierarchyService,
    private readonly loaders: PageLoadersFactory,
  ) {}

  @Query(() => PageType, { description: 'A page by id; NOT_FOUND when there is none.' })
  async page(@CurrentActor() _actor: Actor, @Args('id', { type: () => ID }) id: string, @Context('req') req: PivotRequest): Promise<Page> {
    const page = await this.loaders.for(req).pageById.load(assertUuid(id, 'id'));
    if (!page) throw AppError.notFound('Page');
    return page;
  }

  @Mutation(() => PageType)
  createPage(@CurrentActor() actor: Actor, @Args('input', { type: () => CreatePageInput }) input: CreatePageInput) {
    return this.hierarchy.createPage(actor, input);
  }

  @Mutation(() => PageType)
  updatePage(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('input', { type: () => UpdatePageInput }) input: UpdatePageInput,
  ) {
    return this.hierarchy.updatePage(actor, id, input);
  }

  @Mutation(() => PageType, { description: 'Archives the page and its subtree; the pivot never returns archived pages.' })
  archivePage(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.hierarchy.archivePage(actor, id);
  }

  @Mutation(() => PageType, { description: 'Restores one archived page whose parent is active.' })
  restorePage(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.hierarchy.restorePage(actor, id);
  }

  @Mutation(() => MarketAliasType, { nullable: true, description: 'Sends a country without a page to a market page; marketPageId null removes it.' })
  setMarketAlias(@CurrentActor() actor: Actor, @Args('input', { type: () => SetMarketAliasInput }) input: SetMarketAliasInput) {
    return this.hierarchy.setMarketAlias(actor, input);
  }

  @ResolveField(() => PageType, { nullable: true })
  parent(@Parent() page: Page, @Context('req') req: PivotRequest) {
    return page.parentId ? this.loaders.for(req).pageById.load(page.parentId) : null;
  }

  @ResolveField(() => [PageType])
  children(@Parent() page: Page, @Context('req') req: PivotRequest) {
    return this.loaders.for(req).childrenOf.load(page.id);
  }

  @ResolveField(() => BrandType)
  brand(@Parent() page: Page, @Context('req') req: PivotRequest) {
    return this.loaders.for(req).brandById.load(page.brandId);
  }
}

@Resolver(() => MarketAliasType)
export class MarketAliasResolver {
  constructor(private readonly loaders: PageLoadersFactory) {}

  /** Through the brand's page list: shares the one statement `brand { pages }` already makes. */
  @ResolveField(() => PageType)
  async marketPage(@Parent() alias: MarketAlias, @Context('req') req: PivotRequest) {
    const pages = await this.loaders.for(req).pagesOfBrand.load(alias.brandId);
    return pages.find((page) => page.id === alias.marketPageId);
  }
}
