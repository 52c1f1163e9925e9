/**
 * One busy day of reply-queue history written straight into the raw tables, as the reply queues
 * leave it: `conversations` conversations on one page, each with two customer messages (0 and 10
 * minutes in), routed to `queueId` after 1 s, answered at 5 and 20 minutes by `moderatorId` and
 * resolved at 30 minutes (four conversation.* audit entries each, in seq order by event). The
 * conversations start every 4 s from 06:00 UTC (10,000 fit in the day). For the rollup speed
 * spec and the insights benchmark; never run by the app. `prefix` keeps thread and message ids
 * apart when a database gets more than one such day.
 */
export interface ConversationDaySpec {
  brandId: string;
  pageId: string;
  scopeIds: string[];
  queueId: string;
  moderatorId: string;
  /** YYYY-MM-DD (UTC). */
  day: string;
  conversations: number;
  prefix?: string;
}

/** One connection with `query(text, values)` (pg's Client, or a client checked out of a Pool): the rows go through a temp table. */
export interface SqlClient {
  query(text: string, values?: unknown[]): Promise<unknown>;
}

export async function seedConversationDay(db: SqlClient, spec: ConversationDaySpec): Promise<void> {
  const { brandId: brand, pageId: page, scopeIds: scope, queueId, moderatorId: moderator, day, conversations } = spec;
  const prefix = spec.prefix ?? 'speed';
  await db.query(`DROP TABLE IF EXISTS seed_conversation_day`);
  await db.query(
    `CREATE TEMP TABLE seed_conversation_day AS
       SELECT gen_random_uuid() AS id, n, ($2::date + interval '6 hours' + n * interval '4 seconds') AS at FROM generate_series(1, $1::int) n`,
    [conversations, day],
  );
  await db.query(
    `INSERT INTO conversations (id, network, brand_id, page_id, scope_ids, thread_id, author_id, state, queue_id, item_count, first_item_at, last_item_at, updated_at)
     SELECT id, 'facebook', $1, $2, $3, $5 || '-' || n, $5 || '-author-' || (n % 4000), 'RESOLVED', $4, 2, at, at + interval '10 minutes', at + interval '30 minutes'
       FROM seed_conversation_day`,
    [brand, page, scope, queueId, prefix],
  );
  for (const offset of ['0 minutes', '10 minutes']) {
    await db.query(
      `INSERT INTO inbound_items (id, network, external_id, brand_id, page_id, scope_ids, conversation_id, kind, thread_id, author_id, text, occurred_at, source, status)
       SELECT gen_random_uuid(), 'facebook', $5 || '-' || n || '-' || $4, $1, $2, $3, id, 'COMMENT', $5 || '-' || n, $5 || '-author-' || (n % 4000), 'Bonjour',
              at + $4::interval, 'IMPORT', 'ROUTED' FROM seed_conversation_day`,
      [brand, page, scope, offset, prefix],
    );
  }
  const events: Array<[string, string, string | null, string]> = [
    ['conversation.route', '1 second', null, JSON.stringify({ queueId: { before: null, after: queueId } })],
    ['conversation.reply', '5 minutes', moderator, '{}'],
    ['conversation.reply', '20 minutes', moderator, '{}'],
    ['conversation.resolve', '30 minutes', moderator, '{}'],
  ];
  for (const [action, offset, actor, changes] of events) {
    await db.query(
      `INSERT INTO audit_entries (id, occurred_at, actor_id, action, subject_type, subject_id, brand_id, scope_ids, changes)
       SELECT gen_random_uuid(), at + $2::interval, $3, $1, 'Conversation', id, $4, $5, $6::jsonb FROM seed_conversation_day ORDER BY n`,
      [action, offset, actor, brand, scope, changes],
    );
  }
  await db.query(`DROP TABLE seed_conversation_day`);
}
