import { Column, Entity, Generated, Index, PrimaryColumn } from 'typeorm';

/**
 * One change, written in the same transaction as the change itself. Append-only: the
 * database refuses UPDATE, DELETE and TRUNCATE on this table (trigger in the migration).
 */
@Entity({ name: 'audit_entries' })
@Index('IDX_audit_entries_brand_seq', ['brandId', 'seq'])
@Index('IDX_audit_entries_subject', ['subjectType', 'subjectId'])
@Index('IDX_audit_entries_actor', ['actorId'])
// GIN on scope_ids, created by the migration.
@Index('IDX_audit_entries_scope', { synchronize: false })
// Conversation events for the metric rollups (conversation-metrics/), partial, created by their migration.
@Index('IDX_audit_entries_conversation_seq', { synchronize: false })
@Index('IDX_audit_entries_conversation_brand_time', { synchronize: false })
export class AuditEntry {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'PK_audit_entries' })
  id: string;

  /** Insertion order (a sequence): the stable cursor for pagination, newest first. */
  @Column({ type: 'bigint', generatedIdentity: 'ALWAYS', insert: false, update: false })
  @Generated('increment')
  seq: string;

  @Column('timestamptz', { name: 'occurred_at', default: () => 'now()' })
  occurredAt: Date;

  /** null for the system itself (seeding, jobs). */
  @Column('uuid', { name: 'actor_id', nullable: true })
  actorId: string | null;

  /** e.g. page.update, role.grant */
  @Column('varchar', { length: 60 })
  action: string;

  @Column('varchar', { name: 'subject_type', length: 40 })
  subjectType: string;

  @Column('uuid', { name: 'subject_id' })
  subjectId: string;

  @Column('uuid', { name: 'brand_id', nullable: true })
  brandId: string | null;

  @Column('uuid', { name: 'scope_ids', array: true })
  scopeIds: string[];

  /** The changed fields only: { field: { before, after } }. */
  @Column('jsonb', { default: {} })
  changes: Record<string, { before: unknown; after: unknown }>;

  @Column('varchar', { name: 'request_id', length: 128, nullable: true })
  requestId: string | null;
}
