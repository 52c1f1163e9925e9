import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { abilityToSql, SUBJECT_FIELDS } from '../../access/ability-sql';
import { authorize, canRead } from '../../access/authorize';
import { AuditService } from '../../audit/audit.service';
import type { Actor } from '../../auth/request-context';
import { AppError } from '../../errors/app-error';
import { REALTIME_CHANNEL } from '../../realtime/realtime-events';
import type { Conversation } from '../conversations/conversation.entity';
import { ConversationQueryService } from '../conversations/conversation-query.service';
import { incomingItemProblems, type IncomingItem, type InboundItemSource } from './inbound-item';
import { RoutingDispatcher } from '../routing/routing-dispatcher';
import { UnmatchedInboundItem } from './unmatched-inbound-item.entity';

/** A page items can land on, as the ingest needs it. */
interface KnownPage {
  id: string;
  brandId: string;
  scopeIds: string[];
  externalId: string;
}

export interface IngestOutcome {
  /** Items stored by this call. */
  stored: number;
  /** Items already stored by an earlier (or concurrent) delivery. */
  duplicates: number;
  /** Items for pages Pivot does not know, kept aside. */
  unmatched: number;
  /** The conversations the items belong to, new or not. */
  conversationIds: string[];
}

/** Most items in one call: keeps one statement well under PostgreSQL's 65,535 parameters. */
export const MAX_ITEMS_PER_CALL = 1000;
const ITEM_COLUMNS = 16;

/**
 * Stores inbound items once per (network, external id) and groups them into conversations per
 * (network, page, thread, author). Routing them into queues is the router's, started once
 * the transaction has committed (RoutingDispatcher): items stay RECEIVED until it has seen them.
 *
 * Concurrency: conversations are upserted first, in key order, which locks each row for the
 * rest of the transaction; identical deliveries arriving together are thus applied one after
 * the other, and the items' unique index turns the later ones into no-ops.
 */
