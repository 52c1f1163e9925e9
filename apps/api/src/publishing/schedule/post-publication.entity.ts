import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Page } from '../../hierarchy/page.entity';
import { Post } from '../posts/post.entity';

export const PUBLICATION_STATES = ['PENDING', 'PUBLISHED', 'FAILED'] as const;
export type PublicationState = (typeof PUBLICATION_STATES)[number];

/**
 * One send of a scheduled post to one of its target pages: the claim that makes publishing
 * exactly-once. The primary key (post, page) means a post can be owed to a page only once; a
 * publisher moves a PENDING row under `FOR UPDATE SKIP LOCKED` and records the outcome in the
 * same transaction, so a second instance, or a retried poll, never finds it PENDING again once
 * sent. A PUBLISHED row is never reset, even when the post is withdrawn and scheduled again.
 */
@Entity({ name: 'post_publications' })
@Index('IDX_post_publications_due', ['nextAttemptAt'], { where: `"state" = 'PENDING'` })
export class PostPublication {
  @PrimaryColumn('uuid', { name: 'post_id', primaryKeyConstraintName: 'PK_post_publications' })
  postId: string;

  @PrimaryColumn('uuid', { name: 'page_id', primaryKeyConstraintName: 'PK_post_publications' })
  pageId: string;

  @ManyToOne(() => Post, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'post_id', foreignKeyConstraintName: 'FK_post_publications_post' })
  post?: Post;

  @ManyToOne(() => Page, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'page_id', foreignKeyConstraintName: 'FK_post_publications_page' })
  page?: Page;

  @Column('varchar', { length: 16, default: 'PENDING' })
  state: PublicationState;

  /** Sent to the connector with every attempt: the same send retried carries the same key. */
  @Column('varchar', { name: 'idempotency_key', length: 200 })
  idempotencyKey: string;

  /** When the next attempt may run: the publish time, then later after a retryable failure. */
  @Column('timestamptz', { name: 'next_attempt_at' })
  nextAttemptAt: Date;

  @Column('int', { default: 0 })
  attempts: number;

  /** The network's id of the published post. */
  @Column('varchar', { name: 'external_id', length: 200, nullable: true })
  externalId: string | null;

  /** The network's message for the last failure. */
  @Column('text', { name: 'last_error', nullable: true })
  lastError: string | null;

  @Column('timestamptz', { name: 'published_at', nullable: true })
  publishedAt: Date | null;
}
