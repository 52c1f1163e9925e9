import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { allowedEvents, type PostEvent } from '@pivot/domain';
import { CurrentActor } from '../../auth/current-actor.decorator';
import type { Actor, PivotRequest } from '../../auth/request-context';
import { PageType } from '../../hierarchy/hierarchy.types';
import type { Page } from '../../hierarchy/page.entity';
import { PageLoadersFactory } from '../../hierarchy/page.loaders';
import { decisionsOf, pathView } from '../review/approval-progress';
import { PostLoadersFactory } from './post.loaders';
import type { Post } from './post.entity';
import { PostPublicationType } from '../schedule/post-publication.types';
import { PostQueryService } from './post-query.service';
import { PostReviewService } from '../review/post-review.service';
import { PostScheduleService } from '../schedule/post-schedule.service';
import { PostService } from './post.service';
import { ApprovalPathType } from '../review/review.types';
import { GuardrailReportType } from '../rules/publishing-rules.types';
import {
  CreatePostInput,
  PostActionEnum,
  PostConnection,
  PostFilterInput,
  PostTimelineEntryType,
  PostType,
  UpdatePostInput,
} from './post.types';

const versionArg = { type: () => Int, description: 'The version the caller saw: a stale one is refused with CONFLICT.' };

@Resolver(() => PostType)
export class PostResolver {
  constructor(
    private readonly writer: PostService,
    private readonly reviews: PostReviewService,
    private readonly schedules: PostScheduleService,
    private readonly query: PostQueryService,
    private readonly loaders: PostLoadersFactory,
    private readonly pageLoaders: PageLoadersFactory,
  ) {}

