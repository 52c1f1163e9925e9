import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { ConnectorsModule } from '../connectors/connectors.module';
import { HierarchyModule } from '../hierarchy/hierarchy.module';
import { ApprovalPolicyEntity } from './approval-policy.entity';
import { PostEventEntity } from './post-event.entity';
import { PostLoadersFactory } from './post.loaders';
import { PostQueryService } from './post-query.service';
import { PostResolver } from './post.resolver';
import { PostReviewService } from './post-review.service';
import { PostScheduleService } from './post-schedule.service';
import { PostTimelineResolver } from './post-timeline.resolver';
import { PostService } from './post.service';
import { PostRescopeOnPageMove } from './post-scope';
import { PostStore } from './post-store';
import { PostPublication } from './post-publication.entity';
import { PostTarget } from './post-target.entity';
import { PublishWorker } from './publish-worker';
import { PublishingFreeze } from './publishing-freeze.entity';
import { PublishingFreezeResolver } from './publishing-freeze.resolver';
import { PublishingFreezeService } from './publishing-freeze.service';
import { PublisherService } from './publisher.service';
import { Post } from './post.entity';
import { PublishingRulesResolver } from './publishing-rules.resolver';
import { PublishingRulesService } from './publishing-rules.service';
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
