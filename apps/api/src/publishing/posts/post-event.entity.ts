import type { PostState } from '@pivot/domain';
import { Column, Entity, Generated, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../../auth/user.entity';
import { Post } from './post.entity';

export const POST_EVENT_KINDS = ['CREATED', 'EDITED', 'SUBMITTED', 'WITHDRAWN', 'APPROVED', 'CHANGES_REQUESTED', 'REJECTED', 'ARCHIVED', 'COMMENTED', 'SCHEDULED', 'UNSCHEDULED', 'RETRIED', 'PUBLISHED', 'FAILED', 'CASCADED', 'CREATED_BY_CASCADE', 'GLOBAL_ACKNOWLEDGED'] as const;
export type PostEventKind = (typeof POST_EVENT_KINDS)[number];

/**
 * The post's timeline: every transition, decision and comment, in order. Approvals carry the
 * step and review round they count for; the approval path is replayed from them.
 */
@Entity({ name: 'post_events' })
@Index('IDX_post_events_post_seq', ['postId', 'seq'])
export class PostEventEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'PK_post_events' })
  id: string;

  @Column({ type: 'bigint', generatedIdentity: 'ALWAYS', insert: false, update: false })
  @Generated('increment')
  seq: string;

  @Column('uuid', { name: 'post_id' })
  postId: string;

  @ManyToOne(() => Post, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'post_id', foreignKeyConstraintName: 'FK_post_events_post' })
  post?: Post;

  @Column('varchar', { length: 24 })
  kind: PostEventKind;

  /** null for the system (the publish job). */
  @Column('uuid', { name: 'actor_id', nullable: true })
  actorId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'FK_post_events_actor' })
  actor?: User;

  @Column('timestamptz', { name: 'occurred_at', default: () => 'now()' })
  occurredAt: Date;

  @Column('varchar', { name: 'from_state', length: 20, nullable: true })
  fromState: PostState | null;

  @Column('varchar', { name: 'to_state', length: 20, nullable: true })
  toState: PostState | null;

  /** The post's version after this event. */
  @Column('int')
  version: number;

  /** Approvals: the step approved and the submission round it counts for. */
  @Column('varchar', { name: 'step_id', length: 60, nullable: true })
  stepId: string | null;

  @Column('int', { name: 'review_round', nullable: true })
  reviewRound: number | null;

  @Column('text', { nullable: true })
  comment: string | null;
}
