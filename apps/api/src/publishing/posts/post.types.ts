import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { POST_EVENTS, POST_STATES, type PostState } from '@pivot/domain';
import { ConnectionType } from '../../graphql/connection';
import { asEnum } from '../../graphql/enum-type';
import { PatchType } from '../../graphql/patch-type';
import { POST_EVENT_KINDS, type PostEventKind } from './post-event.entity';

export const PostStateEnum = asEnum(POST_STATES);
export const PostActionEnum = asEnum(POST_EVENTS);
export const PostEventKindEnum = asEnum(POST_EVENT_KINDS);
export const MediaKindEnum = asEnum(['image', 'video'] as const);
registerEnumType(PostStateEnum, { name: 'PostState', description: 'DESIGN §5: DRAFT → IN_REVIEW → APPROVED → SCHEDULED → PUBLISHED, and the side states.' });
registerEnumType(PostActionEnum, { name: 'PostAction', description: 'The moves of the post state machine.' });
registerEnumType(PostEventKindEnum, { name: 'PostEventKind' });
registerEnumType(MediaKindEnum, { name: 'MediaKind' });

@ObjectType('MediaRef', { description: 'A picture or video of the media library.' })
@InputType('MediaRefInput')
export class MediaRefType {
  @Field(() => ID)
  id: string;

  @Field(() => MediaKindEnum)
  kind: 'image' | 'video';
}

@ObjectType('Post', { description: 'A post for one or more pages of one brand.' })
export class PostType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  brandId: string;

  @Field(() => [ID], { description: 'The scope of the lowest common ancestor of the targets: who may see the post.' })
  scopeIds: string[];

  @Field(() => String)
  body: string;

  @Field(() => String, { nullable: true })
  link: string | null;

  @Field(() => [MediaRefType])
  media: MediaRefType[];

  @Field(() => String, { description: 'BCP 47 tag of the body.' })
  locale: string;

  @Field(() => Date, { nullable: true })
  publishAt: Date | null;

  @Field(() => ID)
  authorId: string;

  @Field(() => PostStateEnum)
  state: PostState;

  @Field(() => Int, { description: 'Pass it back with every change: a stale one is refused with CONFLICT.' })
  version: number;

  @Field(() => ID, { nullable: true })
  parentPostId: string | null;

  @Field(() => Date, { nullable: true })
  submittedAt: Date | null;

  @Field(() => ID, { nullable: true, description: 'Who submitted the current round: the author, or for a cascade child whoever localized it in the market. They may not approve it.' })
  submittedById: string | null;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date)
  updatedAt: Date;
}

export const PostConnection = ConnectionType(PostType, 'Post');

@ObjectType('PostTimelineEntry', { description: 'One transition, decision or comment on a post.' })
export class PostTimelineEntryType {
  @Field(() => ID)
  id: string;

  @Field(() => PostEventKindEnum)
  kind: PostEventKind;

  @Field(() => ID, { nullable: true, description: 'null for the system.' })
  actorId: string | null;

  @Field(() => Date)
  occurredAt: Date;

  @Field(() => PostStateEnum, { nullable: true })
  fromState: PostState | null;

  @Field(() => PostStateEnum, { nullable: true })
  toState: PostState | null;

  @Field(() => Int)
  version: number;

  @Field(() => String, { nullable: true, description: 'The approval step an approval counts for.' })
  stepId: string | null;

  @Field(() => String, { nullable: true })
  comment: string | null;
}

@InputType()
export class CreatePostInput {
  @Field(() => ID)
  brandId: string;

  @Field(() => [ID], { description: 'One or more pages of the brand.' })
  targetPageIds: string[];

  @Field(() => String)
  body: string;

  @Field(() => String, { nullable: true })
  link?: string | null;

  @Field(() => [MediaRefType], { nullable: true })
  media?: MediaRefType[] | null;

  @Field(() => String)
  locale: string;

  @Field(() => Date, { nullable: true })
  publishAt?: Date | null;
}

@InputType()
export class UpdatePostInput extends PatchType(CreatePostInput, ['brandId']) {
  @Field(() => String, { nullable: true, description: 'An empty string removes the link.' })
  link?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'True removes the publish time.' })
  clearPublishAt?: boolean | null;
}

@InputType()
export class PostFilterInput {
  @Field(() => ID, { nullable: true })
  brandId?: string | null;

  @Field(() => [PostStateEnum], { nullable: true })
  states?: PostState[] | null;

  @Field(() => ID, { nullable: true, description: 'Posts that target this page.' })
  pageId?: string | null;

  @Field(() => ID, { nullable: true })
  authorId?: string | null;

  @Field(() => ID, { nullable: true, description: "Posts with a target in this page's subtree (a market: its page and its segments)." })
  underPageId?: string | null;

  @Field(() => Date, { nullable: true, description: 'Posts whose publish time is at or after this (posts without one are left out).' })
  publishFrom?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Posts whose publish time is before this (posts without one are left out).' })
  publishBefore?: Date | null;
}
