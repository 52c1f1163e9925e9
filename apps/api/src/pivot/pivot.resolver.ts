import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { Actor, PivotRequest } from '../auth/request-context';
import { AppError } from '../errors/app-error';
import { PageLoadersFactory } from '../hierarchy/page.loaders';
import { PivotService } from './pivot.service';
import { PivotResultType } from './pivot.types';

@Resolver(() => PivotResultType)
export class PivotResolver {
  constructor(
    private readonly pivot: PivotService,
    private readonly loaders: PageLoadersFactory,
  ) {}

  @Query(() => PivotResultType, { description: "The public pivot's answer for the admin's simulator (same snapshot, same rules)." })
  async pivotPreview(
    @CurrentActor() _actor: Actor,
    @Context('req') req: PivotRequest,
    @Args('brandSlug', { type: () => String }) brandSlug: string,
    @Args('country', { type: () => String, nullable: true }) country?: string | null,
    @Args('lang', { type: () => String, nullable: true, description: 'A language tag or a whole Accept-Language header.' }) lang?: string | null,
    @Args('segment', { type: () => String, nullable: true }) segment?: string | null,
    @Args('network', { type: () => String, nullable: true }) network?: string | null,
  ): Promise<PivotResultType> {
    // The simulator is for people who may see the brand; others learn nothing, not even that it exists.
    const brand = await this.loaders.for(req).brandBySlug.load(brandSlug.trim().toLowerCase());
    if (!brand) throw AppError.notFound('Brand');
    const header = lang && /[,;]/.test(lang) ? lang : undefined;
    const answer = this.pivot.resolve(brandSlug, { country, lang: header ? undefined : lang, segment, network }, { 'accept-language': header });
    const page = await this.loaders.for(req).pageById.load(answer.page.id);
    return { target: answer.page, page, trail: answer.trail };
  }
}
