import type { OpeningInterval, Weekday } from '@pivot/domain';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { ScopedSetupEntity } from '../scoped-setup.entity';

export const ASSIGNMENT_MODES = ['PULL', 'ROUND_ROBIN', 'LEAST_LOADED'] as const;
export type AssignmentMode = (typeof ASSIGNMENT_MODES)[number];

/** What the SLA sweep does with a breached conversation: FLAG raises its priority where it is; QUEUE and MANAGER escalate it. */
export const BREACH_ESCALATIONS = ['FLAG', 'QUEUE', 'MANAGER'] as const;
export type BreachEscalation = (typeof BREACH_ESCALATIONS)[number];

/** Opening hours without the zone, which has its own column (it is also the SLA's clock). */
export interface StoredBusinessHours {
  days: Partial<Record<Weekday, OpeningInterval[]>>;
  holidays: string[];
}

/**
 * A shared queue of conversations under one page's scope (a market, the brand's global page):
 * its members claim from it, its SLA policy sets the due times of what is routed to it.
 */
@Entity({ name: 'reply_queues' })
@Index('IDX_reply_queues_brand', ['brandId', 'name'])
// GIN on scope_ids, and at most one default queue per scope page (partial unique): by the migration.
@Index('IDX_reply_queues_scope', { synchronize: false })
@Index('UQ_reply_queues_default_scope', { synchronize: false })
export class ReplyQueue extends ScopedSetupEntity('reply_queues') {
  /** Where items of the scope go when no routing rule matches them. */
  @Column('boolean', { name: 'is_default', default: false })
  isDefault: boolean;

  @Column('int', { name: 'first_response_minutes' })
  firstResponseMinutes: number;

  @Column('int', { name: 'next_response_minutes' })
  nextResponseMinutes: number;

  /** IANA zone of the business hours, e.g. Europe/Paris. */
  @Column('varchar', { name: 'time_zone', length: 64 })
  timeZone: string;

  @Column('jsonb', { name: 'business_hours' })
  businessHours: StoredBusinessHours;

  @Column('varchar', { name: 'assignment_mode', length: 16, default: 'PULL' })
  assignmentMode: AssignmentMode;

  @Column('varchar', { name: 'breach_escalation', length: 16, default: 'FLAG' })
  breachEscalation: BreachEscalation;

  /** Where breached conversations go when breach_escalation is QUEUE; null otherwise. */
  @Column('uuid', { name: 'breach_queue_id', nullable: true })
  breachQueueId: string | null;

  @ManyToOne(() => ReplyQueue, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'breach_queue_id', foreignKeyConstraintName: 'FK_reply_queues_breach_queue' })
  breachQueue?: ReplyQueue;
}
