import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../../auth/user.entity';
import { Post } from '../posts/post.entity';

export const CASCADE_JOB_STATES = ['QUEUED', 'RUNNING', 'DONE', 'FAILED'] as const;
export type CascadeJobState = (typeof CASCADE_JOB_STATES)[number];

/** A target that got no child: why, in the API's words (ALREADY_CASCADED, PAGE_ARCHIVED…). */
export interface CascadeTargetError {
  pageId: string;
  code: string;
  message: string;
}

/**
 * One cascade of a global post to a list of target pages, worked through by the cascade worker
 * in batches. `done + failed` is how far it got: every target ends in exactly one of them, in the
 * batch transaction that made (or skipped) its child, so a worker that dies mid-way leaves the
 * job at the last committed batch and the next one carries on from there.
 *
 * The claim is a lease (`claimed_by`, `lease_until`) renewed after every batch, not a row lock
 * held for the whole run: a run spans many transactions, and progress must be readable meanwhile.
 */
@Entity({ name: 'cascade_jobs' })
@Index('IDX_cascade_jobs_post_created', ['postId', 'createdAt'])
@Index('IDX_cascade_jobs_claimable', ['state', 'leaseUntil'], { where: `"state" IN ('QUEUED', 'RUNNING')` })
export class CascadeJob {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'PK_cascade_jobs' })
  id: string;

  /** The global (parent) post. */
  @Column('uuid', { name: 'post_id' })
  postId: string;

  @ManyToOne(() => Post, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'post_id', foreignKeyConstraintName: 'FK_cascade_jobs_post' })
  post?: Post;

  /** Who cascaded: the author of every child. */
  @Column('uuid', { name: 'created_by_id' })
  createdById: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id', foreignKeyConstraintName: 'FK_cascade_jobs_created_by' })
  createdBy?: User;

  @Column('varchar', { length: 10, default: 'QUEUED' })
  state: CascadeJobState;

  /** The target pages, deduplicated, in the order asked: batches take them in this order. */
  @Column('uuid', { name: 'target_page_ids', array: true })
  targetPageIds: string[];

  @Column('int')
  total: number;

  @Column('int', { default: 0 })
  done: number;

  @Column('int', { default: 0 })
  failed: number;

  @Column('jsonb', { default: () => `'[]'` })
  errors: CascadeTargetError[];

  @Column('varchar', { name: 'claimed_by', length: 80, nullable: true })
  claimedBy: string | null;

  @Column('timestamptz', { name: 'lease_until', nullable: true })
  leaseUntil: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { name: 'finished_at', nullable: true })
  finishedAt: Date | null;
}
