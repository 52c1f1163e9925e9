import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { ConnectorsModule } from '../connectors/connectors.module';
import { HierarchyModule } from '../hierarchy/hierarchy.module';
import { ApprovalPolicyEntity } from './rules/approval-policy.entity';
import { PostEventEntity } from './posts/post-event.entity';
import { PostLoadersFactory } from './posts/post.loaders';
import { PostQueryService } from './posts/post-query.service';
import { PostResolver } from './posts/post.resolver';
import { PostReviewService } from './review/post-review.service';
import { PostScheduleService } from './schedule/post-schedule.service';
import { PostTimelineResolver } from './posts/post-timeline.resolver';
import { PostService } from './posts/post.service';
import { PostRescopeOnPageMove } from './posts/post-scope';
import { PostStore } from './posts/post-store';
import { PostPublication } from './schedule/post-publication.entity';
import { PostTarget } from './posts/post-target.entity';
import { PublishWorker } from './schedule/publish-worker';
import { PublishingFreeze } from './rules/publishing-freeze.entity';
import { PublishingFreezeResolver } from './rules/publishing-freeze.resolver';
import { PublishingFreezeService } from './rules/publishing-freeze.service';
import { PublisherService } from './schedule/publisher.service';
import { Post } from './posts/post.entity';
import { PublishingRulesResolver } from './rules/publishing-rules.resolver';
import { PublishingRulesService } from './rules/publishing-rules.service';
import { CascadeJob } from './cascade/cascade-job.entity';
import { CascadeLoadersFactory } from './cascade/cascade.loaders';
import { CascadePostFieldsResolver, CascadeResolver } from './cascade/cascade.resolver';
import { CascadeRunner } from './cascade/cascade-runner.service';
import { CascadeService } from './cascade/cascade.service';
import { CascadeWorker } from './cascade/cascade-worker';
import { RolloutService } from './cascade/rollout.service';

/** Publishing (DESIGN §5), drafts, guardrails, approval policies, reviews, the cascade to markets, and scheduled publishing. */
@Module({
  imports: [TypeOrmModule.forFeature([Post, PostTarget, PostEventEntity, ApprovalPolicyEntity, PostPublication, PublishingFreeze, CascadeJob]), AuditModule, HierarchyModule, ConnectorsModule],
  providers: [PostStore, PostRescopeOnPageMove, PublisherService, PublishWorker, PublishingFreezeService, PublishingFreezeResolver, PostService, PostReviewService, PostScheduleService, PostQueryService, PublishingRulesService, PostLoadersFactory, PostResolver, PostTimelineResolver, PublishingRulesResolver,
    // The cascade to markets (publishing/cascade/).
    CascadeRunner, CascadeWorker, CascadeService, RolloutService, CascadeLoadersFactory, CascadeResolver, CascadePostFieldsResolver,
  ],
})
export class PublishingModule {}
