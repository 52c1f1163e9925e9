import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { Actor, PivotRequest } from '../auth/request-context';
import { AppError } from '../errors/app-error';
import type { Brand } from './brand.entity';
import { HierarchyService } from './hierarchy.service';
import { BrandType, CreateBrandInput, MarketAliasType, PageKindEnum, PageStatusEnum, PageType } from './hierarchy.types';
import { PageLoadersFactory } from './page.loaders';
import type { PageKind, PageStatus } from '@pivot/domain';

@Resolver(() => BrandType)
export class BrandResolver {
  constructor(
    private readonly hierarchy: HierarchyService,
    private readonly loaders: PageLoadersFactory,
  ) {}

  @Query(() => [BrandType])
  brands(@CurrentActor() actor: Actor): Promise<Brand[]> {
    return this.hierarchy.listBrands(actor);
  }

  @Query(() => BrandType, { description: 'A brand by its slug; NOT_FOUND when there is none.' })
  async brand(@CurrentActor() _actor: Actor, @Args('slug', { type: () => String }) slug: string, @Context('req') req: PivotRequest): Promise<Brand> {
    const brand = await this.loaders.for(req).brandBySlug.load(slug.trim().toLowerCase());
    if (!brand) throw AppError.notFound('Brand');
    return brand;
  }

  @Mutation(() => BrandType)
  createBrand(@CurrentActor() actor: Actor, @Args('input', { type: () => CreateBrandInput }) input: CreateBrandInput): Promise<Brand> {
    return this.hierarchy.createBrand(actor, input);
  }

  @ResolveField(() => [PageType], { description: 'Every page of the brand, shallow first; filters narrow the list.' })
  async pages(
    @Parent() brand: Brand,
    @Context('req') req: PivotRequest,
    @Args('network', { type: () => String, nullable: true }) network?: string | null,
    @Args('kind', { type: () => PageKindEnum, nullable: true }) kind?: PageKind | null,
    @Args('status', { type: () => PageStatusEnum, nullable: true }) status?: PageStatus | null,
  ) {
    const pages = await this.loaders.for(req).pagesOfBrand.load(brand.id);
    return pages.filter(
      (page) => (!network || page.network === network) && (!kind || page.kind === kind) && (!status || page.status === status),
    );
  }

  @ResolveField(() => [MarketAliasType], { description: 'Countries served by another market page.' })
  aliases(@Parent() brand: Brand, @Context('req') req: PivotRequest) {
    return this.loaders.for(req).aliasesOfBrand.load(brand.id);
  }
}
