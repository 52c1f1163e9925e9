import type { CannedResponseVariant } from '@pivot/domain';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { Page } from '../../hierarchy/page.entity';

/** A reply moderators pick instead of typing, one body per language, with placeholders. */
@Entity({ name: 'canned_responses' })
@Index('IDX_canned_responses_brand', ['brandId', 'name'])
// GIN on scope_ids, created by the migration.
@Index('IDX_canned_responses_scope', { synchronize: false })
export class CannedResponse {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'PK_canned_responses' })
  id: string;

  @Column('uuid', { name: 'brand_id' })
  brandId: string;

  @Column('uuid', { name: 'scope_page_id' })
  scopePageId: string;

  @ManyToOne(() => Page, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'scope_page_id', foreignKeyConstraintName: 'FK_canned_responses_scope_page' })
  scopePage?: Page;

  @Column('uuid', { name: 'scope_ids', array: true })
  scopeIds: string[];

  @Column('varchar', { length: 120 })
  name: string;

  @Column('jsonb')
  variants: CannedResponseVariant[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
