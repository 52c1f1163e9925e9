import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { PivotRequest } from '../../auth/request-context';
import type { PostEventEntity } from './post-event.entity';
import { PostLoadersFactory } from './post.loaders';
import { PostTimelineEntryType } from './post.types';

/**
 * Who acted, by name, on a timeline the caller already reads: the display name only, as the
 * audit log shows its actors, so a publisher sees who approved their post without being able to
 * read that user's account. One statement for every timeline of the request.
 */
@Resolver(() => PostTimelineEntryType)
export class PostTimelineResolver {
  constructor(private readonly loaders: PostLoadersFactory) {}

  @ResolveField(() => String, { nullable: true, description: "The actor's display name; null for the system or a removed user." })
  actorName(@Parent() entry: PostEventEntity, @Context('req') req: PivotRequest): Promise<string | null> | null {
    return entry.actorId ? this.loaders.for(req).userName.load(entry.actorId) : null;
  }
}
