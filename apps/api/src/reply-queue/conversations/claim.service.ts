import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { asSubject, isLeaseHeld, leaseExpiresAt, nextConversationState } from '@pivot/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { authorize, canRead } from '../../access/authorize';
import { AuditService } from '../../audit/audit.service';
import type { Actor } from '../../auth/request-context';
import { APP_CONFIG, type ResolvedConfig } from '../../config/app-config';
import { AppError, assertUuid } from '../../errors/app-error';
import { REALTIME_CHANNEL } from '../../realtime/realtime-events';
import { claimStatement, conversationFromRow, type ClaimingQueue } from './claim-statement';
import { Conversation, leaseOf } from './conversation.entity';
import { publishQueueEvents } from './queue-events';

/**
 * Why a caller without the lease may not act: FORBIDDEN with who holds it (in `extensions.leaseHolder`),
 * or FORBIDDEN "claim it first" when claimNext could hand it out. A conversation nobody holds and
 * nobody can claim (resolved, waiting on the customer, snoozed) is a CONFLICT of its state, as
 * resolving it twice is: "claim it first" would send the caller after something that cannot be done.
 */
export async function leaseRefusal(db: EntityManager, conversation: Conversation): Promise<AppError> {
  const holder = conversation.assigneeId && isLeaseHeld(leaseOf(conversation), new Date())
    ? ((await db.query(`SELECT id, display_name AS "displayName" FROM users WHERE id = $1`, [conversation.assigneeId]))[0] ?? null)
    : null;
  // claim-statement.ts also takes an ASSIGNED one whose lease lapsed (before the sweep releases it).
  const claimable = nextConversationState(conversation.state, { type: 'claim' }) !== null || conversation.state === 'ASSIGNED';
  if (!holder && !claimable) {
    return AppError.conflict(`A ${conversation.state.toLowerCase().replace('_', ' ')} conversation cannot be claimed: nothing is done with it until it reopens`);
  }
  return new AppError('FORBIDDEN', holder ? `${holder.displayName} holds this conversation` : 'Claim this conversation before working on it', {
    leaseHolder: holder,
    leaseExpiresAt: holder ? conversation.leaseExpiresAt?.toISOString() : null,
  });
}

/**
 * Claims as leases. `claimNext` hands the best claimable conversation of a queue to exactly one
 * caller: one UPDATE whose target is picked by `FOR UPDATE SKIP LOCKED` (claim-statement.ts), so concurrent claimers
 * (on any instance) each skip the rows the others are taking instead of queueing behind them.
 * A lease lapses REPLY_LEASE_SECONDS after the holder's last activity: the conversation is then
 * claimable again, and the sweep puts it back in the queue's OPEN list.
 */
