import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** What the sandbox connector would have sent to a network, byte for byte, instead of sending it. */
@Entity({ name: 'sandbox_deliveries' })
@Index('IDX_sandbox_deliveries_subject', ['subjectType', 'subjectId'])
@Index('UQ_sandbox_deliveries_idempotency_key', ['idempotencyKey'], { unique: true, where: '"idempotency_key" IS NOT NULL' })
export class SandboxDelivery {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'PK_sandbox_deliveries' })
  id: string;

  @Column('varchar', { length: 40 })
  network: string;

  /** The page it would be sent as (the network's id of the page). */
  @Column('varchar', { name: 'page_external_id', length: 200 })
  pageExternalId: string;

  @Column('varchar', { length: 10 })
  method: string;

  /** Graph API style path, e.g. /<comment-id>/comments or /me/messages. */
  @Column('varchar', { length: 400 })
  path: string;

  @Column('jsonb')
  body: Record<string, unknown>;

  /** What Pivot sent it for (a conversation's reply; later a post). */
  @Column('varchar', { name: 'subject_type', length: 40 })
  subjectType: string;

  @Column('uuid', { name: 'subject_id' })
  subjectId: string;

  /** Posts only (replies have none): what a network that dedupes would dedupe on. */
  @Column('varchar', { name: 'idempotency_key', length: 200, nullable: true })
  idempotencyKey: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
