import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { DiffSegment } from '@pivot/domain';
import { canRead } from '../../access/authorize';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { actorOf, type Actor, type PivotRequest } from '../../auth/request-context';
import type { Post } from '../posts/post.entity';
import { PostType } from '../posts/post.types';
import { CascadeLoadersFactory } from './cascade.loaders';
import { CascadeService } from './cascade.service';
import { CascadeJobType, CascadePostInput, DiffSegmentType, RolloutType } from './cascade.types';
import { globalChangeOf } from './global-change';
import { RolloutService } from './rollout.service';

@Resolver(() => CascadeJobType)
export class CascadeResolver {
  constructor(
    private readonly cascades: CascadeService,
    private readonly rollouts: RolloutService,
  ) {}

  @Query(() => CascadeJobType, { description: 'A cascade job, for who may read its global post; poll it for progress.' })
  cascadeJob(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.cascades.job(actor, id);
  }

  @Query(() => RolloutType, { description: 'One cell per market page of the brand the caller may read (markets without a child: NOT_STARTED).' })
  rollout(@CurrentActor() actor: Actor, @Args('postId', { type: () => ID }) postId: string) {
    return this.rollouts.rollout(actor, postId);
  }

  @Mutation(() => CascadeJobType, { description: 'Queues one localized child draft per target page; answers at once with the QUEUED job.' })
  cascadePost(@CurrentActor() actor: Actor, @Args('input', { type: () => CascadePostInput }) input: CascadePostInput) {
    return this.cascades.cascade(actor, input);
  }

  @Mutation(() => PostType, { description: 'On a cascade child: it now localizes the global post as it is. Nothing changed: BAD_USER_INPUT; stale version: CONFLICT.' })
  acknowledgeGlobalChange(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int, description: 'The version the caller saw: a stale one is refused with CONFLICT.' }) version: number,
  ) {
    return this.cascades.acknowledge(actor, id, version);
  }
}

/** The cascade's fields on Post: its global post, and whether that moved on since it was localized. */
@Resolver(() => PostType)
export class CascadePostFieldsResolver {
  constructor(private readonly loaders: CascadeLoadersFactory) {}

  @ResolveField(() => PostType, { nullable: true, description: 'The global post this one localizes (null if it is no cascade child, or the caller may not read it).' })
  async parentPost(@Parent() post: Post, @Context('req') req: PivotRequest): Promise<Post | null> {
    if (!post.parentPostId) return null;
    const parent = await this.loaders.for(req).parentById.load(post.parentPostId);
    return parent && canRead(actorOf(req), 'Post', parent) ? parent : null;
  }

  @ResolveField(() => Boolean, { description: 'Cascade children only: the global post changed since this one localized it.' })
  async globalChanged(@Parent() post: Post, @Context('req') req: PivotRequest): Promise<boolean> {
    return (await this.change(post, req)).globalChanged;
  }

  @ResolveField(() => [DiffSegmentType], { nullable: true, description: 'The global body then → now; null unless globalChanged.' })
  async globalDiff(@Parent() post: Post, @Context('req') req: PivotRequest): Promise<DiffSegment[] | null> {
    return (await this.change(post, req)).diff;
  }

  private async change(post: Post, req: PivotRequest) {
    if (!post.parentPostId) return globalChangeOf(post, null);
    return globalChangeOf(post, await this.loaders.for(req).parentById.load(post.parentPostId));
  }
}
