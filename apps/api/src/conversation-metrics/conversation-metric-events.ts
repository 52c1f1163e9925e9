import type { BusinessHours, ConversationMetricEvent, MetricQueue } from '@pivot/domain';
import type { EntityManager } from 'typeorm';

/**
 * The raw rows the metrics come from, read by table name (the reply queues' code is not imported):
 * - inbound_items: what customers wrote (items received, distinct authors), by the day they wrote it;
 * - audit_entries of conversations, the conversations' history, each written in the transaction of
 *   its change: `conversation.route` (opened: routed into a queue), `conversation.reopen`,
 *   `conversation.reply` (its actor is who sent it), `conversation.resolve`; the queue at each event
 *   is the last `queueId` change before it (route, escalate), so a conversation escalated later still
 *   counts its earlier replies for the queue that had it then.
 * An event's day is the UTC day of its time.
 */
export const CONVERSATION_EVENT_ACTIONS = ['conversation.route', 'conversation.reopen', 'conversation.reply', 'conversation.resolve'] as const;

export interface EventRow {
  id: string;
  seq: string;
  brandId: string;
  pageId: string;
  day: string;
  event: ConversationMetricEvent;
}

export interface ItemRow {
  id: string;
  brandId: string;
  pageId: string;
  authorId: string;
  day: string;
  receivedAt: Date;
}

const ACTIONS = CONVERSATION_EVENT_ACTIONS.map((action) => `'${action}'`).join(', ');

/**
 * The events chosen by `where` (over audit entries `a`) with what each needs: the conversation's
 * first message, the previous reply and resolution, the first customer message since each, and
 * the queue then. `$1…` parameters are the caller's.
 */
function eventsSql(where: string): string {
  return `
    SELECT a.id, a.seq::text AS seq, a.action, a.actor_id AS "actorId", a.occurred_at AS at, c.brand_id AS "brandId", c.page_id AS "pageId",
           to_char(a.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, c.first_item_at AS "firstItemAt",
           q.queue_id AS "queueId", rq.first_response_minutes AS "firstResponseMinutes", rq.next_response_minutes AS "nextResponseMinutes",
           rq.time_zone AS "timeZone", rq.business_hours AS "businessHours",
           (a.action = 'conversation.reply' AND prev_reply.at IS NULL) AS "firstReply",
           CASE WHEN a.action = 'conversation.reply' AND prev_reply.at IS NOT NULL THEN
             (SELECT min(i.occurred_at) FROM inbound_items i WHERE i.conversation_id = c.id AND i.occurred_at > prev_reply.at AND i.occurred_at <= a.occurred_at)
           END AS "nextOwedSince",
           CASE WHEN a.action = 'conversation.resolve' THEN COALESCE(
             (SELECT min(i.occurred_at) FROM inbound_items i WHERE i.conversation_id = c.id AND i.occurred_at > prev_resolve.at AND i.occurred_at <= a.occurred_at),
             prev_resolve.at, c.first_item_at)
           END AS "episodeStart"
      FROM audit_entries a
      JOIN conversations c ON c.id = a.subject_id
      LEFT JOIN LATERAL (
        SELECT (x.changes -> 'queueId' ->> 'after')::uuid AS queue_id FROM audit_entries x
         WHERE x.subject_type = 'Conversation' AND x.subject_id = a.subject_id AND x.seq <= a.seq AND x.changes ? 'queueId'
         ORDER BY x.seq DESC LIMIT 1) q ON true
      LEFT JOIN reply_queues rq ON rq.id = q.queue_id
      -- The event's own action inside each lookup (not in ON): a one-time filter, so the other events probe nothing.
      LEFT JOIN LATERAL (
        SELECT p.occurred_at AS at FROM audit_entries p
         WHERE a.action = 'conversation.reply' AND p.subject_type = 'Conversation' AND p.subject_id = a.subject_id AND p.action = 'conversation.reply' AND p.seq < a.seq
         ORDER BY p.seq DESC LIMIT 1) prev_reply ON true
      LEFT JOIN LATERAL (
        SELECT p.occurred_at AS at FROM audit_entries p
         WHERE a.action = 'conversation.resolve' AND p.subject_type = 'Conversation' AND p.subject_id = a.subject_id AND p.action = 'conversation.resolve' AND p.seq < a.seq
         ORDER BY p.seq DESC LIMIT 1) prev_resolve ON true
     WHERE a.subject_type = 'Conversation' AND a.action IN (${ACTIONS}) AND ${where}
     ORDER BY a.seq`;
}

