import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Brand } from './brand.entity';
import { Page } from './page.entity';

/** A country without a page of its own, served by a market page (LU → FR). */
@Entity({ name: 'market_aliases' })
@Index('UQ_market_aliases_country', ['brandId', 'network', 'country'], { unique: true })
@Index('IDX_market_aliases_market', ['marketPageId'])
// GIN on scope_ids, created by the migration.
@Index('IDX_market_aliases_scope', { synchronize: false })
export class MarketAlias {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'PK_market_aliases' })
  id: string;

  @Column('uuid', { name: 'brand_id' })
  brandId: string;

  @ManyToOne(() => Brand, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'brand_id', foreignKeyConstraintName: 'FK_market_aliases_brand' })
  brand?: Brand;

  @Column('varchar', { length: 40 })
  network: string;

  @Column('char', { length: 2 })
  country: string;

  @Column('uuid', { name: 'market_page_id' })
  marketPageId: string;

  @ManyToOne(() => Page, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'market_page_id', foreignKeyConstraintName: 'FK_market_aliases_market' })
  marketPage?: Page;

  /** The market page's scope: the alias is governed by whoever governs that market. */
  @Column('uuid', { name: 'scope_ids', array: true })
  scopeIds: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
