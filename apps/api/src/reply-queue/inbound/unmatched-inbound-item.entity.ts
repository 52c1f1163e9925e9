import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An item for a page Pivot does not know (no page with that network and external id, or more
 * than one). Kept aside, once per (network, external id), so it can be replayed once the page
 * is registered, and counted so someone notices. It belongs to no brand.
 */
@Entity({ name: 'unmatched_inbound_items' })
@Index('UQ_unmatched_inbound_items_network_external', ['network', 'externalId'], { unique: true })
@Index('IDX_unmatched_inbound_items_page', ['network', 'pageExternalId'])
export class UnmatchedInboundItem {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'PK_unmatched_inbound_items' })
  id: string;

  @Column('varchar', { length: 40 })
  network: string;

  @Column('varchar', { name: 'external_id', length: 200 })
  externalId: string;

  @Column('varchar', { name: 'page_external_id', length: 200 })
  pageExternalId: string;

  /** The normalized item, enough to replay it. */
  @Column('jsonb')
  item: Record<string, unknown>;

  @CreateDateColumn({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;
}