  @Query(() => PostConnection, { description: 'The posts the caller may read, newest first.' })
  posts(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => PostFilterInput, nullable: true }) filter?: PostFilterInput | null,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ) {
    return this.query.list(actor, filter ?? {}, first, after);
  }

  @Query(() => PostType, { description: 'A post by id; NOT_FOUND when there is none the caller may read.' })
  post(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.query.byId(actor, id);
  }

  @Query(() => PostConnection, { description: 'Posts in review whose current step the caller may decide, oldest submission first.' })
  approvalsInbox(
    @CurrentActor() actor: Actor,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ) {
    return this.query.inbox(actor, first, after);
  }

  @Mutation(() => PostType, { description: 'A new draft, authored by the caller.' })
  createPost(@CurrentActor() actor: Actor, @Args('input', { type: () => CreatePostInput }) input: CreatePostInput) {
    return this.writer.create(actor, input);
  }

  @Mutation(() => PostType, { description: 'Edits a DRAFT or CHANGES_REQUESTED post.' })
  updatePost(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('version', versionArg) version: number,
    @Args('input', { type: () => UpdatePostInput }) input: UpdatePostInput,
  ) {
    return this.writer.update(actor, id, version, input);
  }

  @Mutation(() => PostType, { description: 'The author sends the post for approval; a blocking guardrail is refused with the findings in extensions.guardrails.' })
  submitPost(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string, @Args('version', versionArg) version: number) {
    return this.reviews.submit(actor, id, version);
  }

  @Mutation(() => PostType, { description: 'The author takes the post back to a draft; its approvals are void.' })
  withdrawPost(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('version', versionArg) version: number,
    @Args('comment', { type: () => String, nullable: true }) comment?: string | null,
  ) {
    return this.reviews.withdraw(actor, id, version, comment);
  }

  @Mutation(() => PostType, { description: 'Approves the current step; the last step approves the post.' })
  approvePost(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('version', versionArg) version: number,
    @Args('comment', { type: () => String, nullable: true }) comment?: string | null,
  ) {
    return this.reviews.approve(actor, id, version, comment);
  }

  @Mutation(() => PostType, { description: 'Sends the post back to its author with a comment.' })
  requestPostChanges(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('version', versionArg) version: number,
    @Args('comment', { type: () => String }) comment: string,
  ) {
    return this.reviews.requestChanges(actor, id, version, comment);
  }

  @Mutation(() => PostType)
  rejectPost(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('version', versionArg) version: number,
    @Args('comment', { type: () => String, nullable: true }) comment?: string | null,
  ) {
    return this.reviews.reject(actor, id, version, comment);
  }

  @Mutation(() => PostType, { description: 'Adds a comment to the timeline; the post and its version stay as they are.' })
  commentOnPost(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string, @Args('comment', { type: () => String }) comment: string) {
    return this.reviews.comment(actor, id, comment);
  }

  @Mutation(() => PostType, { description: 'Gives an APPROVED post its publish time, or changes the time of a SCHEDULED one not yet sent; the time must be ahead.' })
  schedulePost(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('version', versionArg) version: number,
    @Args('publishAt', { type: () => Date }) publishAt: Date,
  ) {
    return this.schedules.schedule(actor, id, version, publishAt);
  }

  @Mutation(() => PostType, { description: 'Takes a SCHEDULED post that has not gone out back to APPROVED, without a time.' })
  unschedulePost(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string, @Args('version', versionArg) version: number) {
    return this.schedules.unschedule(actor, id, version);
  }

  @Mutation(() => PostType, { description: 'Sends a FAILED post again to the targets that failed (now, or at `at`); targets that took it are not sent it twice.' })
  retryPost(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('version', versionArg) version: number,
    @Args('at', { type: () => Date, nullable: true }) at?: Date | null,
  ) {
    return this.schedules.retry(actor, id, version, at);
  }

  @Mutation(() => PostType)
  archivePost(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string, @Args('version', versionArg) version: number) {
    return this.writer.archive(actor, id, version);
  }

  @ResolveField(() => [PageType], { description: 'The pages the post goes out on.' })
  async targets(@Parent() post: Post, @Context('req') req: PivotRequest): Promise<Page[]> {
    const ids = await this.loaders.for(req).targetIds.load(post.id);
    const pages = await this.pageLoaders.for(req).pageById.loadMany(ids);
    return pages.filter((page): page is Page => page !== null && !(page instanceof Error));
  }

  @ResolveField(() => [PostTimelineEntryType], { description: 'Transitions, decisions and comments, oldest first.' })
  timeline(@Parent() post: Post, @Context('req') req: PivotRequest) {
    return this.loaders.for(req).timeline.load(post.id);
  }

  @ResolveField(() => [PostPublicationType], { description: 'One send per target page once the post is scheduled: its state, attempts, and the network\'s post id or message.' })
  publications(@Parent() post: Post, @Context('req') req: PivotRequest) {
    return this.loaders.for(req).publications.load(post.id);
  }

  @ResolveField(() => Boolean, { description: 'True when a send of this scheduled post is due but a publishing freeze holds it.' })
  held(@Parent() post: Post, @Context('req') req: PivotRequest): Promise<boolean> | boolean {
    return post.state === 'SCHEDULED' ? this.loaders.for(req).held.load(post.id) : false;
  }

  @ResolveField(() => ApprovalPathType, {
    description: 'Who must approve, and which step is current. For a draft, a preview of the path it would get if submitted now.',
  })
  async approvalPath(@Parent() post: Post, @Context('req') req: PivotRequest): Promise<ApprovalPathType> {
    if (post.approvalPath) {
      const decisions = decisionsOf(post, await this.loaders.for(req).timeline.load(post.id));
      return pathView(post.approvalPath, decisions, post.authorId, false);
    }
    const review = await this.loaders.for(req).preview.load(post);
    return pathView(review.path, [], post.authorId, true);
  }

  @ResolveField(() => GuardrailReportType, { description: "The post's guardrail findings as it stands: what submitting would be refused for." })
  async guardrails(@Parent() post: Post, @Context('req') req: PivotRequest) {
    return (await this.loaders.for(req).preview.load(post)).report;
  }

  @ResolveField(() => Boolean, {
    description: "True when the caller may approve, reject or request changes now: the post is in review, not theirs, and its current step names them or a role they hold there.",
  })
  canDecide(@Parent() post: Post, @Context('req') req: PivotRequest): Promise<boolean> | boolean {
    return post.state === 'IN_REVIEW' ? this.loaders.for(req).decidable.load(post.id) : false;
  }

  @ResolveField(() => [PostActionEnum], { description: 'The moves the state machine allows from here (whether the caller may make them is their ability).' })
  allowedActions(@Parent() post: Post): PostEvent[] {
    return allowedEvents(post.state);
  }
}
