import type { EntityManager } from 'typeorm';
import { REALTIME_CHANNEL } from '../../realtime/realtime-events';

/**
 * Live events for the queue screens, sent inside the writing transaction (heard only if it
 * commits): `queue.countsChanged` for each queue whose overview row may have changed and
 * `conversation.claimChanged` for each conversation whose holder or lease did. Built in one
 * statement from the rows as this transaction left them, so the writer needs no extra reads
 * for the queues' scopes. Same payload as `publishRealtime`.
 */
export async function publishQueueEvents(tx: EntityManager, queueIds: (string | null | undefined)[], claimChangedIds: string[] = []): Promise<void> {
  const queues = [...new Set(queueIds.filter((id): id is string => !!id))];
  const conversations = [...new Set(claimChangedIds)];
  if (queues.length === 0 && conversations.length === 0) return;
  await tx.query(
    `SELECT pg_notify($1, payload) FROM (${queueEventPayloads('(SELECT * FROM reply_queues WHERE id = ANY($2::uuid[]))', '(SELECT * FROM conversations WHERE id = ANY($3::uuid[]))')}) events`,
    [REALTIME_CHANNEL, queues, conversations],
  );
}

/**
 * The events' payloads as SQL rows (column `payload`), from a relation of reply_queues rows and
 * one of conversations rows: lets a writer send them from within its own statement (claimNext).
 */
export function queueEventPayloads(queues: string, conversations: string): string {
  return `SELECT json_build_object('type', 'queue.countsChanged', 'id', q.id, 'brandId', q.brand_id, 'scopeIds', q.scope_ids)::text AS payload FROM ${queues} q
          UNION ALL
          SELECT json_build_object('type', 'conversation.claimChanged', 'id', c.id, 'brandId', c.brand_id, 'scopeIds', c.scope_ids, 'queueId', c.queue_id)::text FROM ${conversations} c`;
}
