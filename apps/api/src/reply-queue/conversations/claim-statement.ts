import type { DataSource } from 'typeorm';
import { abilityToSql, SUBJECT_FIELDS } from '../../access/ability-sql';
import type { Actor } from '../../auth/request-context';
import { Conversation } from './conversation.entity';
import { queueEventPayloads } from './queue-events';

/** The queue as claimNext reads it, with the caller's membership (capacity null: not a member). */
export interface ClaimingQueue {
  id: string;
  brandId: string;
  scopeIds: string[];
  capacity: number | null;
  languages: string[] | null;
}

const ORDER = 'ORDER BY c.priority_rank DESC, c.first_item_at ASC, c.id ASC LIMIT 1 FOR UPDATE SKIP LOCKED';

/**
 * claimNext's second statement, one round trip: the member's count against their capacity, the
 * pick, the claim, its audit entry and its live events (heard once the transaction commits).
 *
 * The pick walks IDX_conversations_claim (OPEN and ESCALATED rows of the queue, best first), so
 * held and resolved rows cost nothing. A lapsed lease cannot sit in a partial index (now() moves):
 * while the queue has one (between the holder's lapse and the sweep), the pick takes the slower
 * path over every claimable state instead, so the order stays priority then age for all of them.
 * The two paths exclude each other by a one-time test: only one scans, only one row is locked.
 */
export function claimStatement(actor: Actor, member: boolean, languages: string[]): { sql: string; params: Record<string, unknown> } {
  const workable = abilityToSql(actor.ability, 'work', 'Conversation', SUBJECT_FIELDS.Conversation('c'));
  const speaks = languages.length ? `AND (c.language IS NULL OR lower(split_part(c.language, '-', 1)) = ANY(:languages))` : '';
  // A member claims open ones, escalated ones (to the manager only if they manage the queue too) and
  // lapsed ones; a manager who is no member, only those escalated to the manager.
  const fresh = member
    ? `c.state IN ('OPEN', 'ESCALATED') AND (c.state = 'OPEN' OR NOT c.escalated_to_manager OR :manager)`
    : `c.state = 'ESCALATED' AND c.escalated_to_manager`;
  const any = `(c.state = 'OPEN' OR (c.state = 'ASSIGNED' AND c.lease_expires_at <= now()) OR (c.state = 'ESCALATED' AND (NOT c.escalated_to_manager OR :manager)))`;
  const pick = (claimable: string, when: string) =>
    `SELECT c.id FROM conversations c
      WHERE (SELECT ok FROM room) AND ${when} AND c.queue_id = :queueId AND ${claimable} ${speaks} AND ${workable.sql} ${ORDER}`;
  const sql = `
    WITH held AS (
      SELECT count(*)::int AS n FROM conversations
       WHERE queue_id = :queueId AND assignee_id = :userId AND state = 'ASSIGNED' AND lease_expires_at > now()),
    room AS (SELECT :capacity::int IS NULL OR (SELECT n FROM held) < :capacity::int AS ok),
    lapsed AS (
      SELECT ${member ? 'true' : 'false'} AND EXISTS (
        SELECT 1 FROM conversations WHERE queue_id = :queueId AND state = 'ASSIGNED' AND lease_expires_at <= now()) AS found),
    fresh AS (${pick(fresh, 'NOT (SELECT found FROM lapsed)')}),
    mixed AS (${pick(any, '(SELECT found FROM lapsed)')}),
    claimed AS (
      UPDATE conversations SET state = 'ASSIGNED', assignee_id = :userId, lease_expires_at = now() + make_interval(secs => :lease),
             escalated_to_manager = false, updated_at = now()
       WHERE id = COALESCE((SELECT id FROM fresh), (SELECT id FROM mixed))
      RETURNING *),
    audited AS (
      INSERT INTO audit_entries (id, actor_id, action, subject_type, subject_id, brand_id, scope_ids, changes, request_id)
      SELECT gen_random_uuid(), :userId, 'conversation.claim', 'Conversation', id, brand_id, scope_ids,
             jsonb_build_object(
               'queueId', jsonb_build_object('before', null, 'after', queue_id),
               'assigneeId', jsonb_build_object('before', null, 'after', assignee_id),
               -- As a JavaScript Date serializes: UTC, milliseconds, Z.
               'leaseExpiresAt', jsonb_build_object('before', null, 'after', to_char(lease_expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))),
             :requestId
        FROM claimed),
    notified AS (
      SELECT pg_notify(:channel, payload) FROM (${queueEventPayloads('(SELECT * FROM reply_queues WHERE id IN (SELECT queue_id FROM claimed))', 'claimed')}) events)
    SELECT (SELECT n FROM held) AS held, (SELECT count(*) FROM notified) AS notified, claimed.* FROM (SELECT 1) one LEFT JOIN claimed ON true`;
  return { sql, params: workable.params };
}

/** A conversations row (as RETURNING * gives it) as the entity, by the entity's own column names. */
export function conversationFromRow(dataSource: DataSource, row: Record<string, unknown>): Partial<Conversation> {
  return Object.fromEntries(dataSource.getMetadata(Conversation).columns.map((column) => [column.propertyName, row[column.databaseName]]));
}
