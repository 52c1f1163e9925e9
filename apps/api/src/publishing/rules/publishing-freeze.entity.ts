import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../../auth/user.entity';
import { Brand } from '../../hierarchy/brand.entity';
import { Page } from '../../hierarchy/page.entity';

/**
 * Publishing stopped for a whole brand (no market page) or one market and the pages under it.
 * While a row exists, the publisher skips every due send it covers; deleting it releases them.
 */
@Entity({ name: 'publishing_freezes' })
@Index('UQ_publishing_freezes_brand', ['brandId'], { unique: true, where: '"market_page_id" IS NULL' })
@Index('UQ_publishing_freezes_market', ['brandId', 'marketPageId'], { unique: true, where: '"market_page_id" IS NOT NULL' })
export class PublishingFreeze {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'PK_publishing_freezes' })
  id: string;

  @Column('uuid', { name: 'brand_id' })
  brandId: string;

  @ManyToOne(() => Brand, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'brand_id', foreignKeyConstraintName: 'FK_publishing_freezes_brand' })
  brand?: Brand;

  /** null: the whole brand. */
  @Column('uuid', { name: 'market_page_id', nullable: true })
  marketPageId: string | null;

  @ManyToOne(() => Page, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'market_page_id', foreignKeyConstraintName: 'FK_publishing_freezes_market_page' })
  marketPage?: Page;

  @Column('text', { nullable: true })
  reason: string | null;

  @Column('uuid', { name: 'frozen_by_id', nullable: true })
  frozenById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'frozen_by_id', foreignKeyConstraintName: 'FK_publishing_freezes_frozen_by' })
  frozenBy?: User;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
