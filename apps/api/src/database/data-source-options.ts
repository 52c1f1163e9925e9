import type { DataSourceOptions } from 'typeorm';
import { RoleAssignment } from '../auth/role-assignment.entity';
import { AuditEntry } from '../audit/audit-entry.entity';
import { User } from '../auth/user.entity';
import { Brand } from '../hierarchy/brand.entity';
import { MarketAlias } from '../hierarchy/market-alias.entity';
import { Page } from '../hierarchy/page.entity';
import { SandboxDelivery } from '../connectors/sandbox-delivery.entity';
import { CannedResponse } from '../reply-queue/canned/canned-response.entity';
import { Conversation } from '../reply-queue/conversations/conversation.entity';
import { ConversationNote } from '../reply-queue/conversations/conversation-note.entity';
import { QueueMember } from '../reply-queue/queues/queue-member.entity';
import { ReplyAuthor } from '../reply-queue/routing/reply-author.entity';
import { ReplyQueue } from '../reply-queue/queues/reply-queue.entity';
import { RoutingRuleEntity } from '../reply-queue/routing/routing-rule.entity';
import { InboundItemEntity } from '../reply-queue/inbound/inbound-item.entity';
import { UnmatchedInboundItem } from '../reply-queue/inbound/unmatched-inbound-item.entity';
import { ApprovalPolicyEntity } from '../publishing/rules/approval-policy.entity';
import { PostEventEntity } from '../publishing/posts/post-event.entity';
import { PostPublication } from '../publishing/schedule/post-publication.entity';
import { PublishingFreeze } from '../publishing/rules/publishing-freeze.entity';
import { PostTarget } from '../publishing/posts/post-target.entity';
import { Post } from '../publishing/posts/post.entity';
import { CascadeJob } from '../publishing/cascade/cascade-job.entity';
import { PageMetricDaily } from '../page-metrics/page-metric-daily.entity';
import { PageMetricStatus } from '../page-metrics/page-metric-status.entity';
import { PivotDemandDaily } from '../pivot/pivot-demand-daily.entity';
import { migrations } from './migrations';
import type { Logger as TypeOrmLogger } from 'typeorm';

export const entities = [
  User,
  Brand,
  Page,
  MarketAlias,
  RoleAssignment,
  AuditEntry,
  Conversation,
  InboundItemEntity,
  UnmatchedInboundItem,
  ReplyQueue,
  QueueMember,
  RoutingRuleEntity,
  CannedResponse,
  ConversationNote,
  SandboxDelivery,
  ReplyAuthor,
  Post,
  PostTarget,
  PostPublication,
  PublishingFreeze,
  PostEventEntity,
  ApprovalPolicyEntity,
  CascadeJob,
  PageMetricDaily,
  PageMetricStatus,
  PivotDemandDaily,
];

export interface ConnectionSettings {
  url: string;
  poolSize: number;
  statementTimeoutMs: number;
  idleInTransactionTimeoutMs: number;
  applicationName?: string;
}

/** One place that says how Pivot talks to PostgreSQL; `synchronize` is never on. */
export function dataSourceOptions(settings: ConnectionSettings, logger?: TypeOrmLogger): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    entities,
    migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    logger,
    logging: logger ? ['query', 'error', 'warn'] : false,
    extra: {
      max: settings.poolSize,
      // Set per connection by node-postgres at connect time: a runaway statement or a
      // forgotten open transaction cannot hold locks for ever.
      statement_timeout: settings.statementTimeoutMs,
      idle_in_transaction_session_timeout: settings.idleInTransactionTimeoutMs,
      application_name: settings.applicationName ?? 'pivot-api',
      // Only named prepared statements (database/prepared-query.ts) are affected: planned once per
      // connection for any parameters, not re-planned on each of the first five runs.
      options: '-c plan_cache_mode=force_generic_plan',
      connectionTimeoutMillis: 10_000,
    },
  };
}
