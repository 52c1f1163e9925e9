import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { actorOf, type PivotRequest } from '../../auth/request-context';
import type { PostEventEntity } from './post-event.entity';
import type { PostPublication } from '../schedule/post-publication.entity';
import { PostQueryService } from './post-query.service';
import type { Post } from './post.entity';
import { PublishingRulesService, type PostReview } from '../rules/publishing-rules.service';

/** Per request: a whole page of posts' targets, timelines, draft previews and who may decide them in a few statements. */
export class PostLoaders {
  readonly targetIds: DataLoader<string, string[]>;
  readonly timeline: DataLoader<string, PostEventEntity[]>;
  readonly publications: DataLoader<string, PostPublication[]>;
  /** Due but held back by a publishing freeze. */
  readonly held: DataLoader<string, boolean>;
  /** What the rules would say if the draft were submitted now (keyed by post, compared by id). */
  readonly preview: DataLoader<Post, PostReview, string>;
  /** Whether the caller may decide the post's current step now. */
  readonly decidable: DataLoader<string, boolean>;
  /** Timeline actors' display names, for every post of the request at once. */
  readonly userName: DataLoader<string, string | null>;

  constructor(query: PostQueryService, rules: PublishingRulesService, request: PivotRequest) {
    this.decidable = new DataLoader(async (ids) => {
      const decidable = await query.decidableIds(actorOf(request), ids);
      return ids.map((id) => decidable.has(id));
    });
    this.userName = new DataLoader(async (ids) => {
      const names = await query.userNames(ids);
      return ids.map((id) => names.get(id) ?? null);
    });
    this.targetIds = new DataLoader(async (ids) => {
      const byPost = await query.targetIds(ids);
      return ids.map((id) => byPost.get(id) ?? []);
    });
    this.timeline = new DataLoader(async (ids) => {
      const byPost = await query.timelines(ids);
      return ids.map((id) => byPost.get(id) ?? []);
    });
    this.publications = new DataLoader(async (ids) => {
      const byPost = await query.publications(ids);
      return ids.map((id) => byPost.get(id) ?? []);
    });
    this.held = new DataLoader(async (ids) => {
      const held = await query.heldPostIds(ids);
      return ids.map((id) => held.has(id));
    });
    this.preview = new DataLoader(
      async (posts) => {
        const targets = await this.targetIds.loadMany(posts.map((post) => post.id));
        return rules.previewMany(posts.map((post, index) => ({ post, targetPageIds: asList(targets[index]) })));
      },
      { cacheKeyFn: (post) => post.id },
    );
  }
}

function asList(value: string[] | Error | undefined): string[] {
  if (value instanceof Error) throw value;
  return value ?? [];
}

@Injectable()
export class PostLoadersFactory {
  private readonly perRequest = new WeakMap<object, PostLoaders>();

  constructor(
    private readonly query: PostQueryService,
    private readonly rules: PublishingRulesService,
  ) {}

  for(request: PivotRequest): PostLoaders {
    let loaders = this.perRequest.get(request);
    if (!loaders) {
      loaders = new PostLoaders(this.query, this.rules, request);
      this.perRequest.set(request, loaders);
    }
    return loaders;
  }
}
