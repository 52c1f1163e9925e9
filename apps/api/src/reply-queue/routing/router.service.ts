import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  isLeaseHeld,
  leaseExpiresAt,
  nextConversationState,
  routeItem,
  slaDeadline,
  type ConversationState,
  type DefaultQueue,
  type RoutingDecision,
  type RoutingRule,
} from '@pivot/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { APP_CONFIG, type ResolvedConfig } from '../../config/app-config';
import { leaseOf, PRIORITY_RANK } from '../conversations/conversation.entity';
import { publishQueueEvents } from '../conversations/queue-events';
import { ReplyQueue } from '../queues/reply-queue.entity';
import { hoursOf } from '../queues/queue.service';
import type { RoutingRuleEntity } from './routing-rule.entity';

/** A page as routing sees it: its scope, and the market and segment it serves. */
export interface RoutingPage {
  id: string;
  brandId: string;
  scopeIds: string[];
  network: string;
  segment: string | null;
  country: string | null;
}

export interface RoutingQuestion {
  network: string;
  text: string;
  language: string | null;
  authorName: string;
  authorFlags: string[];
}

interface PendingConversation {
  id: string;
  pageId: string;
  brandId: string;
  scopeIds: string[];
  network: string;
  authorId: string;
  queueId: string | null;
  state: ConversationState;
  assigneeId: string | null;
  leaseExpiresAt: Date | null;
  authorName: string | null;
  firstItemAt: Date;
  firstRespondedAt: Date | null;
  language: string | null;
}

/** Most conversations one routing transaction takes: keeps locks short. */
const BATCH = 200;

/**
 * Routes conversations that have items the router has not seen: a new conversation gets a
 * queue, priority and tags from the rules of its page's scope (`routeItem`); one already routed
 * is reopened by the customer's new message (`customerMessage`). Runs after the ingest commits,
 * never on its request, and is safe to run from several instances at once: each conversation is
 * locked with SKIP LOCKED and its items marked in the same transaction.
 */
