import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { SegmentFallback } from '@pivot/domain';

@Entity({ name: 'brands' })
@Index('UQ_brands_slug', ['slug'], { unique: true })
export class Brand {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'PK_brands' })
  id: string;

  @Column('varchar', { length: 60 })
  slug: string;

  @Column('varchar', { length: 200 })
  name: string;

  /** The audience segments the brand runs pages for (consumer, business, …). */
  @Column('text', { array: true })
  audiences: string[];

  @Column('varchar', { name: 'segment_fallback', length: 32, default: 'MARKET_PAGE' })
  segmentFallback: SegmentFallback;

  /** The network the public pivot serves when the request names none. */
  @Column('varchar', { name: 'default_network', length: 40, default: 'facebook' })
  defaultNetwork: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
