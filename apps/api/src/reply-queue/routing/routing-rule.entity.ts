import type { ReplyPriority, RoutingConditions } from '@pivot/domain';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { Page } from '../../hierarchy/page.entity';
import { ReplyQueue } from '../queues/reply-queue.entity';

/**
 * One rule of a scope page's ordered list (the brand's global page, a market…): items of that
 * page's subtree meeting its conditions go to its queue, with its priority and tags.
 */
@Entity({ name: 'routing_rules' })
@Index('IDX_routing_rules_scope_position', ['scopePageId', 'position'])
@Index('IDX_routing_rules_queue', ['queueId'])
// GIN on scope_ids, created by the migration.
@Index('IDX_routing_rules_scope', { synchronize: false })
export class RoutingRuleEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'PK_routing_rules' })
  id: string;

  @Column('uuid', { name: 'brand_id' })
  brandId: string;

  @Column('uuid', { name: 'scope_page_id' })
  scopePageId: string;

  @ManyToOne(() => Page, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'scope_page_id', foreignKeyConstraintName: 'FK_routing_rules_scope_page' })
  scopePage?: Page;

  @Column('uuid', { name: 'scope_ids', array: true })
  scopeIds: string[];

  @Column('varchar', { length: 120 })
  name: string;

  /** 0-based rank in the scope page's list. */
  @Column('int')
  position: number;

  @Column('jsonb')
  conditions: RoutingConditions;

  @Column('uuid', { name: 'queue_id' })
  queueId: string;

  @ManyToOne(() => ReplyQueue, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'queue_id', foreignKeyConstraintName: 'FK_routing_rules_queue' })
  queue?: ReplyQueue;

  @Column('varchar', { length: 10, default: 'NORMAL' })
  priority: ReplyPriority;

  @Column('text', { array: true, default: () => `'{}'` })
  tags: string[];

  @Column('boolean', { default: true })
  enabled: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
