import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ROLLOUT_STATES, type RolloutState } from '@pivot/domain';
import { asEnum } from '../../graphql/enum-type';
import { PageType } from '../../hierarchy/hierarchy.types';
import type { Page } from '../../hierarchy/page.entity';
import type { Post } from '../posts/post.entity';
import { PostType } from '../posts/post.types';
import { CASCADE_JOB_STATES, type CascadeJobState } from './cascade-job.entity';

export const CascadeJobStateEnum = asEnum(CASCADE_JOB_STATES);
export const RolloutStateEnum = asEnum(ROLLOUT_STATES);
registerEnumType(CascadeJobStateEnum, { name: 'CascadeJobState', description: 'QUEUED until a worker claims it, RUNNING while children are made, then DONE (or FAILED when the job itself cannot go on).' });
registerEnumType(RolloutStateEnum, { name: 'RolloutState', description: "A market's column on the rollout board, from its child post's state." });

@ObjectType('CascadeTargetError', { description: 'A target page that got no child, and why (e.g. ALREADY_CASCADED).' })
export class CascadeTargetErrorType {
  @Field(() => ID)
  pageId: string;

  @Field(() => String)
  code: string;

  @Field(() => String)
  message: string;
}

@ObjectType('CascadeJob', { description: 'A cascade of a global post to target pages; poll it for progress: done + failed of total.' })
export class CascadeJobType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  postId: string;

  @Field(() => CascadeJobStateEnum)
  state: CascadeJobState;

  @Field(() => Int)
  total: number;

  @Field(() => Int, { description: 'Target pages that got their child.' })
  done: number;

  @Field(() => Int, { description: 'Target pages that got none (see errors).' })
  failed: number;

  @Field(() => [CascadeTargetErrorType])
  errors: CascadeTargetErrorType[];

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  finishedAt: Date | null;
}

@InputType()
export class CascadePostInput {
  @Field(() => ID, { description: 'The global post: it targets the brand\'s global page and is no cascade child itself.' })
  postId: string;

  @Field(() => [ID], { description: 'Market pages, or segment pages under markets, of the post\'s brand (at most 200; duplicates ignored).' })
  targetPageIds: string[];
}

@ObjectType('DiffSegment', { description: 'One run of a word diff.' })
export class DiffSegmentType {
  @Field(() => String, { description: "'equal' | 'insert' | 'delete'" })
  op: string;

  @Field(() => String)
  text: string;
}

@ObjectType('RolloutCell', { description: "One market's cell on the rollout board (one per child when a market has several)." })
export class RolloutCellType {
  @Field(() => PageType, { description: 'The market (country) page.' })
  market: Page;

  @Field(() => PageType, { nullable: true, description: "The child's target page (the market page or one of its segment pages); null when NOT_STARTED." })
  targetPage: Page | null;

  @Field(() => PostType, { nullable: true, description: "The market's localized child; null when NOT_STARTED." })
  child: Post | null;

  @Field(() => RolloutStateEnum)
  state: RolloutState;

  @Field(() => Boolean)
  globalChanged: boolean;

  @Field(() => [DiffSegmentType], { nullable: true, description: 'The global body then → now; null unless globalChanged.' })
  diff: DiffSegmentType[] | null;
}

@ObjectType('Rollout', { description: 'The rollout board of a global post.' })
export class RolloutType {
  @Field(() => PostType, { nullable: true, description: "The global post (null for a caller who reads only a child of it: a market sees the global post only through a child's parentPost)." })
  post: Post | null;

  @Field(() => [RolloutCellType], { description: 'Every market page of the brand the caller may read, in name order.' })
  cells: RolloutCellType[];

  @Field(() => CascadeJobType, { nullable: true, description: 'The newest cascade of the post (null for a caller who reads only a child of it).' })
  latestJob: CascadeJobType | null;
}
