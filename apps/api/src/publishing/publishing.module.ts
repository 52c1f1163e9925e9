import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { HierarchyModule } from '../hierarchy/hierarchy.module';
import { ApprovalPolicyEntity } from './approval-policy.entity';
import { PostEventEntity } from './post-event.entity';
import { PostLoadersFactory } from './post.loaders';
import { PostQueryService } from './post-query.service';
import { PostResolver } from './post.resolver';
import { PostReviewService } from './post-review.service';
import { PostService } from './post.service';
import { PostStore } from './post-store';
import { PostTarget } from './post-target.entity';
import { Post } from './post.entity';
import { PublishingRulesResolver } from './publishing-rules.resolver';
import { PublishingRulesService } from './publishing-rules.service';

/** Publishing (DESIGN §5), first slice: drafts, guardrails, approval policies and reviews. */
@Module({
  imports: [TypeOrmModule.forFeature([Post, PostTarget, PostEventEntity, ApprovalPolicyEntity]), AuditModule, HierarchyModule],
  providers: [PostStore, PostService, PostReviewService, PostQueryService, PublishingRulesService, PostLoadersFactory, PostResolver, PublishingRulesResolver],
})
export class PublishingModule {}
