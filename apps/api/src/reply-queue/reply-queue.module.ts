import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { ConnectorsModule } from '../connectors/connectors.module';
import { HierarchyModule } from '../hierarchy/hierarchy.module';
import { CannedResponse } from './canned/canned-response.entity';
import { CannedResponseResolver } from './canned/canned-response.resolver';
import { CannedResponseService } from './canned/canned-response.service';
import { ClaimService } from './conversations/claim.service';
import { Conversation } from './conversations/conversation.entity';
import { ConversationEventsResolver } from './conversations/conversation-events.resolver';
import { ConversationHistoryService } from './conversations/conversation-history.service';
import { ConversationNote } from './conversations/conversation-note.entity';
import { ConversationQueryService } from './conversations/conversation-query.service';
import { ConversationWorkResolver } from './conversations/conversation-work.resolver';
import { ConversationWorkService } from './conversations/conversation-work.service';
import { FacebookWebhookController } from './inbound/facebook-webhook.controller';
import { InboundItemEntity } from './inbound/inbound-item.entity';
import { InboundResolver } from './inbound/inbound.resolver';
import { InboundService } from './inbound/inbound.service';
import { QueueMember } from './queues/queue-member.entity';
import { QueueOverviewResolver } from './overview/queue-overview.resolver';
import { QueueOverviewService } from './overview/queue-overview.service';
import { QueueResolver } from './queues/queue.resolver';
import { QueueService } from './queues/queue.service';
import { ReplyQueue } from './queues/reply-queue.entity';
import { ConversationResolver } from './conversations/conversation.resolver';
import { CannedResponseOriginResolver, RoutingRuleOriginResolver, RoutingTestOriginResolver } from './reply-setup-origin.resolver';
import { RouterService } from './routing/router.service';
import { RoutingDispatcher } from './routing/routing-dispatcher';
import { RoutingRuleEntity } from './routing/routing-rule.entity';
import { RoutingRuleResolver } from './routing/routing-rule.resolver';
import { RoutingRuleService } from './routing/routing-rule.service';
import { SlaBreachService } from './routing/sla-breach.service';
import { UnmatchedInboundItem } from './inbound/unmatched-inbound-item.entity';

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
    ConversationResolver,
    InboundResolver,
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
    RoutingRuleResolver,
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
