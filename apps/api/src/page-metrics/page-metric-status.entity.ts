import { Column, Entity, JoinColumn, ManyToOne, OneToOne, PrimaryColumn } from 'typeorm';
import { Brand } from '../hierarchy/brand.entity';
import { Page } from '../hierarchy/page.entity';

/**
 * How the last metrics fetch of a page went, for page health's "real" key: when the network last
 * answered, and what went wrong on the last attempt (`reasons`, empty when nothing did), e.g.
 * TOKEN_EXPIRED or METRIC_UNAVAILABLE. The last error stays recorded after a later success.
 */
@Entity({ name: 'page_metric_status' })
export class PageMetricStatus {
  @PrimaryColumn('uuid', { name: 'page_id', primaryKeyConstraintName: 'PK_page_metric_status' })
  pageId: string;

  @OneToOne(() => Page, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'page_id', foreignKeyConstraintName: 'FK_page_metric_status_page' })
  page?: Page;

  @Column('uuid', { name: 'brand_id' })
  brandId: string;

  @ManyToOne(() => Brand, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'brand_id', foreignKeyConstraintName: 'FK_page_metric_status_brand' })
  brand?: Brand;

  @Column('timestamptz', { name: 'last_attempt_at' })
  lastAttemptAt: Date;

  /** The last call the network answered with data (null: never). */
  @Column('timestamptz', { name: 'last_success_at', nullable: true })
  lastSuccessAt: Date | null;

  /** What the last attempt reported, one reason each (TOKEN_EXPIRED, METRIC_UNAVAILABLE:page_follows…). */
  @Column('varchar', { array: true, length: 120, default: () => "'{}'" })
  reasons: string[];

  @Column('varchar', { name: 'last_error_reason', length: 120, nullable: true })
  lastErrorReason: string | null;

  @Column('timestamptz', { name: 'last_error_at', nullable: true })
  lastErrorAt: Date | null;

  /** The network's own words for the last error (never a token: URLs are not kept). */
  @Column('varchar', { name: 'last_error_message', length: 500, nullable: true })
  lastErrorMessage: string | null;
}
