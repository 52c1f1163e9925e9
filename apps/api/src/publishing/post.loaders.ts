import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { PivotRequest } from '../auth/request-context';
import type { PostEventEntity } from './post-event.entity';
import { PostQueryService } from './post-query.service';

/** Per request: a whole page of posts' targets and timelines in one statement each. */
export class PostLoaders {
  readonly targetIds: DataLoader<string, string[]>;
  readonly timeline: DataLoader<string, PostEventEntity[]>;

  constructor(query: PostQueryService) {
    this.targetIds = new DataLoader(async (ids) => {
      const byPost = await query.targetIds(ids);
      return ids.map((id) => byPost.get(id) ?? []);
    });
    this.timeline = new DataLoader(async (ids) => {
      const byPost = await query.timelines(ids);
      return ids.map((id) => byPost.get(id) ?? []);
    });
  }
}

@Injectable()
export class PostLoadersFactory {
  private readonly perRequest = new WeakMap<object, PostLoaders>();

  constructor(private readonly query: PostQueryService) {}

  for(request: PivotRequest): PostLoaders {
    let loaders = this.perRequest.get(request);
    if (!loaders) {
      loaders = new PostLoaders(this.query);
      this.perRequest.set(request, loaders);
    }
    return loaders;
  }
}
