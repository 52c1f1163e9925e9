import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { nextConversationState, REPLY_PRIORITIES, slaStatus, type ConversationState, type ReplyPriority } from '@pivot/domain';
import { In, type DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { PRIORITY_RANK } from '../conversations/conversation.entity';
import { publishQueueEvents } from '../conversations/queue-events';
import { ReplyQueue } from '../queues/reply-queue.entity';
import { policyOf } from './router.service';

/** Most conversations one sweep transaction marks: keeps locks short; the next sweep takes the rest. */
const BATCH = 500;

interface OverdueRow {
  id: string;
  brandId: string;
  scopeIds: string[];
  state: ConversationState;
  queueId: string;
  priority: ReplyPriority;
  assigneeId: string | null;
  responseDueAt: Date;
  firstRespondedAt: Date | null;
}

/** What a breach changed, for the caller's live events. */
export interface Breach {
  id: string;
  brandId: string;
  scopeIds: string[];
  fromQueueId: string;
  queueId: string;
  holderDropped: boolean;
}

const raised = (priority: ReplyPriority): ReplyPriority => REPLY_PRIORITIES[Math.min(REPLY_PRIORITIES.indexOf(priority) + 1, REPLY_PRIORITIES.length - 1)]!;

/**
 * SLA breaches, found by the periodic sweep (RoutingDispatcher). The due time of a conversation
 * is set by the domain's `slaDeadline` in its queue's business hours and time zone when it is
 * routed or the customer writes again, so a message on Friday evening in Paris is due on Monday
 * morning and nothing breaches over the weekend; the sweep asks `slaStatus` whether the due
 * time has passed, marks the conversation breached (once: the UPDATE is conditional on it not
 * being marked, and rows are taken FOR UPDATE SKIP LOCKED, so two instances sweeping at once
 * mark and audit it once) and escalates it as its queue's policy says. A conversation that was
 * already overdue when it was routed (a back-fill of last month's comments) is not breached:
 * nobody could have answered it in time, and escalating a whole import at once helps no one.
 */
@Injectable()
export class SlaBreachService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Marks and escalates what is overdue at `now`; answers what it changed. */
  async detectBreaches(now = new Date()): Promise<Breach[]> {
    return this.dataSource.transaction(async (tx) => {
      const overdue: OverdueRow[] = await tx.query(
        `SELECT id, brand_id AS "brandId", scope_ids::text[] AS "scopeIds", state, queue_id AS "queueId", priority,
                assignee_id AS "assigneeId", response_due_at AS "responseDueAt", first_responded_at AS "firstRespondedAt"
           FROM conversations
          WHERE response_due_at <= $1 AND sla_breached_at IS NULL AND queue_id IS NOT NULL AND state <> 'RESOLVED'
            AND response_due_at > routed_at
          ORDER BY response_due_at, id LIMIT ${BATCH}
            FOR UPDATE SKIP LOCKED`,
        [now],
      );
      if (overdue.length === 0) return [];
      const queues = new Map((await tx.findBy(ReplyQueue, { id: In([...new Set(overdue.map((row) => row.queueId))]) })).map((queue) => [queue.id, queue]));
      const breaches: Breach[] = [];
      for (const row of overdue) {
        const queue = queues.get(row.queueId)!;
        const deadline = { kind: row.firstRespondedAt ? ('next' as const) : ('first' as const), dueAt: row.responseDueAt };
        if (slaStatus(now, deadline, policyOf(queue)) !== 'breached') continue;
        // Escalation follows the state machine: a snoozed conversation cannot be escalated, so it is only flagged.
        const escalated = queue.breachEscalation !== 'FLAG' ? nextConversationState(row.state, { type: 'escalate' }) : null;
        const toQueue = escalated && queue.breachEscalation === 'QUEUE' && queue.breachQueueId ? queue.breachQueueId : null;
        const toManager = escalated !== null && queue.breachEscalation === 'MANAGER';
        const change =
          toQueue || toManager
            ? { state: escalated!, queueId: toQueue ?? row.queueId, priority: row.priority, escalatedToManager: toManager, assigneeId: null }
            : { state: row.state, queueId: row.queueId, priority: raised(row.priority), escalatedToManager: undefined, assigneeId: row.assigneeId };
        const [, updated] = await tx.query(
          `UPDATE conversations
              SET sla_breached_at = $2, state = $3, queue_id = $4, priority = $5, priority_rank = $6,
                  escalated_to_manager = COALESCE($7, escalated_to_manager), assignee_id = $8,
                  lease_expires_at = CASE WHEN $8::uuid IS NULL THEN NULL ELSE lease_expires_at END, updated_at = now()
            WHERE id = $1 AND sla_breached_at IS NULL`,
          [row.id, now, change.state, change.queueId, change.priority, PRIORITY_RANK[change.priority], change.escalatedToManager ?? null, change.assigneeId],
        );
        if (updated === 0) continue;
        await this.audit.record(tx, null, {
          action: 'conversation.slaBreach',
          subjectType: 'Conversation',
          subjectId: row.id,
          brandId: row.brandId,
          scopeIds: row.scopeIds,
          before: { state: row.state, queueId: row.queueId, priority: row.priority, assigneeId: row.assigneeId },
          after: {
            kind: deadline.kind,
            dueAt: row.responseDueAt,
            slaBreachedAt: now,
            escalation: toQueue ? 'QUEUE' : toManager ? 'MANAGER' : 'FLAG',
            state: change.state,
            queueId: change.queueId,
            priority: change.priority,
            assigneeId: change.assigneeId,
          },
        });
        breaches.push({ id: row.id, brandId: row.brandId, scopeIds: row.scopeIds, fromQueueId: row.queueId, queueId: change.queueId, holderDropped: row.assigneeId !== change.assigneeId });
      }
      await publishQueueEvents(
        tx,
        breaches.flatMap((breach) => [breach.fromQueueId, breach.queueId]),
        breaches.filter((breach) => breach.holderDropped).map((breach) => breach.id),
      );
      return breaches;
    });
  }
}
