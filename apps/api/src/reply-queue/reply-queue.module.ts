import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { Conversation } from './conversation.entity';
import { ConversationEventsResolver } from './conversation-events.resolver';
import { ConversationQueryService } from './conversation-query.service';
import { FacebookWebhookController } from './facebook-webhook.controller';
import { InboundItemEntity } from './inbound-item.entity';
import { InboundService } from './inbound.service';
import { ReplyQueueResolver } from './reply-queue.resolver';
import { UnmatchedInboundItem } from './unmatched-inbound-item.entity';

/** Reply queues (DESIGN §6), first slice: inbound items in (webhook, import), grouped into conversations. */
@Module({
  imports: [TypeOrmModule.forFeature([InboundItemEntity, Conversation, UnmatchedInboundItem]), AuditModule],
  controllers: [FacebookWebhookController],
  providers: [InboundService, ConversationQueryService, ReplyQueueResolver, ConversationEventsResolver],
})
export class ReplyQueueModule {}
