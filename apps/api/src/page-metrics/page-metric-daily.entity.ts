import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Brand } from '../hierarchy/brand.entity';
import { Page } from '../hierarchy/page.entity';

/**
 * One network metric of one page for one calendar day, as the network's page insights gave it.
 * Keyed by (page, metric, day): a fetch upserts, so fetching a day again changes nothing unless
 * the network changed its figure.
 */
@Entity({ name: 'page_metric_daily' })
@Index('IDX_page_metric_daily_brand_day', ['brandId', 'day'])
// (metric, day) INCLUDE (page_id, value), for the insights' brand-wide ranges: the migration makes it (TypeORM cannot declare INCLUDE).
@Index('IDX_page_metric_daily_metric_day', { synchronize: false })
export class PageMetricDaily {
  @PrimaryColumn('uuid', { name: 'page_id', primaryKeyConstraintName: 'PK_page_metric_daily' })
  pageId: string;

  @PrimaryColumn('varchar', { length: 80, primaryKeyConstraintName: 'PK_page_metric_daily' })
  metric: string;

  /** The calendar day the value is about (the network's end_time minus one day). */
  @PrimaryColumn('date', { primaryKeyConstraintName: 'PK_page_metric_daily' })
  day: string;

  @Column('uuid', { name: 'brand_id' })
  brandId: string;

  @ManyToOne(() => Brand, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'brand_id', foreignKeyConstraintName: 'FK_page_metric_daily_brand' })
  brand?: Brand;

  @ManyToOne(() => Page, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'page_id', foreignKeyConstraintName: 'FK_page_metric_daily_page' })
  page?: Page;

  @Column('bigint', { transformer: { to: (value: number) => value, from: (value: string) => Number(value) } })
  value: number;

  /** When this value was first stored or last changed. */
  @Column('timestamptz', { name: 'fetched_at', default: () => 'now()' })
  fetchedAt: Date;
}
