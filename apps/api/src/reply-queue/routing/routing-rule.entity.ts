import type { ReplyPriority, RoutingConditions } from '@pivot/domain';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { ReplyQueue } from '../queues/reply-queue.entity';
import { ScopedSetupEntity } from '../scoped-setup.entity';

/**
 * One rule of a scope page's ordered list (the brand's global page, a market…): items of that
 * page's subtree meeting its conditions go to its queue, with its priority and tags.
 */
@Entity({ name: 'routing_rules' })
@Index('IDX_routing_rules_scope_position', ['scopePageId', 'position'])
@Index('IDX_routing_rules_queue', ['queueId'])
// GIN on scope_ids, created by the migration.
@Index('IDX_routing_rules_scope', { synchronize: false })
export class RoutingRuleEntity extends ScopedSetupEntity('routing_rules') {
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
}
