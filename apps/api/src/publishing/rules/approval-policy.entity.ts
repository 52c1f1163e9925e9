import type { ApprovalStep } from '@pivot/domain';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Brand } from '../../hierarchy/brand.entity';

/**
 * A brand's default approval policy (country null) or a market's override (country set): the
 * ordered steps `approvalPath` reads. A market spans its pages on every network.
 */
@Entity({ name: 'approval_policies' })
@Index('UQ_approval_policies_brand_default', ['brandId'], { unique: true, where: `"country" IS NULL` })
@Index('UQ_approval_policies_brand_country', ['brandId', 'country'], { unique: true, where: `"country" IS NOT NULL` })
export class ApprovalPolicyEntity {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'PK_approval_policies' })
  id: string;

  @Column('uuid', { name: 'brand_id' })
  brandId: string;

  @ManyToOne(() => Brand, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'brand_id', foreignKeyConstraintName: 'FK_approval_policies_brand' })
  brand?: Brand;

  /** ISO 3166-1 alpha-2; null for the brand default. */
  @Column('char', { length: 2, nullable: true })
  country: string | null;

  @Column('jsonb')
  steps: ApprovalStep[];

  @Column('int', { default: 1 })
  version: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
