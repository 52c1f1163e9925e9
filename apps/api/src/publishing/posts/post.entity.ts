import type { ApprovalPathStep, MediaRef, PostState, Role } from '@pivot/domain';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../../auth/user.entity';
import { Timestamped } from '../../database/timestamped.entity';
import { Brand } from '../../hierarchy/brand.entity';

/**
 * A post for one or more pages of one brand (its targets are `post_targets`).
 *
 * Scope (DESIGN §2, §4): `scopeIds` is the scope of the lowest common ancestor of the targets,
 * i.e. the longest path from the root that every target's scope starts with. A role at page X
 * then reaches the post exactly when X is at or above every target: a post on FR and its
 * segments sits at FR (the FR team sees it), a post on FR and ES sits at EMEA (FR's manager
 * never sees it: it is partly ES's), a post on the global page sits at G (the brand team's).
 * Targets in two networks' trees share no ancestor: the scope is empty and only brand-wide roles
 * reach the post (a limit: a manager holding FR on both networks does not see it).
 *
 * `version` grows with every change (edits and transitions); writes check it (optimistic
 * locking): a stale approve is refused with CONFLICT.
 */
@Entity({ name: 'posts' })
@Index('IDX_posts_brand_created', ['brandId', 'createdAt'])
@Index('IDX_posts_author', ['authorId'])
@Index('IDX_posts_state_submitted', ['state', 'submittedAt'])
@Index('IDX_posts_parent', ['parentPostId'])
// GIN on scope_ids, created by the migration.
@Index('IDX_posts_scope', { synchronize: false })
export class Post extends Timestamped {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'PK_posts' })
  id: string;

  @Column('uuid', { name: 'brand_id' })
  brandId: string;

  @ManyToOne(() => Brand, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'brand_id', foreignKeyConstraintName: 'FK_posts_brand' })
  brand?: Brand;

  @Column('uuid', { name: 'scope_ids', array: true })
  scopeIds: string[];

  @Column('text')
  body: string;

  @Column('varchar', { length: 2048, nullable: true })
  link: string | null;

  /** References to the media library, in display order. */
  @Column('jsonb', { default: () => `'[]'` })
  media: MediaRef[];

  @Column('varchar', { length: 35 })
  locale: string;

  @Column('timestamptz', { name: 'publish_at', nullable: true })
  publishAt: Date | null;

  @Column('uuid', { name: 'author_id' })
  authorId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'FK_posts_author' })
  author?: User;

  @Column('varchar', { length: 20, default: 'DRAFT' })
  state: PostState;

  @Column('int', { default: 1 })
  version: number;

  /** Cascade (publishing/cascade/): the global post this one localizes, and its version then. */
  @Column('uuid', { name: 'parent_post_id', nullable: true })
  parentPostId: string | null;

  @ManyToOne(() => Post, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'parent_post_id', foreignKeyConstraintName: 'FK_posts_parent' })
  parentPost?: Post;

  @Column('int', { name: 'parent_version_localized', nullable: true })
  parentVersionLocalized: number | null;

  /** The parent's body at `parentVersionLocalized`: what "global changed" diffs the parent's body against. */
  @Column('text', { name: 'localized_parent_body', nullable: true })
  localizedParentBody: string | null;

  /** Grows at every submission: approvals count for the current round only. */
  @Column('int', { name: 'review_round', default: 0 })
  reviewRound: number;

  @Column('timestamptz', { name: 'submitted_at', nullable: true })
  submittedAt: Date | null;

  /**
   * Who submitted the current round: the author, or for a cascade child the market's localizer.
   * Kept in a column (besides the timeline's SUBMITTED actor) so the approve rule and the inbox exclude them.
   */
  @Column('uuid', { name: 'submitted_by', nullable: true })
  submittedById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'submitted_by', foreignKeyConstraintName: 'FK_posts_submitted_by' })
  submitter?: User;

  /** The approval path fixed at submission (a policy edited mid-review does not move the goal posts). */
  @Column('jsonb', { name: 'approval_path', nullable: true })
  approvalPath: ApprovalPathStep[] | null;

  /*
   * Who may decide the pending step, kept in columns so "what waits for me" is one indexed query:
   * a role at the post's market (scope_ids holds the holder's page) or at the brand, or users.
   */
  @Column('varchar', { name: 'pending_step_id', length: 60, nullable: true })
  pendingStepId: string | null;

  @Column('varchar', { name: 'pending_role', length: 32, nullable: true })
  pendingRole: Role | null;

  @Column('varchar', { name: 'pending_scope', length: 16, nullable: true })
  pendingScope: 'post-market' | 'brand' | null;

  @Column('uuid', { name: 'pending_user_ids', array: true, default: () => `'{}'` })
  pendingUserIds: string[];
}
