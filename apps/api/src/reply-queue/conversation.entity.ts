import type { ConversationState } from '@pivot/domain';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Page } from '../hierarchy/page.entity';

/**
 * The items one author wrote in one thread of one page (a post's comments and replies, or a
 * message thread): what a moderator claims and answers. Upserted on its natural key.
 */
@Entity({ name: 'conversations' })
@Index('UQ_conversations_thread_author', ['network', 'pageId', 'threadId', 'authorId'], { unique: true })
@Index('IDX_conversations_brand_last_item', ['brandId', 'lastItemAt'])
// GIN on scope_ids, created by the migration.
@Index('IDX_conversations_scope', { synchronize: false })
export class Conversation {
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

  /** Null until routed (the next slice of the reply queues). */
  @Column('uuid', { name: 'queue_id', nullable: true })
  queueId: string | null;

  @Column('int', { name: 'item_count', default: 0 })
  itemCount: number;

  @Column('timestamptz', { name: 'first_item_at' })
  firstItemAt: Date;

  @Column('timestamptz', { name: 'last_item_at' })
  lastItemAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
