import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { PageKind, PageStatus } from '@pivot/domain';
import { Versioned } from '../database/timestamped.entity';
import { Brand } from './brand.entity';

@Entity({ name: 'pages' })
@Index('IDX_pages_brand', ['brandId'])
@Index('IDX_pages_parent', ['parentId'])
@Index('IDX_pages_network_external_id', ['network', 'externalId'], { where: '"external_id" IS NOT NULL' })
// Ingest and publishing find a network's page by its external id: one active page holds each.
@Index('UQ_pages_active_network_external_id', ['network', 'externalId'], { unique: true, where: `"status" = 'ACTIVE' AND "external_id" IS NOT NULL` })
@Index('UQ_pages_global_per_network', ['brandId', 'network'], { unique: true, where: `"kind" = 'GLOBAL'` })
// GIN index on scope_ids (`scope_ids @> ARRAY[x]`) is created by the migration: TypeORM cannot declare GIN.
@Index('IDX_pages_scope', { synchronize: false })
export class Page extends Versioned {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'PK_pages' })
  id: string;

  @Column('uuid', { name: 'brand_id' })
  brandId: string;

  @ManyToOne(() => Brand, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'brand_id', foreignKeyConstraintName: 'FK_pages_brand' })
  brand?: Brand;

  @Column('uuid', { name: 'parent_id', nullable: true })
  parentId: string | null;

  @ManyToOne(() => Page, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'FK_pages_parent' })
  parent?: Page;

  /** This page's id and all its ancestors' ids, root first: the scope a role at any of them reaches. */
  @Column('uuid', { name: 'scope_ids', array: true })
  scopeIds: string[];

  @Column('varchar', { length: 16 })
  kind: PageKind;

  @Column('varchar', { length: 40 })
  network: string;

  @Column('varchar', { name: 'external_id', length: 120, nullable: true })
  externalId: string | null;

  @Column('varchar', { length: 120, nullable: true })
  handle: string | null;

  @Column('varchar', { length: 2048 })
  url: string;

  @Column('varchar', { length: 200 })
  name: string;

  @Column('char', { length: 2, nullable: true })
  country: string | null;

  @Column('text', { array: true, default: () => `'{}'` })
  languages: string[];

  @Column('varchar', { length: 60, nullable: true })
  segment: string | null;

  @Column('varchar', { length: 16, default: 'ACTIVE' })
  status: PageStatus;

  @Column('boolean', { name: 'default_variant', default: false })
  defaultVariant: boolean;

  @Column('text', { name: 'region_countries', array: true, default: () => `'{}'` })
  regionCountries: string[];

  @Column('varchar', { name: 'picture_url', length: 2048, nullable: true })
  pictureUrl: string | null;

  @Column('text', { nullable: true })
  description: string | null;

  @Column('text', { array: true, default: () => `'{}'` })
  keywords: string[];

  @Column('varchar', { length: 2048, nullable: true })
  website: string | null;
}