/** Up to `limit` conversation events after `fromSeq` that no run has added yet, oldest first. */
export async function unmarkedEvents(tx: EntityManager, fromSeq: string, limit: number): Promise<EventRow[]> {
  const rows = await tx.query(
    `${eventsSql(`a.seq > $1 AND NOT EXISTS (SELECT 1 FROM conversation_metric_marks m WHERE m.event_id = a.id)`)} LIMIT $2`,
    [fromSeq, limit],
  );
  return toEventRows(rows);
}

/** Every conversation event of one brand and UTC day. */
export async function eventsOfDay(tx: EntityManager, brandId: string, day: string): Promise<EventRow[]> {
  const rows = await tx.query(
    eventsSql(`a.brand_id = $1 AND a.occurred_at >= ($2::date)::timestamp AT TIME ZONE 'UTC' AND a.occurred_at < ($2::date + 1)::timestamp AT TIME ZONE 'UTC'`),
    [brandId, day],
  );
  return toEventRows(rows);
}

const ITEM_COLUMNS = `i.id, i.brand_id AS "brandId", i.page_id AS "pageId", i.author_id AS "authorId",
  to_char(i.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, i.received_at AS "receivedAt"`;

/** Up to `limit` items received since `since` (a window: arrival order is not commit order) that no run has added yet, oldest first. */
export function unmarkedItems(tx: EntityManager, since: Date, limit: number): Promise<ItemRow[]> {
  return tx.query(
    `SELECT ${ITEM_COLUMNS} FROM inbound_items i
      WHERE i.received_at > $1 AND NOT EXISTS (SELECT 1 FROM conversation_metric_marks m WHERE m.event_id = i.id)
      ORDER BY i.received_at LIMIT $2`,
    [since, limit],
  );
}

/** Every item one brand's customers wrote on one UTC day. */
export function itemsOfDay(tx: EntityManager, brandId: string, day: string): Promise<ItemRow[]> {
  return tx.query(
    `SELECT ${ITEM_COLUMNS} FROM inbound_items i
      WHERE i.brand_id = $1 AND i.occurred_at >= ($2::date)::timestamp AT TIME ZONE 'UTC' AND i.occurred_at < ($2::date + 1)::timestamp AT TIME ZONE 'UTC'`,
    [brandId, day],
  );
}

interface RawEvent {
  id: string;
  seq: string;
  action: (typeof CONVERSATION_EVENT_ACTIONS)[number];
  actorId: string | null;
  at: Date;
  brandId: string;
  pageId: string;
  day: string;
  firstItemAt: Date;
  queueId: string | null;
  firstResponseMinutes: number | null;
  nextResponseMinutes: number | null;
  timeZone: string | null;
  businessHours: Omit<BusinessHours, 'timeZone'> | null;
  firstReply: boolean;
  nextOwedSince: Date | null;
  episodeStart: Date | null;
}

/** One MetricQueue object per queue, so the business-hours caches recognise its hours. */
function toEventRows(rows: RawEvent[]): EventRow[] {
  const queues = new Map<string, MetricQueue>();
  return rows.map((row) => {
    let queue: MetricQueue | null = null;
    if (row.queueId && row.timeZone && row.businessHours) {
      queue = queues.get(row.queueId) ?? null;
      if (!queue) {
        queue = {
          id: row.queueId,
          firstResponseMinutes: row.firstResponseMinutes!,
          nextResponseMinutes: row.nextResponseMinutes!,
          hours: { timeZone: row.timeZone, days: row.businessHours.days ?? {}, holidays: row.businessHours.holidays },
        };
        queues.set(row.queueId, queue);
      }
    }
    return toEventRow(row, queue);
  });
}

function toEventRow(row: RawEvent, queue: MetricQueue | null): EventRow {
  const base = { id: row.id, seq: row.seq, brandId: row.brandId, pageId: row.pageId, day: row.day };
  switch (row.action) {
    case 'conversation.route':
      return { ...base, event: { kind: 'opened', at: row.at, queue } };
    case 'conversation.reopen':
      return { ...base, event: { kind: 'reopened', at: row.at, queue } };
    case 'conversation.reply':
      return {
        ...base,
        event: { kind: 'reply', at: row.at, senderId: row.actorId, queue, first: row.firstReply, owedSince: row.firstReply ? row.firstItemAt : row.nextOwedSince },
      };
    case 'conversation.resolve':
      return { ...base, event: { kind: 'resolved', at: row.at, actorId: row.actorId, queue, episodeStart: row.episodeStart ?? row.firstItemAt } };
  }
}