@Injectable()
export class ClaimService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  /**
   * The next conversation for the caller: highest priority, then oldest; within the member's
   * capacity and languages. Members claim open, escalated and lapsed ones; whoever manages the
   * queue also claims those escalated to the market manager. Null when nothing is claimable.
   *
   * Two statements: the queue with the caller's membership (locked), then one that counts what
   * the member holds, picks, claims, audits and notifies. The count must come after the lock, in a
   * later statement: a statement's snapshot predates the locks it waits for.
   */
  async claimNext(actor: Actor, queueId: string): Promise<Conversation | null> {
    const id = assertUuid(queueId, 'queueId');
    return this.dataSource.transaction(async (tx) => {
      // Locks the membership: one claimer per member at a time, so capacity holds under concurrency.
      const [queue]: ClaimingQueue[] = await tx.query(
        `WITH m AS (SELECT capacity, languages FROM reply_queue_members WHERE queue_id = $1 AND user_id = $2 FOR UPDATE)
         SELECT q.id, q.brand_id AS "brandId", q.scope_ids::text[] AS "scopeIds", m.capacity, m.languages FROM reply_queues q LEFT JOIN m ON true WHERE q.id = $1`,
        [id, actor.user.id],
      );
      if (!queue || !canRead(actor, 'ReplyQueue', queue)) throw AppError.notFound('Reply queue');
      authorize(actor, 'work', 'Conversation', { brandId: queue.brandId, scopeIds: queue.scopeIds }, [], true);
      const manager = actor.ability.can('update', asSubject('ReplyQueue', queue));
      const member = queue.capacity !== null;
      if (!member && !manager) throw new AppError('FORBIDDEN', 'You are not a member of this queue');
      const statement = claimStatement(actor, member, queue.languages ?? []);
      const [sql, params] = this.dataSource.driver.escapeQueryWithParameters(statement.sql, {
        ...statement.params,
        userId: actor.user.id,
        lease: this.config.replies.leaseSeconds,
        queueId: queue.id,
        manager,
        capacity: queue.capacity,
        languages: queue.languages ?? [],
        requestId: actor.requestId ?? null,
        channel: REALTIME_CHANNEL,
      });
      const [row] = await tx.query(sql, params);
      if (!row.id) {
        if (member && row.held >= queue.capacity!) throw AppError.conflict(`You already hold ${row.held} conversations, your capacity in this queue`);
        return null;
      }
      return tx.create(Conversation, conversationFromRow(this.dataSource, row));
    });
  }

  /** The holder's heartbeat: pushes the lease out again. Anyone else gets FORBIDDEN with the holder. */
  async renewLease(actor: Actor, conversationId: string): Promise<Conversation> {
    const id = assertUuid(conversationId, 'conversationId');
    return this.dataSource.transaction(async (tx) => {
      const conversation = await tx.getRepository(Conversation).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!conversation || !canRead(actor, 'Conversation', conversation)) throw AppError.notFound('Conversation');
      authorize(actor, 'work', 'Conversation', conversation);
      const now = new Date();
      if (conversation.assigneeId !== actor.user.id || !isLeaseHeld(leaseOf(conversation), now)) throw await leaseRefusal(tx, conversation);
      const before = conversation.leaseExpiresAt;
      conversation.leaseExpiresAt = leaseExpiresAt(now, this.config.replies.leaseSeconds);
      await tx.update(Conversation, { id }, { leaseExpiresAt: conversation.leaseExpiresAt });
      await this.audit.record(tx, actor, { ...subjectOf(conversation), action: 'conversation.renewLease', before: { leaseExpiresAt: before }, after: { leaseExpiresAt: conversation.leaseExpiresAt } });
      await publishQueueEvents(tx, [], [id]);
      return conversation;
    });
  }

  /** Lapsed leases lose their holder; an ASSIGNED conversation goes back to OPEN (conversation-state: release). */
  async releaseLapsed(): Promise<number> {
    return this.dataSource.transaction(async (tx) => {
      const [rows]: [{ id: string; brand_id: string; scope_ids: string[]; was: string; state: string; queue_id: string | null }[]] = await tx.query(
        `UPDATE conversations c
            SET state = CASE WHEN c.state = 'ASSIGNED' THEN 'OPEN' ELSE c.state END, assignee_id = NULL, lease_expires_at = NULL, updated_at = now()
           FROM (SELECT id, assignee_id AS was FROM conversations WHERE lease_expires_at <= now() ORDER BY id LIMIT 500 FOR UPDATE SKIP LOCKED) lapsed
          WHERE c.id = lapsed.id
          RETURNING c.id, c.brand_id, c.scope_ids::text[] AS scope_ids, lapsed.was, c.state, c.queue_id`,
      );
      for (const row of rows) {
        await this.audit.record(tx, null, {
          action: 'conversation.release',
          subjectType: 'Conversation',
          subjectId: row.id,
          brandId: row.brand_id,
          scopeIds: row.scope_ids,
          before: { assigneeId: row.was },
          after: { assigneeId: null, state: row.state },
        });
      }
      await publishQueueEvents(tx, rows.map((row) => row.queue_id), rows.map((row) => row.id));
      return rows.length;
    });
  }

  /** Snoozes that are due: back to a still-leased holder, else to the queue (conversation-state: wake). */
  async wakeSnoozed(): Promise<number> {
    return this.dataSource.transaction(async (tx) => {
      const [rows]: [{ id: string; brand_id: string; scope_ids: string[]; state: string; queue_id: string | null }[]] = await tx.query(
        `UPDATE conversations c
            SET state = CASE WHEN c.assignee_id IS NOT NULL AND c.lease_expires_at > now() THEN 'ASSIGNED' ELSE 'OPEN' END,
                assignee_id = CASE WHEN c.lease_expires_at > now() THEN c.assignee_id END,
                lease_expires_at = CASE WHEN c.lease_expires_at > now() THEN c.lease_expires_at END,
                snoozed_until = NULL, updated_at = now()
           FROM (SELECT id FROM conversations WHERE state = 'SNOOZED' AND snoozed_until <= now() ORDER BY id LIMIT 500 FOR UPDATE SKIP LOCKED) due
          WHERE c.id = due.id
          RETURNING c.id, c.brand_id, c.scope_ids::text[] AS scope_ids, c.state, c.queue_id`,
      );
      for (const row of rows) {
        await this.audit.record(tx, null, {
          action: 'conversation.wake',
          subjectType: 'Conversation',
          subjectId: row.id,
          brandId: row.brand_id,
          scopeIds: row.scope_ids,
          before: { state: 'SNOOZED' },
          after: { state: row.state },
        });
      }
      await publishQueueEvents(tx, rows.map((row) => row.queue_id), rows.map((row) => row.id));
      return rows.length;
    });
  }
}

export function subjectOf(conversation: Pick<Conversation, 'id' | 'brandId' | 'scopeIds'>) {
  return { subjectType: 'Conversation', subjectId: conversation.id, brandId: conversation.brandId, scopeIds: conversation.scopeIds };
}
