import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { ConnectorsModule } from '../connectors/connectors.module';
import { HierarchyModule } from '../hierarchy/hierarchy.module';
import { CannedResponse } from './canned-response.entity';
import { CannedResponseResolver } from './canned-response.resolver';
import { CannedResponseService } from './canned-response.service';
import { ClaimService } from './claim.service';
import { Conversation } from './conversation.entity';
import { ConversationEventsResolver } from './conversation-events.resolver';
import { ConversationHistoryService } from './conversation-history.service';
import { ConversationNote } from './conversation-note.entity';
import { ConversationQueryService } from './conversation-query.service';
import { ConversationWorkResolver } from './conversation-work.resolver';
import { ConversationWorkService } from './conversation-work.service';
import { FacebookWebhookController } from './facebook-webhook.controller';
import { InboundItemEntity } from './inbound-item.entity';
import { InboundService } from './inbound.service';
import { QueueMember } from './queue-member.entity';
import { QueueOverviewResolver } from './queue-overview.resolver';
import { QueueOverviewService } from './queue-overview.service';
import { QueueResolver } from './queue.resolver';
import { QueueService } from './queue.service';
import { ReplyQueue } from './reply-queue.entity';
import { ReplyQueueResolver } from './reply-queue.resolver';
import { CannedResponseOriginResolver, RoutingRuleOriginResolver, RoutingTestOriginResolver } from './reply-setup-origin.resolver';
import { RouterService } from './router.service';
import { RoutingDispatcher } from './routing-dispatcher';
import { RoutingRuleEntity } from './routing-rule.entity';
import { RoutingRuleService } from './routing-rule.service';
import { SlaBreachService } from './sla-breach.service';
import { UnmatchedInboundItem } from './unmatched-inbound-item.entity';

/** Reply queues (DESIGN §6): ingest, routing, queues with leased claims, the moderator's actions. */
@Module({
  imports: [
    TypeOrmModule.forFeature([InboundItemEntity, Conversation, UnmatchedInboundItem, ReplyQueue, QueueMember, RoutingRuleEntity, CannedResponse, ConversationNote]),
    AuditModule,
    AuthModule,
    ConnectorsModule,
    HierarchyModule,
  ],
  controllers: [FacebookWebhookController],
  providers: [
    InboundService,
    ConversationQueryService,
    ReplyQueueResolver,
    QueueService,
    RoutingRuleService,
    RouterService,
    RoutingDispatcher,
    ClaimService,
    SlaBreachService,
    ConversationWorkService,
    ConversationHistoryService,
    CannedResponseService,
    QueueResolver,
    ConversationWorkResolver,
    CannedResponseResolver,
    ConversationEventsResolver,
    QueueOverviewService,
    QueueOverviewResolver,
    CannedResponseOriginResolver,
    RoutingRuleOriginResolver,
    RoutingTestOriginResolver,
  ],
})
export class ReplyQueueModule {}
