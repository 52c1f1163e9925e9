import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isLeaseHeld, leaseExpiresAt, mayReply, nextConversationState, renderCannedResponse, REPLY_TEXT_MAX, type ConversationEvent } from '@pivot/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { authorize, canRead } from '../../access/authorize';
import { AuditService } from '../../audit/audit.service';
import type { Actor } from '../../auth/request-context';
import { APP_CONFIG, type ResolvedConfig } from '../../config/app-config';
import { CONNECTOR, type Connector } from '../../connectors/connector';
import { AppError, assertUuid } from '../../errors/app-error';
import { Page } from '../../hierarchy/page.entity';
import { CannedResponse } from '../canned/canned-response.entity';
import { leaseRefusal, subjectOf } from './claim.service';
import { Conversation, leaseOf } from './conversation.entity';
import { ConversationNote } from './conversation-note.entity';
import { publishQueueEvents } from './queue-events';
import { QueueService } from '../queues/queue.service';

/** The longest snooze: beyond a month the conversation is forgotten, not snoozed. */
const MAX_SNOOZE_MS = 30 * 24 * 3600_000;

export interface ReplyInput {
  conversationId: string;
  text?: string | null;
  cannedResponseId?: string | null;
  language?: string | null;
}

export interface EscalateInput {
  conversationId: string;
  toQueueId?: string | null;
  toManager?: boolean | null;
  reason?: string | null;
}

const firstName = (name: string | null | undefined) => name?.trim().split(/\s+/)[0] || null;

/**
 * What a moderator does with a conversation. Every action locks the row, checks the caller may
 * work it, that nobody else holds it (FORBIDDEN with `leaseHolder` otherwise) and that the state
 * allows it (`nextConversationState`, CONFLICT otherwise); the holder's activity renews the lease.
 */
