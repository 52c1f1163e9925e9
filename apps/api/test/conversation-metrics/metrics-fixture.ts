import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { loadWorld, type World } from '../access/access-world';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Raw reply-queue rows written straight into their tables, dated at will: the metrics read these
 * tables by name, so the fixture is exactly what they see (items, conversations, and the
 * conversation.* audit entries the reply queues write in the same transaction as each change).
 */
export interface MetricsFixture {
  db: Client;
  brandId: string;
  pageId: string;
  scopeIds: string[];
}

/** The app on its own database, the demo world signed in, and a fixture on the FR market page. */
export async function startMetricsWorld(): Promise<{ t: TestApp; w: World; f: MetricsFixture }> {
  const t = await startTestApp({ LOGIN_ATTEMPTS_PER_MINUTE: '10000' });
  const w = await loadWorld(t);
  const db = new Client({ connectionString: t.databaseUrl });
  await db.connect();
  const { rows } = await db.query(`SELECT scope_ids::text[] AS "scopeIds" FROM pages WHERE id = $1`, [w.id.FR]);
  return { t, w, f: { db, brandId: w.brandId, pageId: w.id.FR, scopeIds: rows[0].scopeIds } };
}

/** Paris office hours, Monday to Friday 09:00–18:00; 60 minutes to a first response, 30 to a next one. */
export async function parisQueue(f: MetricsFixture): Promise<string> {
  const id = randomUUID();
  const days = Object.fromEntries(['monday', 'tuesday', 'wednesday', 'thursday', 'friday'].map((day) => [day, [{ start: '09:00', end: '18:00' }]]));
  await f.db.query(
    `INSERT INTO reply_queues (id, brand_id, scope_page_id, scope_ids, name, first_response_minutes, next_response_minutes, time_zone, business_hours, version)
     VALUES ($1, $2, $3, $4, $5, 60, 30, 'Europe/Paris', $6, 1)`,
    [id, f.brandId, f.pageId, f.scopeIds, `metrics ${id.slice(0, 8)}`, JSON.stringify({ days })],
  );
  return id;
}

export interface ConversationSpec {
  author: string;
  firstAt: string;
  queueId: string;
  state?: string;
  assigneeId?: string | null;
}

export async function conversation(f: MetricsFixture, spec: ConversationSpec): Promise<string> {
  const id = randomUUID();
  await f.db.query(
    `INSERT INTO conversations (id, network, brand_id, page_id, scope_ids, thread_id, author_id, state, queue_id, item_count, first_item_at, last_item_at, assignee_id)
     VALUES ($1, 'facebook', $2, $3, $4, $5, $6, $7, $8, 0, $9, $9, $10)`,
    [id, f.brandId, f.pageId, f.scopeIds, `thread-${id}`, spec.author, spec.state ?? 'OPEN', spec.queueId, spec.firstAt, spec.assigneeId ?? null],
  );
  await item(f, id, spec.author, spec.firstAt);
  return id;
}

/** A customer message in the conversation. */
export async function item(f: MetricsFixture, conversationId: string, author: string, at: string): Promise<void> {
  const id = randomUUID();
  await f.db.query(
    `INSERT INTO inbound_items (id, network, external_id, brand_id, page_id, scope_ids, conversation_id, kind, thread_id, author_id, text, occurred_at, source, status)
     VALUES ($1, 'facebook', $2, $3, $4, $5, $6, 'COMMENT', $7, $8, 'Bonjour', $9, 'IMPORT', 'ROUTED')`,
    [id, `ext-${id}`, f.brandId, f.pageId, f.scopeIds, conversationId, `thread-${conversationId}`, author, at],
  );
}

type Action = 'route' | 'reopen' | 'reply' | 'resolve' | 'escalate';

/** A conversation.* audit entry, as the reply queues write it; `actor` is who acted (null: the system). */
export async function event(f: MetricsFixture, conversationId: string, action: Action, at: string, actor: string | null = null, changes: object = {}): Promise<void> {
  await f.db.query(
    `INSERT INTO audit_entries (id, occurred_at, actor_id, action, subject_type, subject_id, brand_id, scope_ids, changes)
     VALUES ($1, $2, $3, $4, 'Conversation', $5, $6, $7, $8)`,
    [randomUUID(), at, actor, `conversation.${action}`, conversationId, f.brandId, f.scopeIds, JSON.stringify(changes)],
  );
}

export const routeTo = (queueId: string) => ({ queueId: { before: null, after: queueId } });

/** The rollup rows of the days, comparable across runs (ids, metric and grain as one key). */
export async function rollupOf(f: MetricsFixture, days: string[]): Promise<Record<string, string>> {
  const { rows } = await f.db.query(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, page_id, queue_id, moderator_id, metric, count, sum_ms, business_count, business_sum_ms, histogram, business_histogram
       FROM conversation_metric_days WHERE brand_id = $1 AND to_char(day, 'YYYY-MM-DD') = ANY($2) ORDER BY 1, 2, 3, 4, 5`,
    [f.brandId, days],
  );
  return Object.fromEntries(
    rows.map((row) => [
      `${row.day} ${row.page_id} ${row.queue_id ?? '-'} ${row.moderator_id ?? '-'} ${row.metric}`,
      `count=${row.count} sum=${row.sum_ms} bcount=${row.business_count} bsum=${row.business_sum_ms} h=${row.histogram ?? '-'} bh=${row.business_histogram ?? '-'}`,
    ]),
  );
}

/** One metric of a day at one grain: `queueId`/`moderatorId` undefined means the page grain (null). */
export async function metricOf(f: MetricsFixture, day: string, metric: string, queueId: string | null = null, moderatorId: string | null = null) {
  const { rows } = await f.db.query(
    `SELECT count::int, sum_ms::bigint::float8 AS "sumMs", business_count::int AS "businessCount", business_sum_ms::float8 AS "businessSumMs"
       FROM conversation_metric_days
      WHERE brand_id = $1 AND page_id = $2 AND day = $3 AND metric = $4 AND queue_id IS NOT DISTINCT FROM $5 AND moderator_id IS NOT DISTINCT FROM $6`,
    [f.brandId, f.pageId, day, metric, queueId, moderatorId],
  );
  return rows[0] ?? null;
}
