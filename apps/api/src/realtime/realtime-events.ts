import type { EntityManager } from 'typeorm';

/** PostgreSQL channel on which live events reach every API instance (their subscriptions). */
export const REALTIME_CHANNEL = 'pivot_realtime';

/**
 * What a subscription hears. Events carry ids and the scope of the record only: a subscriber
 * checks the scope against its ability, then reads the record through the same scoped query as
 * a list would, so a subscription never shows more than a query.
 */
export interface RealtimeEvent {
  type: RealtimeEventType;
  /** The record the event is about. */
  id: string;
  brandId: string;
  scopeIds: string[];
  /** The queue a conversation event is about (conversation.claimChanged), for subscriptions narrowed to one queue. */
  queueId?: string | null;
}

/**
 * conversation.received: a conversation got a new item (id: the conversation).
 * queue.countsChanged: a conversation entered a queue, changed state, was claimed or released in it (id: the queue, scope: the queue's).
 * conversation.claimChanged: a conversation's holder or lease expiry changed (id: the conversation, queueId: its queue).
 */
export const REALTIME_EVENT_TYPES = ['conversation.received', 'queue.countsChanged', 'conversation.claimChanged'] as const;
export type RealtimeEventType = (typeof REALTIME_EVENT_TYPES)[number];

/**
 * Sent inside the writing transaction: listeners hear it only if, and when, it commits. A
 * NOTIFY payload must stay under 8,000 bytes: one event per notification is a few hundred.
 */
export async function publishRealtime(tx: EntityManager, events: RealtimeEvent[]): Promise<void> {
  if (events.length === 0) return;
  await tx.query('SELECT pg_notify($1, payload) FROM unnest($2::text[]) AS payload', [REALTIME_CHANNEL, events.map((event) => JSON.stringify(event))]);
}

/** A payload heard on the channel, or null when it is not one of ours. */
export function parseRealtimeEvent(payload: string | undefined): RealtimeEvent | null {
  if (!payload) return null;
  try {
    const event = JSON.parse(payload) as Partial<RealtimeEvent>;
    const known = (REALTIME_EVENT_TYPES as readonly string[]).includes(event.type as string);
    if (!known || typeof event.id !== 'string' || typeof event.brandId !== 'string' || !Array.isArray(event.scopeIds)) return null;
    return event as RealtimeEvent;
  } catch {
    return null;
  }
}
