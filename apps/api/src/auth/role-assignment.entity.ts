import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Role } from '@pivot/domain';
import { User } from './user.entity';

/** A role held by a user at a scope page (none for PLATFORM_ADMIN). */
@Entity({ name: 'role_assignments' })
@Index('UQ_role_assignments_grant', ['userId', 'role', 'scopePageId'], { unique: true })
@Index('IDX_role_assignments_user', ['userId'])
@Index('IDX_role_assignments_brand', ['brandId'])
// GIN on scope_ids, created by the migration.
@Index('IDX_role_assignments_scope', { synchronize: false })
export class RoleAssignment {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'PK_role_assignments' })
  id: string;

  @Column('uuid', { name: 'user_id' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_role_assignments_user' })
  user?: User;

  @Column('varchar', { length: 32 })
  role: Role;

  @Column('uuid', { name: 'brand_id', nullable: true })
  brandId: string | null;

  // The tree's entities by name, not by import: roles sit below the tree (docs/ARCHITECTURE.md).
  // These relations declare the foreign keys; nothing loads them.
  @ManyToOne('Brand', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'brand_id', foreignKeyConstraintName: 'FK_role_assignments_brand' })
  brand?: { id: string };

  @Column('uuid', { name: 'scope_page_id', nullable: true })
  scopePageId: string | null;

  @ManyToOne('Page', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'scope_page_id', foreignKeyConstraintName: 'FK_role_assignments_scope_page' })
  scopePage?: { id: string };

  /** The scope page's own scope (its id and its ancestors'): what the role reaches, and who governs the grant. */
  @Column('uuid', { name: 'scope_ids', array: true })
  scopeIds: string[];

  @Column('uuid', { name: 'granted_by_id', nullable: true })
  grantedById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'granted_by_id', foreignKeyConstraintName: 'FK_role_assignments_granted_by' })
  grantedBy?: User;

  @Column('timestamptz', { name: 'granted_at', default: () => 'now()' })
  grantedAt: Date;
}