@Injectable()
export class ConversationWorkService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly queues: QueueService,
    @Inject(CONNECTOR) private readonly connector: Connector,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  /** Only the holder, while the lease holds: a typed text or a canned response rendered for this conversation. */
  async reply(actor: Actor, input: ReplyInput): Promise<Conversation> {
    if (!input.text === !input.cannedResponseId) {
      throw AppError.badInput('Give either text or cannedResponseId', [{ field: 'text', message: 'give either text or cannedResponseId' }]);
    }
    return this.act(actor, input.conversationId, 'reply', async (tx, conversation, now) => {
      if (!mayReply(leaseOf(conversation), actor.user.id, now)) throw await leaseRefusal(tx, conversation);
      const next = this.next(conversation, { type: 'reply' });
      const page = (await tx.findOneBy(Page, { id: conversation.pageId }))!;
      const text = input.cannedResponseId ? await this.render(tx, actor, conversation, page, input.cannedResponseId, input.language) : input.text!;
      if (!text.trim()) throw AppError.badInput('text may not be blank', [{ field: 'text', message: 'is blank' }]);
      if (text.length > REPLY_TEXT_MAX) throw AppError.badInput(`text is longer than ${REPLY_TEXT_MAX} characters`, [{ field: 'text', message: `is longer than ${REPLY_TEXT_MAX} characters` }]);
      const [last] = await tx.query(
        `SELECT external_id AS "externalId", kind, parent_external_id AS "parentId", author_id AS "authorId"
           FROM inbound_items WHERE conversation_id = $1 ORDER BY occurred_at DESC, received_at DESC LIMIT 1`,
        [conversation.id],
      );
      if (!last || !page.externalId) throw AppError.conflict('This conversation has nothing to answer on the network');
      // Graph API comments nest one level: a reply to a reply goes under the comment it answers.
      const sent = await this.connector.sendReply(tx, {
        network: conversation.network,
        pageExternalId: page.externalId,
        kind: last.kind === 'MESSAGE' ? 'MESSAGE' : 'COMMENT_REPLY',
        targetExternalId: last.kind === 'MESSAGE' ? last.authorId : last.kind === 'REPLY' && last.parentId ? last.parentId : last.externalId,
        text,
        subjectType: 'Conversation',
        subjectId: conversation.id,
      });
      return {
        changes: {
          state: next,
          leaseExpiresAt: leaseExpiresAt(now, this.config.replies.leaseSeconds),
          firstRespondedAt: conversation.firstRespondedAt ?? now,
          lastRespondedAt: now,
          responseDueAt: null,
          slaBreachedAt: null,
        },
        audit: { text, cannedResponseId: input.cannedResponseId ?? null, sentAs: sent.externalId },
      };
    });
  }

  /** Internal; anyone who may work the conversation. Renews the lease when the holder writes it. */
  async addNote(actor: Actor, conversationId: string, text: string): Promise<ConversationNote> {
    const body = text?.trim() ?? '';
    if (!body) throw AppError.badInput('text is required', [{ field: 'text', message: 'is required' }]);
    if (body.length > REPLY_TEXT_MAX) throw AppError.badInput(`text is longer than ${REPLY_TEXT_MAX} characters`, [{ field: 'text', message: `is longer than ${REPLY_TEXT_MAX} characters` }]);
    const id = randomUUID();
    await this.act(actor, conversationId, 'note', async (tx, conversation, now) => {
      await tx.insert(ConversationNote, { id, conversationId: conversation.id, authorId: actor.user.id, text: body });
      const holder = mayReply(leaseOf(conversation), actor.user.id, now);
      return { changes: holder ? { leaseExpiresAt: leaseExpiresAt(now, this.config.replies.leaseSeconds) } : {}, audit: { noteId: id, text: body } };
    });
    return (await this.dataSource.manager.findOneBy(ConversationNote, { id }))!;
  }

  /** To another queue of the brand, or to the market manager (claimed by those who manage the queue). Drops the holder. */
  async escalate(actor: Actor, input: EscalateInput): Promise<Conversation> {
    const toManager = input.toManager === true;
    if (toManager === !!input.toQueueId) {
      throw AppError.badInput('Give either toQueueId or toManager: true', [{ field: 'toQueueId', message: 'give either toQueueId or toManager: true' }]);
    }
    return this.act(actor, input.conversationId, 'escalate', async (tx, conversation, now) => {
      if (isLeaseHeld(leaseOf(conversation), now) && conversation.assigneeId !== actor.user.id) throw await leaseRefusal(tx, conversation);
      const state = this.next(conversation, { type: 'escalate' });
      let queueId = conversation.queueId;
      if (input.toQueueId) {
        const target = await this.queues.readable(tx, actor, input.toQueueId);
        if (target.brandId !== conversation.brandId) throw AppError.badInput('That queue is not of this brand', [{ field: 'toQueueId', message: 'is not a queue of this brand' }]);
        if (target.id === conversation.queueId) throw AppError.badInput('The conversation is already in that queue', [{ field: 'toQueueId', message: 'is the current queue' }]);
        queueId = target.id;
      }
      if (!queueId) throw AppError.conflict('Route the conversation before escalating it');
      const reason = input.reason?.trim() || null;
      if (reason) await tx.insert(ConversationNote, { id: randomUUID(), conversationId: conversation.id, authorId: actor.user.id, text: `Escalated: ${reason}` });
      return {
        changes: { state, queueId, escalatedToManager: toManager, assigneeId: null, leaseExpiresAt: null },
        audit: { toQueueId: input.toQueueId ?? null, toManager, reason },
      };
    });
  }

  async snooze(actor: Actor, conversationId: string, until: Date): Promise<Conversation> {
    if (!(until instanceof Date) || Number.isNaN(until.getTime()) || until.getTime() <= Date.now() || until.getTime() > Date.now() + MAX_SNOOZE_MS) {
      throw AppError.badInput('until must be in the next 30 days', [{ field: 'until', message: 'must be in the next 30 days' }]);
    }
    return this.act(actor, conversationId, 'snooze', async (tx, conversation, now) => {
      await this.mustHold(tx, actor, conversation, now);
      return { changes: { state: this.next(conversation, { type: 'snooze' }), snoozedUntil: until }, audit: { until } };
    });
  }

  async resolve(actor: Actor, conversationId: string): Promise<Conversation> {
    return this.act(actor, conversationId, 'resolve', async (tx, conversation, now) => {
      await this.mustHold(tx, actor, conversation, now);
      return {
        changes: { state: this.next(conversation, { type: 'resolve' }), assigneeId: null, leaseExpiresAt: null, snoozedUntil: null, responseDueAt: null, slaBreachedAt: null },
        audit: {},
      };
    });
  }

  /** ASSIGNED: only its holder; otherwise anyone who may work it, unless someone else still holds it. */
  private async mustHold(tx: EntityManager, actor: Actor, conversation: Conversation, now: Date): Promise<void> {
    const held = isLeaseHeld(leaseOf(conversation), now);
    if ((held && conversation.assigneeId !== actor.user.id) || (!held && conversation.state === 'ASSIGNED')) throw await leaseRefusal(tx, conversation);
  }

  private next(conversation: Conversation, event: ConversationEvent) {
    const state = nextConversationState(conversation.state, event);
    if (!state) throw AppError.conflict(`A ${conversation.state.toLowerCase()} conversation cannot be ${event.type === 'reply' ? 'replied to' : `${event.type}d`}`);
    return state;
  }

  /** Lock, check, apply the changes and audit them, in one transaction. */
  private async act(
    actor: Actor,
    conversationId: string,
    action: string,
    work: (tx: EntityManager, conversation: Conversation, now: Date) => Promise<{ changes: Partial<Conversation>; audit: object }>,
  ): Promise<Conversation> {
    const id = assertUuid(conversationId, 'conversationId');
    await this.dataSource.transaction(async (tx) => {
      const conversation = await tx.getRepository(Conversation).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!conversation || !canRead(actor, 'Conversation', conversation)) throw AppError.notFound('Conversation');
      authorize(actor, 'work', 'Conversation', conversation);
      const { changes, audit } = await work(tx, conversation, new Date());
      if (Object.keys(changes).length) await tx.update(Conversation, { id }, changes as never);
      const before = Object.fromEntries(Object.keys(changes).map((key) => [key, conversation[key as keyof Conversation]]));
      await this.audit.record(tx, actor, { ...subjectOf(conversation), action: `conversation.${action}`, before, after: { ...changes, ...audit } });
      // Every action may change the queue's counts (state, queue) or the claim (holder, lease renewed by activity).
      await publishQueueEvents(tx, [conversation.queueId, changes.queueId], [id]);
    });
    return (await this.dataSource.manager.findOneBy(Conversation, { id }))!;
  }

  private async render(tx: EntityManager, actor: Actor, conversation: Conversation, page: Page, cannedId: string, language?: string | null): Promise<string> {
    const canned = await tx.findOneBy(CannedResponse, { id: assertUuid(cannedId, 'cannedResponseId') });
    if (!canned || !canRead(actor, 'CannedResponse', canned)) throw AppError.notFound('Canned response');
    if (canned.brandId !== conversation.brandId || !conversation.scopeIds.includes(canned.scopePageId)) {
      throw AppError.badInput('That canned response is not for this page', [{ field: 'cannedResponseId', message: 'is not for the page of this conversation' }]);
    }
    const languages = [language, conversation.language, ...page.languages].filter((tag): tag is string => !!tag);
    const rendered = renderCannedResponse(
      canned.variants,
      {
        author: { firstName: firstName(conversation.authorName), name: conversation.authorName ?? '' },
        page: { name: page.name },
        moderator: { firstName: firstName(actor.user.displayName) },
      },
      languages,
    );
    if (rendered.missing.length) {
      throw AppError.invalidFields(rendered.missing.map((path) => ({ field: 'cannedResponseId', message: `{{${path}}} has no value for this conversation` })));
    }
    return rendered.text;
  }
}
