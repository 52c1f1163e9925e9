import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Page } from '../../hierarchy/page.entity';
import { Conversation } from '../conversations/conversation.entity';
import type { InboundItemKind, InboundItemSource, InboundItemStatus } from './inbound-item';

/**
 * One comment, reply or message as the network sent it, stored once per (network, external id)
 * however often it is delivered: the unique index makes `INSERT … ON CONFLICT DO NOTHING` the
 * whole idempotency story, across concurrent deliveries and API instances.
 */
@Entity({ name: 'inbound_items' })
@Index('UQ_inbound_items_network_external', ['network', 'externalId'], { unique: true })
@Index('IDX_inbound_items_conversation', ['conversationId', 'occurredAt'])
@Index('IDX_inbound_items_page', ['pageId'])
// GIN on scope_ids, created by the migration.
@Index('IDX_inbound_items_scope', { synchronize: false })
// The router's to-do list: items not routed yet (partial, by the migration).
@Index('IDX_inbound_items_received', { synchronize: false })
// Conversation metric rollups (conversation-metrics/): items by arrival and by day, created by their migration.
@Index('IDX_inbound_items_received_at', { synchronize: false })
@Index('IDX_inbound_items_brand_occurred', { synchronize: false })
export class InboundItemEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'PK_inbound_items' })
  id: string;

  @Column('varchar', { length: 40 })
  network: string;

  @Column('varchar', { name: 'external_id', length: 200 })
  externalId: string;

  @Column('uuid', { name: 'brand_id' })
  brandId: string;

  @Column('uuid', { name: 'page_id' })
  pageId: string;

  @ManyToOne(() => Page, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'page_id', foreignKeyConstraintName: 'FK_inbound_items_page' })
  page?: Page;

  /** The page's scope when the item arrived (DESIGN §2). */
  @Column('uuid', { name: 'scope_ids', array: true })
  scopeIds: string[];

  @Column('uuid', { name: 'conversation_id' })
  conversationId: string;

  @ManyToOne(() => Conversation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conversation_id', foreignKeyConstraintName: 'FK_inbound_items_conversation' })
  conversation?: Conversation;

  @Column('varchar', { length: 16 })
  kind: InboundItemKind;

  /** The post a comment or reply sits under, or the message thread. */
  @Column('varchar', { name: 'thread_id', length: 200 })
  threadId: string;

  /** The comment a reply answers; null for top-level comments and messages. */
  @Column('varchar', { name: 'parent_external_id', length: 200, nullable: true })
  parentExternalId: string | null;

  @Column('varchar', { name: 'author_id', length: 200 })
  authorId: string;

  @Column('varchar', { name: 'author_name', length: 200, nullable: true })
  authorName: string | null;

  @Column('text')
  text: string;

  @Column('varchar', { length: 35, nullable: true })
  language: string | null;

  /** When the author wrote it, by the network's clock. */
  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt: Date;

  @CreateDateColumn({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  @Column('varchar', { length: 16 })
  source: InboundItemSource;

  /** RECEIVED until the router has given its conversation a queue. */
  @Column('varchar', { length: 16, default: 'RECEIVED' })
  status: InboundItemStatus;
}
