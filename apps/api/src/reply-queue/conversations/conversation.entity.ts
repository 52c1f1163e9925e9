import type { ConversationState, ReplyPriority } from '@pivot/domain';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../../auth/user.entity';
import { Timestamped } from '../../database/timestamped.entity';
import { Page } from '../../hierarchy/page.entity';
import { ReplyQueue } from '../queues/reply-queue.entity';

/** Claims order by rank, highest first: the priority as a number the index can sort. */
export const PRIORITY_RANK: Record<ReplyPriority, number> = { LOW: 0, NORMAL: 1, HIGH: 2, URGENT: 3 };

/**
 * The items one author wrote in one thread of one page (a post's comments and replies, or a
 * message thread): what a moderator claims and answers. Upserted on its natural key.
 */
@Entity({ name: 'conversations' })
@Index('UQ_conversations_thread_author', ['network', 'pageId', 'threadId', 'authorId'], { unique: true })
@Index('IDX_conversations_brand_last_item', ['brandId', 'lastItemAt'])
// GIN on scope_ids, created by the migration.
@Index('IDX_conversations_scope', { synchronize: false })
// What claimNext scans: a queue's OPEN and ESCALATED rows by rank then age (partial, by the migration).
@Index('IDX_conversations_claim', { synchronize: false })
// A queue's held rows by lease end: lapsed leases and what a member holds (partial, by the migration).
@Index('IDX_conversations_queue_lease', { synchronize: false })
@Index('IDX_conversations_assignee', ['assigneeId'])
// What the SLA sweep scans: due times not yet breached (partial, by the migration).
@Index('IDX_conversations_sla_due', { synchronize: false })
// What the lapsed-lease sweep scans: held rows only (partial, by the migration).
@Index('IDX_conversations_lease', { synchronize: false })
export class Conversation extends Timestamped {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'PK_conversations' })
  id: string;

  @Column('varchar', { length: 40 })
  network: string;

  @Column('uuid', { name: 'brand_id' })
  brandId: string;

  @Column('uuid', { name: 'page_id' })
  pageId: string;

  @ManyToOne(() => Page, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'page_id', foreignKeyConstraintName: 'FK_conversations_page' })
  page?: Page;

  @Column('uuid', { name: 'scope_ids', array: true })
  scopeIds: string[];

  @Column('varchar', { name: 'thread_id', length: 200 })
  threadId: string;

  @Column('varchar', { name: 'author_id', length: 200 })
  authorId: string;

  /** As last seen: authors rename themselves. */
  @Column('varchar', { name: 'author_name', length: 200, nullable: true })
  authorName: string | null;

  @Column('varchar', { length: 20, default: 'OPEN' })
  state: ConversationState;

  /** Null until routed. */
  @Column('uuid', { name: 'queue_id', nullable: true })
  queueId: string | null;

  @ManyToOne(() => ReplyQueue, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'queue_id', foreignKeyConstraintName: 'FK_conversations_queue' })
  queue?: ReplyQueue;

  @Column('varchar', { length: 10, default: 'NORMAL' })
  priority: ReplyPriority;

  @Column('smallint', { name: 'priority_rank', default: 1 })
  priorityRank: number;

  @Column('text', { array: true, default: () => `'{}'` })
  tags: string[];

  /** The routing rule that picked the queue; null for a scope's default queue. */
  @Column('uuid', { name: 'rule_id', nullable: true })
  ruleId: string | null;

  @Column('timestamptz', { name: 'routed_at', nullable: true })
  routedAt: Date | null;

  /** BCP 47 tag of the latest item whose language is known: matched against members' skills. */
  @Column('varchar', { length: 35, nullable: true })
  language: string | null;

  /** Who holds it; the hold lasts while lease_expires_at is in the future. */
  @Column('uuid', { name: 'assignee_id', nullable: true })
  assigneeId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'assignee_id', foreignKeyConstraintName: 'FK_conversations_assignee' })
  assignee?: User;

  @Column('timestamptz', { name: 'lease_expires_at', nullable: true })
  leaseExpiresAt: Date | null;

  /** Escalated to the market manager rather than to another queue: only queue managers claim it. */
  @Column('boolean', { name: 'escalated_to_manager', default: false })
  escalatedToManager: boolean;

  @Column('timestamptz', { name: 'snoozed_until', nullable: true })
  snoozedUntil: Date | null;

  /** When the reply owed is due by the queue's SLA (first or next response); null when none is owed. */
  @Column('timestamptz', { name: 'response_due_at', nullable: true })
  responseDueAt: Date | null;

  /**
   * When the SLA sweep found the reply owed overdue: set once per due time (the sweep's
   * condition), cleared when that reply is given, so a later next-response breach is marked too.
   */
  @Column('timestamptz', { name: 'sla_breached_at', nullable: true })
  slaBreachedAt: Date | null;

  @Column('timestamptz', { name: 'first_responded_at', nullable: true })
  firstRespondedAt: Date | null;

  @Column('timestamptz', { name: 'last_responded_at', nullable: true })
  lastRespondedAt: Date | null;

  @Column('int', { name: 'item_count', default: 0 })
  itemCount: number;

  @Column('timestamptz', { name: 'first_item_at' })
  firstItemAt: Date;

  @Column('timestamptz', { name: 'last_item_at' })
  lastItemAt: Date;
}

/** The lease as the domain's rules read it (`isLeaseHeld`, `mayReply`). */
export const leaseOf = (conversation: { assigneeId: string | null; leaseExpiresAt: Date | null }) => ({
  holderId: conversation.assigneeId,
  leaseExpiresAt: conversation.leaseExpiresAt,
});