@Injectable()
export class InboundService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly conversationQuery: ConversationQueryService,
    private readonly routing: RoutingDispatcher,
  ) {}

  /** From the network's webhook, already authenticated by its signature: unknown pages are kept aside. */
  async receive(network: string, items: IncomingItem[]): Promise<IngestOutcome> {
    const unique = dedupe(items);
    const pages = await this.pagesFor(this.dataSource.manager, network, unique);
    const matched = unique.filter((item) => pages.has(item.pageExternalId));
    const unmatched = unique.filter((item) => !pages.has(item.pageExternalId));
    const outcome = await this.dataSource.transaction(async (tx) => {
      const outcome = await this.store(tx, network, matched, pages, 'WEBHOOK');
      await this.keepAside(tx, network, unmatched);
      return { ...outcome, unmatched: unmatched.length };
    });
    this.routing.dispatch(outcome.conversationIds);
    return outcome;
  }

  /**
   * A back-fill or a test, by a signed-in user who may import for every page of the batch.
   * A page the caller cannot see reads as unknown; the whole batch is refused with it.
   */
  async import(actor: Actor, network: string, items: IncomingItem[]): Promise<IngestOutcome & { conversations: Conversation[] }> {
    const net = network.trim().toLowerCase();
    if (!net) throw AppError.badInput('network is required', [{ field: 'network', message: 'is required' }]);
    if (items.length === 0) throw AppError.badInput('items may not be empty', [{ field: 'items', message: 'is empty' }]);
    if (items.length > MAX_ITEMS_PER_CALL) {
      throw AppError.badInput(`At most ${MAX_ITEMS_PER_CALL} items per call`, [{ field: 'items', message: `has more than ${MAX_ITEMS_PER_CALL} items` }]);
    }
    const problems = items.flatMap((item, index) => incomingItemProblems(item, index));
    if (problems.length) throw AppError.invalidFields(problems);
    const unique = dedupe(items);
    const outcome = await this.dataSource.transaction(async (tx) => {
      const pages = await this.pagesFor(tx, net, unique);
      const byId = new Map([...pages.values()].map((page) => [page.id, page]));
      for (const item of unique) {
        const page = pages.get(item.pageExternalId);
        if (!page || !canRead(actor, 'Page', page)) throw AppError.notFound('Page');
      }
      for (const page of byId.values()) authorize(actor, 'import', 'InboundItem', { pageId: page.id, brandId: page.brandId, scopeIds: page.scopeIds }, [], true);
      const outcome = await this.store(tx, net, unique, pages, 'IMPORT');
      for (const [pageId, counts] of outcome.perPage) {
        const page = byId.get(pageId)!;
        await this.audit.record(tx, actor, {
          action: 'inbound.import',
          subjectType: 'Page',
          subjectId: page.id,
          brandId: page.brandId,
          scopeIds: page.scopeIds,
          before: null,
          after: { network: net, stored: counts.stored, duplicates: counts.duplicates },
        });
      }
      return { stored: outcome.stored, duplicates: outcome.duplicates, unmatched: 0, conversationIds: outcome.conversationIds };
    });
    this.routing.dispatch(outcome.conversationIds);
    return { ...outcome, conversations: await this.conversationQuery.byIds(actor, outcome.conversationIds) };
  }

  /** Items kept aside for unknown pages: they belong to no brand yet, so the abilities give them to the platform only. */
  async unmatchedCount(actor: Actor, network?: string | null): Promise<number> {
    if (!actor.ability.can('read', 'UnmatchedInboundItem')) throw new AppError('FORBIDDEN', 'You may not read unmatched inbound items');
    const readable = abilityToSql(actor.ability, 'read', 'UnmatchedInboundItem', SUBJECT_FIELDS.UnmatchedInboundItem('u'));
    const query = this.dataSource.getRepository(UnmatchedInboundItem).createQueryBuilder('u').where(readable.sql, readable.params);
    const net = network?.trim().toLowerCase();
    if (net) query.andWhere('u.network = :net', { net });
    return query.getCount();
  }

  /**
   * Pages by external id on the network. The database holds one active page per id, and archived
   * pages that held it before yield to it; an id only several archived pages claim is ambiguous, hence unknown.
   */
  private async pagesFor(db: EntityManager, network: string, items: IncomingItem[]): Promise<Map<string, KnownPage>> {
    const externalIds = [...new Set(items.map((item) => item.pageExternalId))];
    if (externalIds.length === 0) return new Map();
    const rows: (KnownPage & { active: boolean })[] = await db.query(
      `SELECT id, brand_id AS "brandId", scope_ids::text[] AS "scopeIds", external_id AS "externalId", status = 'ACTIVE' AS active
         FROM pages WHERE network = $1 AND external_id = ANY($2::varchar[])`,
      [network, externalIds],
    );
    const claims = new Map<string, (KnownPage & { active: boolean })[]>();
    for (const row of rows) claims.set(row.externalId, [...(claims.get(row.externalId) ?? []), row]);
    const known = new Map<string, KnownPage>();
    for (const [externalId, owners] of claims) {
      const holder = owners.find((owner) => owner.active) ?? (owners.length === 1 ? owners[0] : undefined);
      if (holder) known.set(externalId, { id: holder.id, brandId: holder.brandId, scopeIds: holder.scopeIds, externalId });
    }
    return known;
  }

  private async store(tx: EntityManager, network: string, items: IncomingItem[], pages: Map<string, KnownPage>, source: InboundItemSource) {
    const perPage = new Map<string, { stored: number; duplicates: number }>();
    if (items.length === 0) return { stored: 0, duplicates: 0, conversationIds: [], perPage };

    // 0. Items stored before (redelivered), read without a lock: they touch no conversation, so a
    // redelivery never queues behind the router, which holds the conversations it is routing.
    const seen: { external_id: string; conversation_id: string }[] = await tx.query(
      `SELECT external_id, conversation_id FROM inbound_items WHERE network = $1 AND external_id = ANY($2::varchar[])`,
      [network, items.map((item) => item.externalId)],
    );
    const seenIds = new Set(seen.map((row) => row.external_id));
    const fresh = items.filter((item) => !seenIds.has(item.externalId));

    // 1. One conversation per (page, thread, author), upserted in key order.
    const keyOf = (item: IncomingItem) => JSON.stringify([pages.get(item.pageExternalId)!.id, item.threadId, item.authorId]);
    const groups = new Map<string, IncomingItem[]>();
    for (const item of fresh) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
    const keys = [...groups.keys()].sort();
    const conversationIdByKey = new Map<string, string>();
    for (const chunk of chunks(keys, 500)) {
      const params: unknown[] = [];
      const values = chunk.map((key) => {
        const group = groups.get(key)!;
        const [first] = group;
        const page = pages.get(first.pageExternalId)!;
        const times = group.map((item) => item.occurredAt.getTime());
        const latest = group.reduce((a, b) => (b.occurredAt >= a.occurredAt ? b : a));
        params.push(randomUUID(), network, page.brandId, page.id, page.scopeIds, first.threadId, first.authorId, latest.authorName, new Date(Math.min(...times)), new Date(Math.max(...times)));
        const n = params.length - 10;
        return `($${n + 1}::uuid, $${n + 2}, $${n + 3}::uuid, $${n + 4}::uuid, $${n + 5}::uuid[], $${n + 6}, $${n + 7}, $${n + 8}, $${n + 9}::timestamptz, $${n + 10}::timestamptz)`;
      });
      const rows: { id: string; page_id: string; thread_id: string; author_id: string }[] = await tx.query(
        `INSERT INTO conversations (id, network, brand_id, page_id, scope_ids, thread_id, author_id, author_name, first_item_at, last_item_at)
         VALUES ${values.join(', ')}
         ON CONFLICT (network, page_id, thread_id, author_id)
         -- The name of the newest item wins: a retry or a late old item does not bring back a former name.
         DO UPDATE SET author_name = CASE WHEN EXCLUDED.last_item_at >= conversations.last_item_at
                                          THEN COALESCE(EXCLUDED.author_name, conversations.author_name)
                                          ELSE conversations.author_name END
         RETURNING id, page_id, thread_id, author_id`,
        params,
      );
      for (const row of rows) conversationIdByKey.set(JSON.stringify([row.page_id, row.thread_id, row.author_id]), row.id);
    }

    // 2. The items, once each: one being stored right now by another delivery is a no-op. In
    // the same statement, the counts and times of their conversations from the rows it stored (so
    // a redelivery changes nothing), and a conversation.received event for each, heard by every
    // instance's subscriptions once this transaction commits.
    const storedIds: string[] = [];
    const sorted = [...fresh].sort((a, b) => (a.externalId < b.externalId ? -1 : a.externalId > b.externalId ? 1 : 0));
    for (const chunk of chunks(sorted, Math.floor(60_000 / ITEM_COLUMNS))) {
      const params: unknown[] = [REALTIME_CHANNEL];
      const values = chunk.map((item) => {
        const page = pages.get(item.pageExternalId)!;
        params.push(
          randomUUID(), network, item.externalId, page.brandId, page.id, page.scopeIds, conversationIdByKey.get(keyOf(item)),
          item.kind, item.threadId, item.parentExternalId, item.authorId, item.authorName, item.text, item.language, item.occurredAt, source,
        );
        const n = params.length - ITEM_COLUMNS;
        const casts = ['::uuid', '', '', '::uuid', '::uuid', '::uuid[]', '::uuid', '', '', '', '', '', '', '', '::timestamptz', ''];
        return `(${casts.map((cast, i) => `$${n + i + 1}${cast}`).join(', ')})`;
      });
      const rows: { id: string; page_id: string }[] = await tx.query(
        `WITH stored AS (
           INSERT INTO inbound_items (id, network, external_id, brand_id, page_id, scope_ids, conversation_id, kind, thread_id,
             parent_external_id, author_id, author_name, text, language, occurred_at, source)
           VALUES ${values.join(', ')}
           ON CONFLICT (network, external_id) DO NOTHING
           RETURNING id, page_id, conversation_id, occurred_at),
         counted AS (
           UPDATE conversations c
              SET item_count = c.item_count + n.count,
                  first_item_at = LEAST(c.first_item_at, n.first),
                  last_item_at = GREATEST(c.last_item_at, n.last),
                  updated_at = now()
             FROM (SELECT conversation_id, count(*)::int AS count, min(occurred_at) AS first, max(occurred_at) AS last FROM stored GROUP BY conversation_id) n
            WHERE c.id = n.conversation_id
        RETURNING c.id, c.brand_id, c.scope_ids),
         -- The payload publishRealtime sends.
         notified AS (
           SELECT pg_notify($1, json_build_object('type', 'conversation.received', 'id', id, 'brandId', brand_id, 'scopeIds', scope_ids)::text) FROM counted)
         SELECT id, page_id, (SELECT count(*) FROM notified) AS notified FROM stored`,
        params,
      );
      for (const row of rows) {
        storedIds.push(row.id);
        const counts = perPage.get(row.page_id) ?? { stored: 0, duplicates: 0 };
        counts.stored++;
        perPage.set(row.page_id, counts);
      }
    }
    for (const item of items) {
      const pageId = pages.get(item.pageExternalId)!.id;
      perPage.set(pageId, perPage.get(pageId) ?? { stored: 0, duplicates: 0 });
      perPage.get(pageId)!.duplicates++;
    }
    // Each page's duplicates so far hold its item count: take away what was stored.
    for (const counts of perPage.values()) counts.duplicates -= counts.stored;
    return {
      stored: storedIds.length,
      duplicates: items.length - storedIds.length,
      conversationIds: [...new Set([...keys.map((key) => conversationIdByKey.get(key)!), ...seen.map((row) => row.conversation_id)])],
      perPage,
    };
  }

  private async keepAside(tx: EntityManager, network: string, items: IncomingItem[]): Promise<void> {
    const sorted = [...items].sort((a, b) => (a.externalId < b.externalId ? -1 : a.externalId > b.externalId ? 1 : 0));
    for (const chunk of chunks(sorted, 2000)) {
      const params: unknown[] = [];
      const values = chunk.map((item) => {
        params.push(randomUUID(), network, item.externalId, item.pageExternalId, JSON.stringify(item));
        const n = params.length - 5;
        return `($${n + 1}::uuid, $${n + 2}, $${n + 3}, $${n + 4}, $${n + 5}::jsonb)`;
      });
      await tx.query(
        `INSERT INTO unmatched_inbound_items (id, network, external_id, page_external_id, item) VALUES ${values.join(', ')}
         ON CONFLICT (network, external_id) DO NOTHING`,
        params,
      );
    }
  }
}

/** The first of each external id: a batch may repeat an item. */
function dedupe(items: IncomingItem[]): IncomingItem[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(item.externalId) && !!seen.add(item.externalId));
}

function chunks<T>(all: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < all.length; i += size) out.push(all.slice(i, i + size));
  return out;
}
