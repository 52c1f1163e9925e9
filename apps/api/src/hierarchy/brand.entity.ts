import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Versioned } from '../database/timestamped.entity';
import type { BrandGuardrails, SegmentFallback } from '@pivot/domain';

@Entity({ name: 'brands' })
@Index('UQ_brands_slug', ['slug'], { unique: true })
export class Brand extends Versioned {
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

  /** Banned terms, required hashtags, allowed link domains (DESIGN §5); null until the brand team sets them. */
  @Column('jsonb', { nullable: true })
  guardrails: BrandGuardrails | null;
}
