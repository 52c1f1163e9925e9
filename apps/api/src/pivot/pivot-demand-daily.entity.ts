import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Brand } from '../hierarchy/brand.entity';

/**
 * How many public pivot resolutions a brand answered per visitor country, outcome and UTC day
 * (DESIGN §7): counted in memory per instance and added here every minute, never a write per
 * request. `country` is the visitor's ISO code, `ZZ` when none was known.
 */
@Entity({ name: 'pivot_demand_daily' })
export class PivotDemandDaily {
  @PrimaryColumn('uuid', { name: 'brand_id', primaryKeyConstraintName: 'PK_pivot_demand_daily' })
  brandId: string;

  @ManyToOne(() => Brand, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'brand_id', foreignKeyConstraintName: 'FK_pivot_demand_daily_brand' })
  brand?: Brand;

  @PrimaryColumn('varchar', { length: 2, primaryKeyConstraintName: 'PK_pivot_demand_daily' })
  country: string;

  /** How the country's market was found: market, alias, region or global. */
  @PrimaryColumn('varchar', { length: 10, primaryKeyConstraintName: 'PK_pivot_demand_daily' })
  outcome: string;

  @PrimaryColumn('date', { primaryKeyConstraintName: 'PK_pivot_demand_daily' })
  day: string;

  @Column('bigint', { transformer: { to: (value: number) => value, from: (value: string) => Number(value) } })
  count: number;
}