@Injectable()
export class RouterService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  /**
   * The decision for one item on `page`: the rules of the page's scope, then the nearest default
   * queue. `loaded` keeps each page's rules and defaults for the rest of a routing batch, so a
   * batch reads them once per page rather than once per conversation.
   */
  async decide(
    db: EntityManager,
    page: RoutingPage,
    question: RoutingQuestion,
    loaded = new Map<string, Promise<[RoutingRuleEntity[], DefaultQueue[]]>>(),
  ): Promise<RoutingDecision & { ruleName: string | null; ruleScopePageId: string | null }> {
    if (!loaded.has(page.id)) loaded.set(page.id, this.rulesOf(db, page));
    const [rules, defaults] = await loaded.get(page.id)!;
    const domainRules: RoutingRule[] = rules.map((rule) => ({
      id: rule.id,
      name: rule.name,
      order: rule.position,
      scopePageId: rule.scopePageId,
      conditions: rule.conditions,
      action: { queueId: rule.queueId, priority: rule.priority, tags: rule.tags },
      enabled: rule.enabled,
    }));
    const decision = routeItem(
      {
        network: question.network,
        pageId: page.id,
        pageScopeIds: page.scopeIds,
        country: page.country,
        segment: page.segment,
        language: question.language,
        text: question.text,
        author: { id: '', name: question.authorName, flags: question.authorFlags },
      },
      domainRules,
      defaults,
    );
    const fired = rules.find((rule) => rule.id === decision.ruleId);
    return { ...decision, ruleName: fired?.name ?? null, ruleScopePageId: fired?.scopePageId ?? null };
  }

  private async rulesOf(db: EntityManager, page: RoutingPage): Promise<[RoutingRuleEntity[], DefaultQueue[]]> {
    const rules: RoutingRuleEntity[] = await db.query(
      `SELECT id, name, position, scope_page_id AS "scopePageId", conditions, queue_id AS "queueId", priority, tags, enabled
         FROM routing_rules WHERE brand_id = $1 AND scope_page_id = ANY($2::uuid[])`,
      [page.brandId, page.scopeIds],
    );
    const defaults: DefaultQueue[] = await db.query(
      `SELECT id AS "queueId", scope_page_id AS "scopePageId" FROM reply_queues WHERE is_default AND scope_page_id = ANY($1::uuid[])`,
      [page.scopeIds],
    );
    return [rules, defaults];
  }

  async pages(db: EntityManager, ids: string[]): Promise<Map<string, RoutingPage>> {
    const rows: RoutingPage[] = await db.query(
      `SELECT p.id, p.brand_id AS "brandId", p.scope_ids::text[] AS "scopeIds", p.network, p.segment,
              (SELECT m.country FROM pages m WHERE m.id = ANY(p.scope_ids) AND m.kind = 'MARKET'
                ORDER BY cardinality(m.scope_ids) DESC LIMIT 1) AS country
         FROM pages p WHERE p.id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row]));
  }

  /** Routes the given conversations (or, without ids, any with unseen items); returns how many it handled. */
  async routePending(ids?: string[]): Promise<number> {
    let handled = 0;
    if (ids) {
      for (let i = 0; i < ids.length; i += BATCH) handled += await this.dataSource.transaction((tx) => this.routeBatch(tx, ids.slice(i, i + BATCH)));
      return handled;
    }
    for (;;) {
      const count = await this.dataSource.transaction((tx) => this.routeBatch(tx, null));
      handled += count;
      if (count < BATCH) return handled;
    }
  }

  private async routeBatch(tx: EntityManager, ids: string[] | null): Promise<number> {
    const pending: PendingConversation[] = await tx.query(
      `SELECT c.id, c.page_id AS "pageId", c.brand_id AS "brandId", c.scope_ids::text[] AS "scopeIds", c.network, c.author_id AS "authorId", c.queue_id AS "queueId",
              c.state, c.assignee_id AS "assigneeId", c.lease_expires_at AS "leaseExpiresAt", c.author_name AS "authorName",
              c.first_item_at AS "firstItemAt", c.first_responded_at AS "firstRespondedAt", c.language
         FROM conversations c
        WHERE c.id IN (SELECT DISTINCT i.conversation_id FROM inbound_items i
                        WHERE i.status = 'RECEIVED' ${ids ? 'AND i.conversation_id = ANY($1::uuid[])' : ''} LIMIT ${BATCH})
        ORDER BY c.id
          FOR UPDATE OF c SKIP LOCKED`,
      ids ? [ids] : [],
    );
    if (pending.length === 0) return 0;
    const conversationIds = pending.map((c) => c.id);
    const latest: { conversationId: string; text: string; language: string | null }[] = await tx.query(
      `SELECT DISTINCT ON (conversation_id) conversation_id AS "conversationId", text,
              (SELECT l.language FROM inbound_items l WHERE l.conversation_id = i.conversation_id AND l.language IS NOT NULL
                ORDER BY l.occurred_at DESC LIMIT 1) AS language
         FROM inbound_items i WHERE conversation_id = ANY($1::uuid[]) AND status = 'RECEIVED'
        ORDER BY conversation_id, occurred_at DESC`,
      [conversationIds],
    );
    const itemOf = new Map(latest.map((row) => [row.conversationId, row]));
    const authors: { key: string; flags: string[] }[] = await tx.query(
      `SELECT a.brand_id || '|' || a.network || '|' || a.author_id AS key, a.flags
         FROM reply_authors a JOIN unnest($1::uuid[], $2::text[], $3::text[]) AS k(brand_id, network, author_id)
           ON a.brand_id = k.brand_id AND a.network = k.network AND a.author_id = k.author_id`,
      [pending.map((c) => c.brandId), pending.map((c) => c.network), pending.map((c) => c.authorId)],
    );
    const flagsOf = new Map(authors.map((row) => [row.key, row.flags]));
    const pages = await this.pages(tx, [...new Set(pending.map((c) => c.pageId))]);
    const queues = new Map<string, ReplyQueue | null>();
    const queueOf = async (id: string) => {
      if (!queues.has(id)) queues.set(id, await tx.findOneBy(ReplyQueue, { id }));
      return queues.get(id)!;
    };
    const rulesByPage = new Map<string, Promise<[RoutingRuleEntity[], DefaultQueue[]]>>();
    const now = new Date();
    const touchedQueues: string[] = [];
    const claimChanged: string[] = [];
    for (const conversation of pending) {
      const item = itemOf.get(conversation.id)!;
      const language = item.language ?? conversation.language;
      if (conversation.queueId === null) {
        const decision = await this.decide(tx, pages.get(conversation.pageId)!, {
          network: conversation.network,
          text: item.text,
          language,
          authorName: conversation.authorName ?? '',
          authorFlags: flagsOf.get(`${conversation.brandId}|${conversation.network}|${conversation.authorId}`) ?? [],
        }, rulesByPage);
        if (decision.queueId === null) continue;
        const queue = (await queueOf(decision.queueId))!;
        const due = slaDeadline({ receivedAt: conversation.firstItemAt, lastCustomerMessageAt: now, firstResponseAt: null }, policyOf(queue));
        await tx.query(
          `UPDATE conversations SET queue_id = $2, priority = $3, priority_rank = $4, tags = $5, rule_id = $6, routed_at = now(),
                  language = $7, response_due_at = $8, updated_at = now() WHERE id = $1`,
          [conversation.id, queue.id, decision.priority, PRIORITY_RANK[decision.priority], decision.tags, decision.ruleId, language, due?.dueAt ?? null],
        );
        await this.audit.record(tx, null, {
          action: 'conversation.route',
          subjectType: 'Conversation',
          subjectId: conversation.id,
          brandId: conversation.brandId,
          scopeIds: conversation.scopeIds,
          before: { queueId: null },
          after: { queueId: queue.id, priority: decision.priority, tags: decision.tags, ruleId: decision.ruleId },
        });
        touchedQueues.push(queue.id);
        if (queue.assignmentMode !== 'PULL' && (await this.assign(tx, conversation, queue, language))) claimChanged.push(conversation.id);
      } else {
        const holderLeased = isLeaseHeld(leaseOf(conversation), now);
        const next = nextConversationState(conversation.state, { type: 'customerMessage', holderLeased }) ?? conversation.state;
        const queue = await queueOf(conversation.queueId);
        // A reply is owed again when the customer writes after ours.
        const owed = conversation.firstRespondedAt && queue ? slaDeadline({ receivedAt: conversation.firstItemAt, lastCustomerMessageAt: now, firstResponseAt: conversation.firstRespondedAt, unansweredSince: now }, policyOf(queue)) : null;
        await tx.query(
          `UPDATE conversations SET state = $2::varchar, language = $3, snoozed_until = CASE WHEN $2::varchar = 'SNOOZED' THEN snoozed_until END,
                  assignee_id = CASE WHEN $2::varchar = 'OPEN' THEN NULL ELSE assignee_id END,
                  lease_expires_at = CASE WHEN $2::varchar = 'OPEN' THEN NULL ELSE lease_expires_at END,
                  response_due_at = COALESCE(response_due_at, $4), updated_at = now() WHERE id = $1`,
          [conversation.id, next, language, owed?.dueAt ?? null],
        );
        if (next !== conversation.state) {
          touchedQueues.push(conversation.queueId);
          if (next === 'OPEN' && conversation.assigneeId) claimChanged.push(conversation.id);
          await this.audit.record(tx, null, {
            action: 'conversation.reopen',
            subjectType: 'Conversation',
            subjectId: conversation.id,
            brandId: conversation.brandId,
            scopeIds: conversation.scopeIds,
            before: { state: conversation.state },
            after: { state: next },
          });
        }
      }
    }
    await tx.query(`UPDATE inbound_items SET status = 'ROUTED' WHERE conversation_id = ANY($1::uuid[]) AND status = 'RECEIVED'`, [conversationIds]);
    await publishQueueEvents(tx, touchedQueues, claimChanged);
    return pending.length;
  }

  /**
   * Round robin (the member assigned longest ago) or least loaded (fewest held), among members
   * with room and the conversation's language. Nobody fits: it waits in the queue for a claim.
   */
  /** True when someone got it. */
  private async assign(tx: EntityManager, conversation: PendingConversation, queue: ReplyQueue, language: string | null): Promise<boolean> {
    const order = queue.assignmentMode === 'LEAST_LOADED' ? 'held ASC, m.last_assigned_at ASC NULLS FIRST' : 'm.last_assigned_at ASC NULLS FIRST, held ASC';
    const [member] = await tx.query(
      `SELECT m.user_id AS "userId", held.n AS held FROM reply_queue_members m
         JOIN users u ON u.id = m.user_id AND NOT u.disabled
         CROSS JOIN LATERAL (SELECT count(*)::int AS n FROM conversations h
                              WHERE h.queue_id = m.queue_id AND h.assignee_id = m.user_id AND h.state = 'ASSIGNED' AND h.lease_expires_at > now()) held
        WHERE m.queue_id = $1 AND held.n < m.capacity
          AND (cardinality(m.languages) = 0 OR $2::text IS NULL OR lower(split_part($2::text, '-', 1)) = ANY(m.languages))
        ORDER BY ${order}, m.user_id LIMIT 1 FOR UPDATE OF m`,
      [queue.id, language],
    );
    if (!member) return false;
    const lease = leaseExpiresAt(new Date(), this.config.replies.leaseSeconds);
    await tx.query(`UPDATE conversations SET state = 'ASSIGNED', assignee_id = $2, lease_expires_at = $3 WHERE id = $1`, [conversation.id, member.userId, lease]);
    await tx.query(`UPDATE reply_queue_members SET last_assigned_at = clock_timestamp() WHERE queue_id = $1 AND user_id = $2`, [queue.id, member.userId]);
    await this.audit.record(tx, null, {
      action: 'conversation.assign',
      subjectType: 'Conversation',
      subjectId: conversation.id,
      brandId: conversation.brandId,
      scopeIds: conversation.scopeIds,
      before: { assigneeId: null },
      after: { assigneeId: member.userId, mode: queue.assignmentMode },
    });
    return true;
  }
}

export function policyOf(queue: ReplyQueue) {
  return { firstResponseMinutes: queue.firstResponseMinutes, nextResponseMinutes: queue.nextResponseMinutes, hours: hoursOf(queue) };
}
